"""API authentication: a wrong or revoked token is 401 (never a CSRF 403), wrong tokens from one
address are throttled, and answers share the per-user limit."""

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from accounts.services import token_create
from questionbank.models import Question
from tests.practice.test_services import STRONG

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


def test_a_revoked_token_is_401_not_a_csrf_403(client: Client, owner: User, bank: None) -> None:
    record, token = token_create(user=owner)
    record.delete()
    response = client.post(
        "/api/v1/attempts",
        {"question_id": "x", "answer": STRONG},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 401


def test_a_session_post_without_csrf_is_still_refused(owner: User, bank: None) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    response = client.post(
        "/api/v1/attempts", {"question_id": "x", "answer": STRONG}, content_type="application/json"
    )
    assert response.status_code == 403


@override_settings(RATE_BAD_TOKENS_PER_MINUTE=3)
def test_wrong_tokens_from_one_address_are_throttled(client: Client, owner: User) -> None:
    _, good = token_create(user=owner)
    codes = [
        client.get("/api/v1/attempts", headers={"Authorization": f"Bearer cp_guess{n}"}).status_code
        for n in range(5)
    ]
    assert codes == [401, 401, 401, 429, 429]
    blocked = client.get("/api/v1/attempts", headers={"Authorization": f"Bearer {good}"})
    assert blocked.status_code == 429


@override_settings(RATE_ANSWERS_PER_MINUTE=1)
def test_api_answers_are_limited_per_user(client: Client, owner: User, bank: None) -> None:
    question = Question.objects.filter(type="behavioural").first()
    assert question is not None
    _, token = token_create(user=owner)
    auth = {"Authorization": f"Bearer {token}"}
    body = {"question_id": question.slug, "answer": STRONG}
    first = client.post("/api/v1/attempts", body, content_type="application/json", headers=auth)
    second = client.post("/api/v1/attempts", body, content_type="application/json", headers=auth)
    assert first.status_code == 201 and second.status_code == 429
    assert "faster than the coach" in second.json()["detail"]
