"""The mentoring rules as a table: who (each role of the candidate's organisation and another,
an outsider, staff) may read which mentoring object, with north's mentor paired to the candidate."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db.models import QuerySet

from mentoring import services
from mentoring.models import Pairing
from programmes import policy
from tests.mentoring.conftest import pair
from tests.practice import rows
from tests.programmes.cast import Cast

EVERYONE = [
    f"{org}:{role}"
    for org in ("north", "south")
    for role in ("candidate", "mentor", "interviewer", "hiring_manager", "programme_admin")
] + ["outsider", "staff"]


@pytest.fixture
def world(cast: Cast) -> dict[str, Any]:
    pairing = pair(cast)
    attempt = rows.attempt(cast.candidate, answer="Shared answer.")
    hidden = rows.attempt(cast.candidate, answer="Never shared.")
    revoked = rows.attempt(cast.candidate, answer="Shared, then withdrawn.")
    services.practice_share(pairing=pairing, attempt=attempt)
    services.practice_unshare(share=services.practice_share(pairing=pairing, attempt=revoked))
    me = cast.candidate
    return {
        "pairing": pairing,
        "attempt": attempt,
        "hidden": hidden,
        "revoked": revoked,
        "private entry": services.journal_entry_save(
            user=me, framework="free", title="p", answers={"entry": "private"}
        ),
        "shared entry": services.journal_entry_save(
            user=me, framework="free", title="s", answers={"entry": "shared"}, shared=True
        ),
        "session": services.session_log(
            pairing=pairing,
            user=me,
            held_on=pairing.created_at.date(),
            agenda="a",
            notes="n",
            next_steps=[],
        ),
        "goal": services.goal_create(user=me, stage="patient-partner", text="g"),
        "progress": services.step_mark(user=me, step="choose-your-title", done=True),
    }


READERS: dict[str, Callable[[Any], QuerySet[Any]]] = {
    "attempt": policy.attempts_visible_to,
    "hidden": policy.attempts_visible_to,
    "revoked": policy.attempts_visible_to,
    "private entry": policy.journal_visible_to,
    "shared entry": policy.journal_visible_to,
    "pairing": policy.pairings_visible_to,
    "session": policy.sessions_visible_to,
    "goal": policy.goals_visible_to,
    "progress": policy.progress_visible_to,
}
# Who besides the candidate reads each object.
ALLOWED = {
    "attempt": {"north:mentor"},
    "hidden": set(),
    "revoked": set(),
    "private entry": set(),
    "shared entry": {"north:mentor"},
    "pairing": {"north:mentor", "north:programme_admin"},
    "session": {"north:mentor"},
    "goal": {"north:mentor"},
    "progress": {"north:mentor"},
}


@pytest.mark.parametrize("thing", list(READERS))
@pytest.mark.parametrize("who", EVERYONE)
def test_who_reads_what(cast: Cast, world: dict[str, Any], thing: str, who: str) -> None:
    sees = READERS[thing](cast.people[who]).filter(pk=world[thing].pk).exists()
    expected = who == "north:candidate" or who in ALLOWED[thing]
    assert sees == expected, (who, thing)


def test_an_ended_pairing_closes_the_mentors_reads(cast: Cast, world: dict[str, Any]) -> None:
    pairing: Pairing = world["pairing"]
    services.pairing_end(pairing=pairing, user=pairing.partner)
    mentor = cast.people["north:mentor"]
    for thing in ("attempt", "shared entry", "goal", "progress"):
        assert not READERS[thing](mentor).filter(pk=world[thing].pk).exists(), thing
    assert policy.pairings_visible_to(mentor).filter(pk=pairing.pk).exists()


@pytest.mark.parametrize("who", [w for w in EVERYONE if w != "north:candidate"])
def test_only_the_candidate_changes_or_revokes(cast: Cast, world: dict[str, Any], who: str) -> None:
    user = cast.people[who]
    assert not policy.practice_shares_editable_by(user).exists()
    assert not policy.journal_editable_by(user).exists()
    assert not policy.goals_editable_by(user).exists()
    assert not policy.attempts_editable_by(user).filter(pk=world["attempt"].pk).exists()


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_candidate_may_share_their_answer_with_their_mentor(
    cast: Cast, world: dict[str, Any], who: str
) -> None:
    pairings = policy.share_pairings_for(cast.people[who], world["hidden"])
    expected = [world["pairing"].pk] if who == "north:candidate" else []
    assert list(pairings.values_list("pk", flat=True)) == expected, who


def test_no_one_to_share_with_once_the_pairing_ends(cast: Cast, world: dict[str, Any]) -> None:
    services.pairing_end(pairing=world["pairing"], user=cast.candidate)
    assert not policy.share_pairings_for(cast.candidate, world["hidden"]).exists()
