"""The reflection journal: framework prompts, the confidentiality check before saving (with a
redacted version on offer), private by default, shared with the mentor entry by entry."""

from __future__ import annotations

import pytest
from django.test import Client

from mentoring import services
from mentoring.models import JournalEntry, Pairing
from tests.mentoring.conftest import mentor_of
from tests.programmes.cast import Cast

IDENTIFYING = "I sat with Mrs Patel in room 12 on 3 May after her diabetes diagnosis."


def _gibbs(privacy: str = "", description: str = IDENTIFYING) -> dict[str, str]:
    return {
        "title": "My first ward visit",
        "answer_description": description,
        "answer_feelings": "Nervous, then glad I went.",
        "answer_action-plan": "Next time I will ask the nurse first.",
        "step": "",
        "privacy": privacy,
    }


def test_a_gibbs_entry_with_identifying_details_is_held_back_with_a_redacted_version(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.candidate)
    page = client.post("/mentoring/journal/new/gibbs/", _gibbs())
    assert page.status_code == 200 and not JournalEntry.objects.exists()
    assert b"This may identify a patient" in page.content
    assert "“Mrs Patel”".encode() in page.content and b"[LOCATION]" in page.content
    # Nothing the person wrote is lost: the form comes back filled in.
    assert IDENTIFYING.encode() in page.content

    saved = client.post("/mentoring/journal/new/gibbs/", _gibbs(privacy="redacted"))
    entry = JournalEntry.objects.get()
    assert saved.status_code == 302
    assert entry.answers["description"] == (
        "I sat with [NAME] in [LOCATION] on [DATE] after her diabetes diagnosis."
    )
    assert entry.answers["feelings"] == "Nervous, then glad I went."
    assert set(entry.answers) == {
        "description",
        "feelings",
        "evaluation",
        "analysis",
        "conclusion",
        "action-plan",
    }


def test_a_clear_entry_saves_at_once_and_as_written_keeps_the_text(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.candidate)
    client.post("/mentoring/journal/new/gibbs/", _gibbs(description="I visited a ward."))
    client.post("/mentoring/journal/new/gibbs/", _gibbs(privacy="as_written"))
    texts = sorted(e.answers["description"] for e in JournalEntry.objects.all())
    assert texts == [IDENTIFYING, "I visited a ward."]


def test_the_api_refuses_identifying_details_until_told_what_to_do(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.candidate)
    body = {"framework": "what-so-what-now-what", "title": "t", "answers": {"what": IDENTIFYING}}
    refused = client.post("/api/v1/mentoring/journal", body, content_type="application/json")
    assert refused.status_code == 409
    assert refused.json()["redacted"]["what"].startswith("I sat with [NAME]")
    body["privacy"] = "redacted"
    saved = client.post("/api/v1/mentoring/journal", body, content_type="application/json")
    assert saved.status_code == 201 and "[NAME]" in saved.json()["answers"]["what"]


def test_an_entry_is_private_until_shared_and_the_share_can_be_withdrawn(
    client: Client, cast: Cast, pairing: Pairing
) -> None:
    entry = services.journal_entry_save(
        user=cast.candidate,
        framework="free",
        title="Saying no",
        answers={"entry": "I turned down a fourth committee."},
    )
    paths = [f"/mentoring/journal/{entry.pk}/", f"/api/v1/mentoring/journal/{entry.pk}"]
    client.force_login(mentor_of(pairing))
    assert {client.get(p).status_code for p in paths} == {404}
    services.journal_share(entry=entry, shared=True)
    assert {client.get(p).status_code for p in paths} == {200}
    assert b"I turned down a fourth committee." in client.get(paths[0]).content
    services.journal_share(entry=entry, shared=False)
    assert {client.get(p).status_code for p in paths} == {404}


@pytest.mark.parametrize("who", ["south:mentor", "north:programme_admin", "outsider"])
def test_a_shared_entry_is_seen_by_the_active_mentor_only(
    client: Client, cast: Cast, pairing: Pairing, who: str
) -> None:
    entry = services.journal_entry_save(
        user=cast.candidate, framework="free", title="t", answers={"entry": "x"}, shared=True
    )
    client.force_login(cast.people[who])
    assert client.get(f"/mentoring/journal/{entry.pk}/").status_code == 404
    assert client.post(f"/mentoring/journal/{entry.pk}/share/", {"shared": "no"}).status_code == 404


def test_the_boundaries_prompts_are_offered(client: Client, cast: Cast) -> None:
    client.force_login(cast.candidate)
    page = client.get("/mentoring/journal/new/boundaries/")
    assert b"Learn to say no" in page.content and b"Self-care is not selfish" in page.content


def test_an_entry_links_to_an_own_attempt_or_session_and_never_to_another_persons(
    client: Client, cast: Cast, pairing: Pairing
) -> None:
    from tests.practice import rows

    mine = rows.attempt(cast.candidate, answer="Mine.")
    theirs = rows.attempt(cast.people["south:candidate"], answer="Not mine.")
    session = services.session_log(
        pairing=pairing,
        user=mentor_of(pairing),
        held_on=pairing.created_at.date(),
        agenda="",
        notes="",
        next_steps=[],
    )
    client.force_login(cast.candidate)
    body = {"title": "On it", "answer_what": "It went fine.", "privacy": ""}
    url = "/mentoring/journal/new/what-so-what-now-what/"
    client.post(f"{url}?attempt={mine.pk}&session={session.pk}", body)
    entry = JournalEntry.objects.get()
    assert entry.attempt == mine and entry.session == session
    assert client.get(f"{url}?attempt={theirs.pk}").status_code == 404
    client.force_login(cast.people["south:mentor"])
    assert client.get(f"{url}?session={session.pk}").status_code == 404
