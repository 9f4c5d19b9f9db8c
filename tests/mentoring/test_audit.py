"""The audit log records what a partner shares with their mentor, what they withdraw, and each
read of a shared item by the mentor, on the pages and the API; never the content."""

from __future__ import annotations

import json

from django.test import Client

from audit.models import AuditEvent, Event
from audit.services import audit_verify
from mentoring import services
from mentoring.models import JournalEntry, Pairing, PracticeShare
from tests.mentoring.conftest import mentor_of
from tests.practice import rows

ANSWER = "I listened to the family first. Then I raised it at the committee."
REFLECTION = "The discharge meeting left me uneasy."


def events(event: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event=event).order_by("id"))


def entry_of(pairing: Pairing, shared: bool = False) -> JournalEntry:
    return services.journal_entry_save(
        user=pairing.partner,
        framework="what-so-what-now-what",
        title="A hard meeting",
        answers={"what": REFLECTION},
        shared=shared,
    )


def test_sharing_and_withdrawing_a_journal_entry_is_recorded_once_each(
    client: Client, pairing: Pairing
) -> None:
    entry = entry_of(pairing)
    assert not events(Event.MENTOR_SHARE_ADDED)  # a private entry shares nothing
    client.force_login(pairing.partner)
    url = f"/mentoring/journal/{entry.pk}/share/"
    client.post(url, {"shared": "yes"})
    client.post(url, {"shared": "yes"})  # already shared: no second event

    [added] = events(Event.MENTOR_SHARE_ADDED)
    assert added.actor_id == pairing.partner_id
    assert (added.object_type, added.object_id) == ("mentoring.journalentry", str(entry.pk))
    assert added.detail == {"what": "journal"}
    client.post(url, {"shared": "no"})
    [withdrawn] = events(Event.MENTOR_SHARE_WITHDRAWN)
    assert withdrawn.actor_id == pairing.partner_id and withdrawn.object_id == str(entry.pk)


def test_an_entry_saved_as_shared_is_recorded(pairing: Pairing) -> None:
    entry = entry_of(pairing, shared=True)
    [added] = events(Event.MENTOR_SHARE_ADDED)
    assert added.object_id == str(entry.pk)


def test_sharing_withdrawing_and_sharing_an_attempt_again_are_recorded(
    client: Client, pairing: Pairing
) -> None:
    attempt = rows.attempt(pairing.partner, answer=ANSWER)
    client.force_login(pairing.partner)
    client.post("/mentoring/shared/", {"pairing": pairing.pk, "attempt": attempt.pk})
    share = PracticeShare.objects.get()
    client.post("/mentoring/shared/", {"unshare": share.pk})
    client.post("/mentoring/shared/", {"unshare": share.pk})  # already withdrawn
    services.practice_share(pairing=pairing, attempt=attempt)

    added = events(Event.MENTOR_SHARE_ADDED)
    assert [e.object_id for e in added] == [str(share.pk), str(share.pk)]
    assert added[0].object_type == "mentoring.practiceshare"
    assert added[0].detail == {"what": "attempt", "attempt": attempt.pk, "pairing": pairing.pk}
    [withdrawn] = events(Event.MENTOR_SHARE_WITHDRAWN)
    assert withdrawn.actor_id == pairing.partner_id


def test_the_mentor_reading_a_shared_entry_is_recorded_and_the_owner_reading_it_is_not(
    client: Client, pairing: Pairing
) -> None:
    entry = entry_of(pairing, shared=True)
    client.force_login(pairing.partner)
    assert client.get(f"/mentoring/journal/{entry.pk}/").status_code == 200
    assert client.get(f"/api/v1/mentoring/journal/{entry.pk}").status_code == 200
    assert not events(Event.MENTOR_SHARE_VIEWED)

    mentor = mentor_of(pairing)
    client.force_login(mentor)
    assert client.get(f"/mentoring/journal/{entry.pk}/").status_code == 200
    assert client.get(f"/api/v1/mentoring/journal/{entry.pk}").status_code == 200
    page, api = events(Event.MENTOR_SHARE_VIEWED)
    assert page.actor_id == mentor.pk and page.object_id == str(entry.pk)
    assert page.detail == {"what": "journal", "owner": pairing.partner_id, "as": "page"}
    assert api.detail["as"] == "api"
    # Once withdrawn the mentor gets a 404, and a 404 shows nothing, so nothing is recorded.
    services.journal_share(entry=entry, shared=False)
    assert client.get(f"/mentoring/journal/{entry.pk}/").status_code == 404
    assert len(events(Event.MENTOR_SHARE_VIEWED)) == 2


def test_the_mentor_reading_a_shared_attempt_is_recorded_without_its_content(
    client: Client, pairing: Pairing
) -> None:
    attempt = rows.attempt(pairing.partner, answer=ANSWER)
    share = services.practice_share(pairing=pairing, attempt=attempt)
    client.force_login(pairing.partner)
    client.get(f"/mentoring/shared/{share.pk}/")
    assert not events(Event.MENTOR_SHARE_VIEWED)

    client.force_login(mentor_of(pairing))
    assert client.get(f"/mentoring/shared/{share.pk}/").status_code == 200
    assert client.get(f"/api/v1/mentoring/shares/{share.pk}").status_code == 200
    page, api = events(Event.MENTOR_SHARE_VIEWED)
    assert (page.object_type, page.object_id) == ("mentoring.practiceshare", str(share.pk))
    assert page.detail["attempt"] == attempt.pk and api.detail["as"] == "api"
    logged = json.dumps([e.detail for e in AuditEvent.objects.all()])
    assert "listened" not in logged and "discharge" not in logged
    assert audit_verify().intact
