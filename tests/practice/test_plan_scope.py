"""The prep plan and the home page's next step are built from the person's own practice only:
never from another person's, not even from practice shared with them as a mentor (a share
opens reading, through the policy's `attempts_visible_to`, not their own plan)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from accounts.services import profile_for
from mentoring import services as mentoring
from practice.models import Attempt, MockInterview
from practice.next_step import next_steps
from practice.plan import mock_covered, plan_build
from programmes import policy
from questionbank.models import Question, Role
from tests.mentoring.conftest import pair
from tests.practice import rows
from tests.programmes.cast import Cast, cast_build

ROLE = "patient-liaison"


@pytest.fixture
def cast(db: None) -> Cast:
    return cast_build()


@pytest.fixture
def mentor(cast: Cast, bank: None) -> User:
    """North's mentor, preparing for an interview of their own, with nothing practised yet."""
    user = cast.people["north:mentor"]
    profile = profile_for(user)
    profile.target_role = Role.objects.get(slug=ROLE)
    profile.level = "entry"
    profile.interview_date = timezone.localdate() + timedelta(days=10)
    profile.save()
    return user


@pytest.fixture
def others_practice(cast: Cast, mentor: User) -> list[Attempt]:
    """The candidate's weak answers to liaison questions and a half-done mock interview, all
    shared with the mentor; and an outsider's weak answer, shared with nobody."""
    question = Question.objects.filter(roles__slug=ROLE).order_by("slug").first()
    assert question is not None
    candidate = cast.candidate
    pairing = pair(cast)
    weak = Attempt.objects.create(
        user=candidate, question=question, competency=question.competency, answer="Um.", overall=20
    )
    mentoring.practice_share(pairing=pairing, attempt=weak)
    interview = rows.interview(candidate, answers=2)
    MockInterview.objects.filter(pk=interview.pk).update(status=MockInterview.Status.IN_PROGRESS)
    mentoring.practice_share(pairing=pairing, interview=interview)
    stranger = Attempt.objects.create(
        user=cast.people["outsider"], question=question, answer="No.", overall=10
    )
    return [weak, stranger, *interview.attempts.all()]


def test_the_share_is_live_so_the_mentor_may_read_it(mentor: User, others_practice: list) -> None:
    readable = set(policy.attempts_visible_to(mentor))
    assert others_practice[0] in readable and others_practice[1] not in readable
    assert not policy.attempts_owned_by(mentor).exists()
    assert not policy.interviews_owned_by(mentor).exists()


def test_the_next_step_shows_none_of_another_persons_practice(
    mentor: User, others_practice: list
) -> None:
    steps = next_steps(user=mentor, today=timezone.localdate())
    assert steps.last is None and steps.retry is None
    assert steps.mock_in_progress is None


def test_the_plan_brings_back_none_of_another_persons_answers(
    mentor: User, others_practice: list
) -> None:
    plan = plan_build(
        user=mentor,
        role=Role.objects.get(slug=ROLE),
        level="entry",
        interview_date=profile_for(mentor).interview_date,
        minutes_per_day=40,
        today=timezone.localdate(),
    )
    assert plan.weak_competencies == [] and plan.mock_covered == []
    reasons = [item.reason for day in plan.days for item in day.items]
    assert reasons and not any("scored" in reason for reason in reasons)
    assert mock_covered(mentor) == []


def test_the_mentors_home_page_offers_nothing_of_the_candidates(
    client: Client, mentor: User, others_practice: list
) -> None:
    client.force_login(mentor)
    page = client.get("/").content.decode()
    assert "Your next step" in page
    assert "scored 20/100" not in page and "scored 10/100" not in page
    assert "Resume your" not in page


def test_the_candidates_own_next_step_still_shows_their_practice(
    cast: Cast, others_practice: list
) -> None:
    steps = next_steps(user=cast.candidate, today=timezone.localdate())
    assert steps.mock_in_progress is not None
    assert steps.last is not None and steps.last.user_id == cast.candidate.pk
