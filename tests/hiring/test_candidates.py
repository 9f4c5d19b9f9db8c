"""Hiring candidates are personal data: audited, retained by the organisation's setting,
erasable with everything said about them; interviews need a published kit and a proper panel."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from hiring.candidates import (
    hiring_candidate_erase,
    hiring_candidate_stage,
    hiring_retention_apply,
    interview_schedule,
)
from hiring.models import CompetencyRating, HiringCandidate, Interview, Scorecard
from tests.hiring.cast import HiringCast, kit_build, submit_scorecard

pytestmark = pytest.mark.django_db


def test_creating_and_changing_a_candidate_is_audited(hiring: HiringCast) -> None:
    hiring_candidate_stage(candidate=hiring.candidate, stage="interviewing", by=hiring.manager)
    events = AuditEvent.objects.filter(
        object_type="hiring.hiringcandidate", object_id=str(hiring.candidate.pk)
    )
    assert list(events.values_list("event", flat=True).order_by("pk")) == [
        "hiring_candidate_created",
        "hiring_candidate_changed",
    ]
    changed = events.get(event="hiring_candidate_changed")
    assert changed.detail == {"stage": ["applied", "interviewing"]}


def test_erasing_removes_interviews_and_scorecards_and_keeps_no_name(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first)
    pk = hiring.candidate.pk
    hiring_candidate_erase(candidate=hiring.candidate, by=hiring.manager)
    assert not HiringCandidate.objects.filter(pk=pk).exists()
    assert not Interview.objects.exists()
    assert not Scorecard.objects.exists() and not CompetencyRating.objects.exists()
    event = AuditEvent.objects.get(event="hiring_candidate_erased")
    assert event.detail == {"interviews": 1, "scorecards": 1}
    assert "Robin" not in str(event.detail)


def test_retention_follows_the_organisations_setting(hiring: HiringCast) -> None:
    north = hiring.cast.north
    north.retention_days = 30
    north.save()
    HiringCandidate.objects.filter(pk=hiring.candidate.pk).update(
        updated_at=timezone.now() - timedelta(days=31)
    )
    assert hiring_retention_apply() == 1
    assert not HiringCandidate.objects.exists()
    assert hiring_retention_apply() == 0  # safe to run twice


def test_retention_keeps_candidates_within_the_period(hiring: HiringCast) -> None:
    HiringCandidate.objects.update(updated_at=timezone.now() - timedelta(days=400))
    assert hiring_retention_apply() == 0  # no organisation setting, RETENTION_DAYS 0: keep all
    hiring.cast.north.retention_days = 500
    hiring.cast.north.save()
    assert hiring_retention_apply() == 0


def test_an_interview_needs_a_published_kit_of_the_organisation(hiring: HiringCast) -> None:
    draft = kit_build(hiring.cast.north, hiring.manager)
    with pytest.raises(ValidationError, match="Publish the kit"):
        interview_schedule(
            candidate=hiring.candidate,
            kit=draft,
            scheduled_at=timezone.now(),
            panel=[hiring.first],
            by=hiring.manager,
        )


def test_the_panel_is_the_organisations_interviewers(hiring: HiringCast) -> None:
    for name in ("south:interviewer", "north:candidate", "outsider"):
        with pytest.raises(ValidationError, match="Not an interviewer"):
            interview_schedule(
                candidate=hiring.candidate,
                kit=hiring.kit,
                scheduled_at=timezone.now(),
                panel=[hiring.first, hiring.people[name]],
                by=hiring.manager,
            )


def test_careprep_retention_apply_erases_expired_hiring_candidates(hiring: HiringCast) -> None:
    from typer.testing import CliRunner

    from careprep.cli import app

    hiring.cast.north.retention_days = 10
    hiring.cast.north.save()
    HiringCandidate.objects.update(updated_at=timezone.now() - timedelta(days=11))
    result = CliRunner().invoke(app, ["retention", "apply"])
    assert result.exit_code == 0, result.output
    assert "erased 1 hiring candidates" in result.output
    assert not HiringCandidate.objects.exists()
