"""Calibration reports through the policy: the interviewer's own, privately; the panel's for
the hiring manager."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from hiring.candidates import interview_schedule
from hiring.kits import kit_publish
from hiring.selectors import own_calibration, panel_calibration
from tests.hiring.cast import HiringCast, kit_build, submit_scorecard

pytestmark = pytest.mark.django_db


def _two_interviews(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first, rating=5)
    submit_scorecard(hiring.interview, hiring.second, rating=3)
    later = interview_schedule(
        candidate=hiring.candidate,
        kit=hiring.kit,
        scheduled_at=timezone.now() + timedelta(days=2),
        panel=[hiring.first, hiring.second],
        by=hiring.manager,
    )
    submit_scorecard(later, hiring.first, rating=4)
    submit_scorecard(later, hiring.second, rating=2)


def test_the_panel_report_is_for_hiring_managers(hiring: HiringCast) -> None:
    _two_interviews(hiring)
    report = panel_calibration(hiring.manager, hiring.cast.north)
    assert report is not None and report.interviews == 2
    assert {row.interviewer for row in report.leniency} == {
        "north-interviewer",
        "north-interviewer2",
    }
    assert all(value is not None for value in report.alpha.values())
    assert panel_calibration(hiring.first, hiring.cast.north) is None
    assert panel_calibration(hiring.people["south:hiring_manager"], hiring.cast.north) is None


def test_the_own_report_shows_only_the_interviewer(hiring: HiringCast) -> None:
    _two_interviews(hiring)
    report = own_calibration(hiring.first)
    [mine] = report.leniency
    assert mine.interviewer == "north-interviewer" and mine.mean_difference == pytest.approx(2.0)


def test_the_own_report_counts_nothing_before_submitting(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first, rating=5)
    report = own_calibration(hiring.second)
    assert report.interviews == 0 and report.leniency == [] and report.alpha == {}


def test_the_panel_report_can_cover_one_kit_with_all_its_versions(hiring: HiringCast) -> None:
    _two_interviews(hiring)
    other = kit_publish(kit=kit_build(hiring.cast.north, hiring.manager))
    elsewhere = interview_schedule(
        candidate=hiring.candidate,
        kit=other,
        scheduled_at=timezone.now() + timedelta(days=5),
        panel=[hiring.first],
        by=hiring.manager,
    )
    submit_scorecard(elsewhere, hiring.first)
    everything = panel_calibration(hiring.manager, hiring.cast.north)
    one_kit = panel_calibration(hiring.manager, hiring.cast.north, hiring.kit)
    assert everything is not None and one_kit is not None
    assert (everything.interviews, one_kit.interviews) == (3, 2)
