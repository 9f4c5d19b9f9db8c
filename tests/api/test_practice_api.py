"""The practice API over real HTTP: tokens, attempts, mock interviews, and outsiders get 404."""

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from django.contrib.auth.models import User

from accounts.services import token_create
from questionbank.models import Question
from tests.practice.helpers import half_answer
from tests.practice.test_services import STRONG

pytestmark = pytest.mark.django_db(transaction=True)


def client_for(live_server: Any, user: User | None) -> httpx.Client:
    headers = {}
    if user is not None:
        _, token = token_create(user=user)
        headers["Authorization"] = f"Bearer {token}"
    return httpx.Client(base_url=f"{live_server.url}/api/v1", headers=headers, timeout=20)


@pytest.fixture
def alice(live_server: Any, owner: User, bank: None) -> Iterator[httpx.Client]:
    with client_for(live_server, owner) as client:
        yield client


@pytest.fixture
def mallory(live_server: Any, outsider: User) -> Iterator[httpx.Client]:
    with client_for(live_server, outsider) as client:
        yield client


def test_practice_endpoints_need_authentication(live_server: Any, bank: None) -> None:
    with client_for(live_server, None) as anonymous:
        assert anonymous.get("/attempts").status_code == 401
        post = anonymous.post("/attempts", json={"question_id": "x", "answer": "y"})
        assert post.status_code in (401, 403)  # no token, and no session with a CSRF token
        bad = anonymous.get("/attempts", headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 401


def test_submit_an_answer_and_list_attempts(alice: httpx.Client, mallory: httpx.Client) -> None:
    question = Question.objects.filter(type="behavioural").first()
    assert question is not None
    response = alice.post("/attempts", json={"question_id": question.slug, "answer": STRONG})
    assert response.status_code == 201
    attempt = response.json()
    assert attempt["question_id"] == question.slug and 0 <= attempt["overall"] <= 100
    assert set(attempt["criteria"]) == {
        "coverage",
        "structure",
        "specificity",
        "clarity",
        "language",
    }
    assert alice.get("/attempts").json()["count"] == 1
    assert alice.get(f"/attempts/{attempt['id']}").json()["overall"] == attempt["overall"]
    assert mallory.get(f"/attempts/{attempt['id']}").status_code == 404
    assert mallory.get("/attempts").json()["count"] == 0


def test_your_own_question_and_bad_input(alice: httpx.Client) -> None:
    own = alice.post(
        "/attempts",
        json={
            "question": {"text": "Why this role?"},
            "answer": "Because I saw what a good liaison did for my family.",
        },
    )
    assert own.status_code == 201 and own.json()["question_id"] is None
    answer = "Because I saw what a good liaison did for my family."
    both = alice.post("/attempts", json={"answer": answer})
    assert both.status_code == 422 and "question_id" in both.json()["detail"]
    missing = alice.post("/attempts", json={"question_id": "nope", "answer": answer})
    assert missing.status_code == 404
    short = alice.post("/attempts", json={"question_id": "nope", "answer": "x"})
    assert short.status_code == 422 and "too short" in short.json()["errors"][0]["message"]
    assert alice.post("/attempts", json={"question_id": "nope"}).status_code == 422


def test_a_mock_interview_over_the_api(alice: httpx.Client, mallory: httpx.Client) -> None:
    created = alice.post(
        "/mock-interviews",
        json={
            "role": "patient-liaison",
            "level": "experienced",
            "length": 2,
            "mix": ["behavioural"],
        },
    )
    assert created.status_code == 201
    interview = created.json()
    assert len(interview["steps"]) == 2 and interview["current_question"]
    url = f"/mock-interviews/{interview['id']}"
    assert mallory.get(url).status_code == 404
    assert mallory.post(f"{url}/answers", json={"answer": STRONG}).status_code == 404
    follow_ups = 0
    state = interview
    for _ in range(6):
        if state["current_question"] is None:
            break
        answer = (
            STRONG
            if state["current_is_follow_up"]
            else half_answer(Question.objects.get(text=state["current_question"]))
        )
        state = alice.post(f"{url}/answers", json={"answer": answer, "seconds": 60}).json()
        follow_ups += state["current_is_follow_up"]
    assert state["current_question"] is None and follow_ups >= 1
    assert mallory.post(f"{url}/finish").status_code == 404
    report = alice.post(f"{url}/finish").json()
    assert report["seconds_used"] >= 180 and len(report["attempts"]) >= 3
    assert alice.post(f"{url}/answers", json={"answer": STRONG}).status_code == 409


def test_the_openapi_document_lists_the_practice_endpoints(alice: httpx.Client) -> None:
    paths = set(alice.get("/openapi.json").json()["paths"])
    assert {
        "/api/v1/attempts",
        "/api/v1/mock-interviews",
        "/api/v1/mock-interviews/{interview_id}/answers",
        "/api/v1/mock-interviews/{interview_id}/finish",
    } <= paths


def test_finishing_an_interview_with_no_answers_gives_no_score(alice: httpx.Client) -> None:
    created = alice.post(
        "/mock-interviews",
        json={"role": "patient-liaison", "level": "entry", "length": 2, "mix": ["behavioural"]},
    ).json()
    report = alice.post(f"/mock-interviews/{created['id']}/finish").json()
    assert report["answered"] == 0 and report["overall"] is None
    assert report["message"] == "No answers were given, so there is nothing to score."
    assert report["strengths"] == [] and report["attempts"] == []
