"""Hostile or careless input on the web and in the API: the same answers are refused with the
same message, hidden fields are bounded, and highlights land on the words shown."""

import html

import pytest
from django.contrib.auth.models import User
from django.test import Client

from accounts.services import token_create
from practice.models import Attempt
from practice.services import attempt_create
from questionbank.models import Question
from tests.practice.test_services import STRONG

pytestmark = pytest.mark.django_db

BAD_ANSWERS = ["   ", "a", "🙂 🙂 🙂", "\u200b\u200b\u200b", "\x00\x00\x00", "word\x00 two"]


@pytest.fixture
def question(bank: None) -> Question:
    found = Question.objects.filter(type="behavioural").first()
    assert found is not None
    return found


@pytest.fixture
def signed_in(client: Client, owner: User) -> Client:
    client.force_login(owner)
    return client


@pytest.mark.parametrize("answer", BAD_ANSWERS)
def test_the_web_and_the_api_refuse_the_same_answers(
    signed_in: Client, owner: User, question: Question, answer: str
) -> None:
    page = signed_in.post(f"/practice/{question.slug}/", {"answer": answer, "mode": "typed"})
    _, token = token_create(user=owner)
    api = signed_in.post(
        "/api/v1/attempts",
        {"question_id": question.slug, "answer": answer},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert page.status_code == 200 and api.status_code == 422
    message = api.json()["errors"][0]["message"]
    assert html.escape(message) in page.content.decode()
    assert not Attempt.objects.exists()


def test_a_huge_hidden_seconds_value_is_refused_before_the_coach_runs(
    signed_in: Client, question: Question
) -> None:
    response = signed_in.post(
        f"/practice/{question.slug}/", {"answer": STRONG, "mode": "typed", "seconds": "9" * 40}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "The timing sent with your answer" in page
    assert html.escape(STRONG[:40]) in page  # the answer is still in the box
    assert not Attempt.objects.exists()


@pytest.mark.parametrize(
    "pauses", ["not json", "[1e308]", "[-1]", "[" + ",".join(["1"] * 501) + "]"]
)
def test_bad_pause_data_is_refused_with_a_message(
    signed_in: Client, question: Question, pauses: str
) -> None:
    response = signed_in.post(
        f"/practice/{question.slug}/",
        {"answer": STRONG, "mode": "spoken", "speaking_seconds": "30", "pauses": pauses},
    )
    assert "The timing sent with your answer" in response.content.decode()
    assert not Attempt.objects.exists()


def test_own_question_talking_points_are_bounded(signed_in: Client, owner: User) -> None:
    many = "\n".join(f"point {n}" for n in range(13))
    long = "fine\n" + "x" * 201
    for points, message in ((many, "at most 12 talking points"), (long, "point 2 is longer")):
        response = signed_in.post(
            "/practice/own/",
            {"question_text": "Why this role?", "key_points": points, "answer": STRONG},
        )
        assert message in response.content.decode()
    _, token = token_create(user=owner)
    api = signed_in.post(
        "/api/v1/attempts",
        {"question": {"text": "Why this role?", "key_points": ["x" * 190_000]}, "answer": STRONG},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert api.status_code == 422
    assert not Attempt.objects.exists()


def test_highlights_land_on_the_shown_words_with_crlf_and_invisible_characters(
    owner: User, question: Question
) -> None:
    strong = question.example_answers.get(quality="strong").text
    raw = strong.replace(". ", ".\r\n\r\n").replace(" the ", " the\u200b ")
    attempt = attempt_create(user=owner, question=question, answer=raw)
    assert "\r" not in attempt.answer and "\u200b" not in attempt.answer
    covered = [k for k in attempt.feedback["key_points"] if k["covered"] and k.get("evidence")]
    assert covered
    for point in covered:
        span = point["evidence"]
        assert attempt.answer[span["start"] : span["end"]] == span["text"]
