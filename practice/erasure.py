"""Deleting a user's practice: one attempt, one mock interview, or whatever is older than the
retention period. Every delete by a user is scoped to that user (anyone else's is a 404)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from audit.models import Event
from audit.services import audit_record

from .models import Attempt, MockInterview
from .selectors import own_attempt, own_interview


@transaction.atomic
def attempt_delete(*, user: User, pk: int) -> None:
    """Delete one of the user's attempts. In a mock interview its step becomes unanswered."""
    own_attempt(user, pk).delete()


@transaction.atomic
def mock_delete(*, user: User, pk: int) -> int:
    """Delete one of the user's mock interviews with its steps and every attempt made in it;
    the number of attempts deleted is returned."""
    interview = own_interview(user, pk)
    _, deleted = Attempt.objects.filter(mock_interview=interview).delete()
    interview.delete()  # its steps go with it
    return deleted.get(Attempt._meta.label, 0)


@dataclass(frozen=True)
class RetentionReport:
    cutoff: datetime | None
    attempts: int = 0
    interviews: int = 0

    def __str__(self) -> str:
        if self.cutoff is None:
            return "retention is off (RETENTION_DAYS=0): nothing removed"
        return (
            f"removed {self.attempts} attempts and {self.interviews} finished mock interviews "
            f"from before {self.cutoff:%Y-%m-%d %H:%M} UTC"
        )


@transaction.atomic
def retention_apply(*, days: int, now: datetime | None = None) -> RetentionReport:
    """Remove attempts made more than `days` days ago and mock interviews finished that long
    ago (with their steps and attempts). An interview still in progress keeps its attempts until
    it is finished. Running it twice removes nothing more; `days` 0 keeps everything."""
    if days < 0:
        raise ValueError("days must be 0 (keep everything) or more")
    if days == 0:
        return RetentionReport(cutoff=None)
    cutoff = (now or timezone.now()) - timedelta(days=days)
    old_interviews = MockInterview.objects.filter(
        status=MockInterview.Status.FINISHED, finished_at__lt=cutoff
    )
    # delete() counts cascaded rows too (steps), so each count is read per model.
    _, in_interviews = Attempt.objects.filter(mock_interview__in=old_interviews).delete()
    _, interviews = old_interviews.delete()
    _, standalone = Attempt.objects.filter(
        mock_interview__isnull=True, created_at__lt=cutoff
    ).delete()
    label = Attempt._meta.label
    report = RetentionReport(
        cutoff=cutoff,
        attempts=in_interviews.get(label, 0) + standalone.get(label, 0),
        interviews=interviews.get(MockInterview._meta.label, 0),
    )
    audit_record(
        event=Event.RETENTION_APPLIED,
        detail={"days": days, "attempts": report.attempts, "interviews": report.interviews},
    )
    return report
