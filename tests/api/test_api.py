"""JSON API under /api/v1/, over real HTTP against a live server."""

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from questionbank.models import Question

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def http(live_server: Any, bank: None) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=f"{live_server.url}/api/v1", timeout=10) as client:
        yield client


def test_openapi_document_is_served(http: httpx.Client) -> None:
    doc = http.get("/openapi.json").json()
    assert doc["info"]["title"] == "CarePrep API"
    assert {"/api/v1/questions", "/api/v1/questions/{question_id}", "/api/v1/roles"} <= set(
        doc["paths"]
    )


def test_list_and_filter_questions(http: httpx.Client) -> None:
    everything = http.get("/questions", params={"limit": 1000}).json()
    assert everything["count"] == Question.objects.count()
    technical = http.get(
        "/questions", params={"role": "patient-portal-specialist", "type": "technical"}
    ).json()
    assert technical["count"] > 0
    assert all(item["type"] == "technical" for item in technical["items"])
    assert all("patient-portal-specialist" in item["roles"] for item in technical["items"])


def test_a_bad_filter_value_is_a_clear_422(http: httpx.Client) -> None:
    response = http.get("/questions", params={"level": "expert"})
    assert response.status_code == 422
    assert "level" in response.text


def test_get_one_question(http: httpx.Client) -> None:
    question = Question.objects.first()
    assert question is not None
    data = http.get(f"/questions/{question.slug}").json()
    assert data["id"] == question.slug
    assert data["key_points"] == question.key_points
    assert len(data["example_answers"]) >= 2
    assert http.get("/questions/nope").status_code == 404


def test_roles_and_competencies(http: httpx.Client) -> None:
    roles = http.get("/roles").json()
    assert len(roles) == 6 and all(r["question_count"] > 0 for r in roles)
    assert roles[0]["slug"] == "patient-partner" and roles[-1]["slug"] == "healthcare-general"
    competencies = http.get("/competencies").json()
    assert set(competencies[0]["anchors"]) == {"1", "3", "5"}
