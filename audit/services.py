"""Writing and checking the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, connection, models, transaction
from django.http import HttpRequest
from django.utils import timezone

from careprep.ratelimit import client_ip

from .context import current_request
from .models import GENESIS, AuditEvent, Event

# Writers queue on one lock for the chain's head (a transaction-level advisory lock on
# PostgreSQL; SQLite has one writer at a time anyway). Locking the last row is not enough: a
# writer that waited on it still sees that row as the last when it wakes, under READ COMMITTED.
# If two writers still meet (another database), the unique prev_hash turns one away and it
# reads again.
TRIES = 8
CHAIN_LOCK = 0x6361_7265_6175_6469  # "careaudi"


def audit_record(
    *,
    event: Event | str,
    actor: Any = None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    request: HttpRequest | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain. `actor` is a user, a user's id or None; `obj` the object
    read or changed (or give `object_type` and `object_id`); `request` the request (the one being
    served by default), for the address. `detail` holds small facts, never an answer's content."""
    request = request if request is not None else current_request.get()
    if obj is not None:
        object_type, object_id = obj._meta.label_lower, obj.pk
    if isinstance(actor, int):
        actor_pk: int | None = actor
    else:
        actor_pk = actor.pk if getattr(actor, "is_authenticated", False) else None
    row = AuditEvent(
        event=str(event),
        actor_id=actor_pk,
        object_type=object_type,
        object_id=str(object_id),
        ip=client_ip(request)[:45] if request is not None else "",
        detail=detail or {},
    )
    for attempt in range(TRIES):
        try:
            with transaction.atomic():
                return _append(row)
        except IntegrityError:
            if attempt == TRIES - 1:
                raise
            row.pk, row._state.adding = None, True
    raise AssertionError("unreachable")


def _append(row: AuditEvent) -> AuditEvent:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
    last = AuditEvent.objects.order_by("-id").only("hash").first()
    prev = last.hash if last is not None else GENESIS
    row.created_at = timezone.now()
    row.prev_hash, row.hash = prev, row.fields_digest(prev)
    row.save()
    return row


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken: AuditEvent | None = None
    reason: str = ""
    last_hash: str = GENESIS

    @property
    def intact(self) -> bool:
        return self.broken is None


def audit_verify() -> ChainReport:
    """Walk the chain from the first row: each row must follow the one before and carry the hash
    of its own fields; the first that does not is reported."""
    expected, checked = GENESIS, 0
    for row in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if row.prev_hash != expected:
            return ChainReport(checked, row, "it does not follow the row before it")
        if row.hash != row.fields_digest(row.prev_hash):
            return ChainReport(checked, row, "its fields do not match its hash")
        expected, checked = row.hash, checked + 1
    return ChainReport(checked, last_hash=expected)
