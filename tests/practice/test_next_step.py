"""The home page's next step for a signed-in candidate: today's plan, the countdown, a retry."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from practice.models import Attempt, MockInterview
from practice.next_step import next_steps
from questionbank.models import Question, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def prepared(owner: User, bank: None) -> User:
    profile = owner.profile
    profile.target_role = Role.objects.get(slug="patient-liaison")
    profile.level = "entry"
    profile.interview_date = timezone.localdate() + timedelta(days=9)
    profile.save()
    return owner


def _attempt(user: User, score: int) -> Attempt:
    question = Question.objects.filter(roles__slug="patient-liaison").first()
    return Attempt.objects.create(user=user, question=question, answer="An answer.", overall=score)


def test_a_prepared_candidate_gets_todays_plan_and_the_countdown(prepared: User) -> None:
    steps = next_steps(user=prepared, today=timezone.localdate())
    assert steps.days_left == 9
    assert steps.today is not None and steps.today.items
    assert steps.retry is None and steps.mock_in_progress is None


def test_a_weak_last_answer_is_offered_for_another_try(prepared: User) -> None:
    weak = _attempt(prepared, 41)
    assert next_steps(user=prepared, today=timezone.localdate()).retry == weak
    _attempt(prepared, 88)
    assert next_steps(user=prepared, today=timezone.localdate()).retry is None


def test_a_candidate_without_a_role_is_asked_for_one(owner: User, bank: None) -> None:
    steps = next_steps(user=owner, today=timezone.localdate())
    assert not steps.has_profile and steps.today is None and steps.days_left is None


def test_the_signed_in_home_page_leads_with_the_next_step(client: Client, prepared: User) -> None:
    weak = _attempt(prepared, 41)
    MockInterview.objects.create(user=prepared, role=Role.objects.get(slug="patient-liaison"))
    client.force_login(prepared)
    page = client.get("/").content.decode()
    assert page.index("Your next step") < page.index("Choose your role")
    assert "Your interview is in <strong>9 days</strong>" in page
    assert "Today's plan" in page
    assert f"/practice/{weak.question.slug}/" in page and "scored 41/100" in page  # type: ignore[union-attr]
    assert "Resume your Patient Liaison mock interview" in page


def test_someone_elses_answers_are_not_on_my_home_page(
    client: Client, prepared: User, outsider: User
) -> None:
    _attempt(prepared, 41)
    client.force_login(outsider)
    page = client.get("/").content.decode()
    assert "scored 41/100" not in page and "Set up your profile" in page


def test_the_home_page_offers_practice_mock_interview_and_plan(client: Client, bank: None) -> None:
    page = client.get("/").content.decode()
    for link in ('href="/practice/"', 'href="/mock/"', 'href="/plan/"'):
        assert link in page
    assert "Your next step" not in page and "sign up" in page
