"""The mentoring area's entries in the audit log (#13): what a partner shows their mentor, when
they take it back, and each time the mentor reads it. Who, which object, when; never content.

Journal entries are logged as `mentoring.journalentry`, practice as `mentoring.practiceshare`
(with the attempt or mock interview it shows in `detail`)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from audit.models import Event
from audit.services import audit_record

from .models import JournalEntry, PracticeShare


def _what(obj: JournalEntry | PracticeShare) -> dict[str, Any]:
    if isinstance(obj, JournalEntry):
        return {"what": "journal"}
    if obj.attempt_id is not None:
        return {"what": "attempt", "attempt": obj.attempt_id, "pairing": obj.pairing_id}
    return {"what": "mock_interview", "interview": obj.interview_id, "pairing": obj.pairing_id}


def share_changed(*, owner_id: int, obj: JournalEntry | PracticeShare, shared: bool) -> None:
    """The owner shared `obj` with their mentor (`shared`), or withdrew it."""
    event = Event.MENTOR_SHARE_ADDED if shared else Event.MENTOR_SHARE_WITHDRAWN
    audit_record(event=event, actor=owner_id, obj=obj, detail=_what(obj))


def shared_item_read(*, reader: User, obj: JournalEntry | PracticeShare, where: str) -> None:
    """Record a read of a shared item by someone other than its owner (the mentor); the owner
    reading their own entry or share is not logged here."""
    owner_id = obj.user_id if isinstance(obj, JournalEntry) else obj.pairing.partner_id
    if reader.pk == owner_id:
        return
    detail = {**_what(obj), "owner": owner_id, "as": where}
    audit_record(event=Event.MENTOR_SHARE_VIEWED, actor=reader, obj=obj, detail=detail)
