"""A partner's pathway: steps done with notes, goals (three at a time), the mentor's stage
assessment, and an organisation's own steps and resources that leave the bundled file alone."""

from __future__ import annotations

import hashlib

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client

from mentoring import pathway, services
from mentoring.models import Goal, Pairing
from tests.mentoring.conftest import mentor_of
from tests.programmes.cast import Cast


def test_a_step_is_marked_done_with_a_note_and_undone(cast: Cast) -> None:
    me = cast.candidate
    services.step_mark(user=me, step="choose-your-title", done=True, note="Patient partner.")
    first = pathway.progress_of(me)[0]
    assert first.done_count == 1 and first.notes["choose-your-title"] == "Patient partner."
    services.step_mark(user=me, step="choose-your-title", done=False)
    assert pathway.progress_of(me)[0].done_count == 0


def test_an_unknown_step_is_refused(cast: Cast) -> None:
    with pytest.raises(ValidationError):
        services.step_mark(user=cast.candidate, step="no-such-step", done=True)


def test_a_partner_has_at_most_three_active_goals(cast: Cast) -> None:
    me = cast.candidate
    goals = [
        services.goal_create(user=me, stage="patient-partner", text=f"Goal {n}") for n in range(3)
    ]
    with pytest.raises(ValidationError, match="3 active goals"):
        services.goal_create(user=me, stage="evaluate", text="A fourth")
    services.goal_close(goal=goals[0], status=Goal.Status.ACHIEVED)
    services.goal_create(user=me, stage="evaluate", text="Now there is room")
    assert Goal.objects.filter(user=me, status="active").count() == 3


def test_the_mentor_assesses_a_stage_and_the_partner_sees_it(
    client: Client, cast: Cast, pairing: Pairing
) -> None:
    client.force_login(mentor_of(pairing))
    response = client.post(
        f"/mentoring/partners/{pairing.partner_id}/assess/",
        {"stage": "embrace-learnings", "percent": 60, "comment": "Curious, reads widely."},
    )
    assert response.status_code == 302
    client.force_login(pairing.partner)
    page = client.get("/mentoring/")
    assert b"60%" in page.content and b"Curious, reads widely." in page.content


@pytest.mark.parametrize("who", ["south:mentor", "north:programme_admin", "outsider"])
def test_only_the_active_mentor_sees_or_assesses_a_partners_pathway(
    client: Client, cast: Cast, pairing: Pairing, who: str
) -> None:
    client.force_login(cast.people[who])
    assert client.get(f"/mentoring/partners/{pairing.partner_id}/").status_code == 404
    post = client.post(
        f"/mentoring/partners/{pairing.partner_id}/assess/", {"stage": "evaluate", "percent": 10}
    )
    assert post.status_code == 404
    assert client.get(f"/api/v1/mentoring/partners/{pairing.partner_id}/pathway").status_code == 404


def _digest() -> str:
    return hashlib.sha256((settings.CONTENT_DIR / "pathway.yaml").read_bytes()).hexdigest()


def test_an_admin_adapts_the_pathway_for_their_organisation_only(
    client: Client, cast: Cast
) -> None:
    before = _digest()
    client.force_login(cast.people["north:programme_admin"])
    added = client.post(
        "/mentoring/organisations/north/pathway/",
        {
            "add_step": "1",
            "stage": "find-and-connect",
            "kind": "act",
            "text": "Join the North patient council for one meeting.",
            "prompt": "",
        },
    )
    assert added.status_code == 302
    step = next(s for s in pathway.pathway_for(cast.north)[5].steps if s.local)
    client.post(
        "/mentoring/organisations/north/pathway/",
        {
            "add_resource": "1",
            "step": "choose-your-title",
            "title": "North's partner handbook",
            "url": "https://north.example.org/handbook",
        },
    )
    north = pathway.pathway_for(cast.north)
    assert any(r.title == "North's partner handbook" for r in north[0].steps[0].resources)
    assert step.text == "Join the North patient council for one meeting."
    south = pathway.pathway_for(cast.south)
    assert not any(s.local for stage in south for s in stage.steps)
    assert pathway.pathway_for(None) == south
    assert _digest() == before  # the bundled content is untouched

    client.force_login(cast.candidate)  # north's candidate sees the local step on their pathway
    assert b"Join the North patient council" in client.get("/mentoring/").content


@pytest.mark.parametrize("who", ["north:mentor", "north:candidate", "south:programme_admin"])
def test_nobody_but_the_organisations_admin_adapts_its_pathway(
    client: Client, cast: Cast, who: str
) -> None:
    client.force_login(cast.people[who])
    assert client.get("/mentoring/organisations/north/pathway/").status_code == 404
