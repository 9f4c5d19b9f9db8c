"""Answers run the coach: past the per-user limit the page says so, keeps the answer, and
nothing is saved; other people are not slowed by it."""

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from practice.models import Attempt
from practice.services import mock_create
from questionbank.models import Question, Role
from tests.practice.test_services import STRONG

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


@pytest.fixture
def question(bank: None) -> Question:
    found = Question.objects.filter(type="behavioural").first()
    assert found is not None
    return found


@override_settings(RATE_ANSWERS_PER_MINUTE=2)
def test_a_third_answer_in_a_minute_is_refused_kindly_and_kept(
    client: Client, owner: User, outsider: User, question: Question
) -> None:
    client.force_login(owner)
    url = f"/practice/{question.slug}/"
    for _ in range(2):
        assert client.post(url, {"answer": STRONG, "mode": "typed"}).status_code == 302
    response = client.post(url, {"answer": STRONG + " Third.", "mode": "typed"})
    page = response.content.decode()
    assert response.status_code == 429
    assert "faster than the coach can read them" in page and "Third.</textarea>" in page
    assert Attempt.objects.filter(user=owner).count() == 2
    client.force_login(outsider)
    assert client.post(url, {"answer": STRONG, "mode": "typed"}).status_code == 302


@override_settings(RATE_ANSWERS_PER_MINUTE=1)
def test_mock_steps_share_the_answer_limit(client: Client, owner: User, bank: None) -> None:
    role = Role.objects.get(slug="patient-liaison")
    interview = mock_create(
        user=owner, role=role, level="entry", length=3, mix=["behavioural"], seed=1
    )
    client.force_login(owner)
    own = {"question_text": "Why this role?", "answer": STRONG, "mode": "typed"}
    assert client.post("/practice/own/", own).status_code == 302
    response = client.post(f"/mock/{interview.pk}/", {"answer": STRONG, "mode": "typed"})
    assert response.status_code == 429 and "your answer is still here" in response.content.decode()
    assert not interview.attempts.exists()
