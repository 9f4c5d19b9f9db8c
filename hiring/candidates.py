"""Writes on hiring candidates and their interviews: personal data the organisation owns, so
every change is audited, it is kept only for the organisation's retention period, and it can be
erased with everything said about the person."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.services import audit_record
from programmes import policy
from programmes.models import Organisation
from questionbank.models import Level, Role

from .models import HiringCandidate, Interview, InterviewKit, Stage


def hiring_candidate_create(
    *, organisation: Organisation, name: str, role: Role, level: Level, by: User | None
) -> HiringCandidate:
    candidate = HiringCandidate(
        organisation=organisation, name=name.strip(), role=role, level=level, created_by=by
    )
    candidate.full_clean()
    candidate.save()
    audit_record(event="hiring_candidate_created", actor=by, obj=candidate)
    return candidate


def hiring_candidate_stage(*, candidate: HiringCandidate, stage: str, by: User) -> HiringCandidate:
    if stage not in Stage.values:
        raise ValidationError(f"Unknown stage {stage!r}.")
    before, candidate.stage = candidate.stage, stage
    candidate.save()
    audit_record(
        event="hiring_candidate_changed",
        actor=by,
        obj=candidate,
        detail={"stage": [before, stage]},
    )
    return candidate


@transaction.atomic
def hiring_candidate_erase(*, candidate: HiringCandidate, by: User | None) -> None:
    """Delete the candidate, their interviews and every scorecard about them. The audit row
    keeps the id and counts, never the name."""
    interviews = candidate.interviews.count()
    scorecards = sum(i.scorecards.count() for i in candidate.interviews.all())
    pk = candidate.pk
    candidate.delete()
    audit_record(
        event="hiring_candidate_erased",
        actor=by,
        object_type="hiring.hiringcandidate",
        object_id=pk,
        detail={"interviews": interviews, "scorecards": scorecards},
    )


def retention_days(organisation: Organisation) -> int:
    """The organisation's own period, or the install's RETENTION_DAYS (0 keeps everything)."""
    if organisation.retention_days is not None:
        return organisation.retention_days
    return int(getattr(settings, "RETENTION_DAYS", 0))


def hiring_retention_apply(*, now: datetime | None = None) -> int:
    """Erase hiring candidates untouched for longer than their organisation keeps them; returns
    how many. Safe to run twice."""
    now = now or timezone.now()
    erased = 0
    for organisation in Organisation.objects.all():
        days = retention_days(organisation)
        if days <= 0:
            continue
        cutoff = now - timedelta(days=days)
        for candidate in organisation.hiring_candidates.filter(updated_at__lt=cutoff):
            hiring_candidate_erase(candidate=candidate, by=None)
            erased += 1
    return erased


def interview_schedule(
    *,
    candidate: HiringCandidate,
    kit: InterviewKit,
    scheduled_at: datetime,
    panel: Iterable[User],
    by: User | None,
) -> Interview:
    """An interview with a published kit of the candidate's organisation and a panel of its
    interviewers and hiring managers."""
    if kit.organisation_id != candidate.organisation_id:
        raise ValidationError("That kit belongs to another organisation.")
    if not kit.is_published:
        raise ValidationError("Publish the kit before scheduling an interview with it.")
    members = list(panel)
    if not members:
        raise ValidationError("An interview needs at least one interviewer on its panel.")
    eligible = set(
        policy.hiring_panel_eligible(candidate.organisation).values_list("pk", flat=True)
    )
    outside = [m.username for m in members if m.pk not in eligible]
    if outside:
        raise ValidationError(
            f"Not an interviewer or hiring manager here: {', '.join(sorted(outside))}."
        )
    with transaction.atomic():
        interview = Interview.objects.create(
            candidate=candidate, kit=kit, scheduled_at=scheduled_at
        )
        interview.panel.set(members)
    audit_record(
        event="interview_scheduled",
        actor=by,
        obj=interview,
        detail={"kit": kit.pk, "version": kit.version, "panel": [m.pk for m in members]},
    )
    return interview
