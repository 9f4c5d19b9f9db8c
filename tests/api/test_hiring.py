# ruff: noqa: F811  (tests take the hiring cast's fixtures, imported below, as arguments)
"""The hiring API, with the blind rule: a panel member who has not submitted reads only their
own scorecard, and the debrief is a 404 for them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.hiring.cast import HiringCast, full_scores, submit_scorecard
from tests.hiring.conftest import hiring, small_bank  # noqa: F401

pytestmark = pytest.mark.django_db
BASE = "/api/v1/hiring"


def api_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _post(client: Client, url: str, body: dict) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_kits_are_listed_and_read_by_the_organisations_hiring_staff(hiring: HiringCast) -> None:
    client = api_for(hiring.first)
    [kit] = client.get(f"{BASE}/kits").json()
    assert kit["version"] == 1 and kit["status"] == "published"
    detail = client.get(f"{BASE}/kits/{kit['id']}").json()
    assert len(detail["competencies"]) == 5
    assert (
        api_for(hiring.people["south:hiring_manager"]).get(f"{BASE}/kits/{kit['id']}").status_code
        == 404
    )


def test_a_panel_member_scores_through_the_api(hiring: HiringCast) -> None:
    client = api_for(hiring.first)
    url = f"{BASE}/interviews/{hiring.interview.pk}/scorecard"
    ratings = [
        {"competency": pk, "rating": score.rating, "evidence": score.evidence}
        for pk, score in full_scores(hiring.interview).items()
    ]
    draft = _post(client, url, {"ratings": ratings})
    assert draft.status_code == 200 and draft.json()["status"] == "draft"
    refused = _post(client, url, {"ratings": ratings, "submit": True})
    assert refused.status_code == 422
    assert "recommendation" in refused.json()["detail"]
    done = _post(client, url, {"ratings": ratings, "recommendation": "yes", "submit": True})
    assert done.json()["status"] == "submitted"
    again = _post(client, url, {"ratings": ratings, "recommendation": "no"})
    assert again.status_code == 422


def test_the_api_is_blind_until_you_submit(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first, rating=5, says="strong_yes")
    client = api_for(hiring.second)
    cards = client.get(f"{BASE}/interviews/{hiring.interview.pk}/scorecards")
    assert cards.status_code == 200 and cards.json() == []
    assert client.get(f"{BASE}/interviews/{hiring.interview.pk}/debrief").status_code == 404
    [listed] = client.get(f"{BASE}/interviews").json()
    assert listed["may_debrief"] is False and listed["your_scorecard"] is None
    submit_scorecard(hiring.interview, hiring.second, rating=2, says="no")
    cards = client.get(f"{BASE}/interviews/{hiring.interview.pk}/scorecards").json()
    assert {c["interviewer"] for c in cards} == {"north-interviewer", "north-interviewer2"}
    debrief = client.get(f"{BASE}/interviews/{hiring.interview.pk}/debrief").json()
    assert debrief["recommendation_split"] is True
    assert debrief["recommendations"] == {
        "north-interviewer": "strong_yes",
        "north-interviewer2": "no",
    }


def test_the_hiring_manager_reads_every_submitted_scorecard(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first)
    client = api_for(hiring.manager)
    cards = client.get(f"{BASE}/interviews/{hiring.interview.pk}/scorecards").json()
    assert [c["interviewer"] for c in cards] == ["north-interviewer"]
    assert client.get(f"{BASE}/interviews/{hiring.interview.pk}/debrief").status_code == 200
    url = f"{BASE}/interviews/{hiring.interview.pk}/scorecard"
    assert _post(client, url, {"ratings": []}).status_code == 404  # not on the panel


@pytest.mark.parametrize("who", ["south:interviewer", "north:candidate", "outsider"])
def test_outsiders_get_404(hiring: HiringCast, who: str) -> None:
    client = api_for(hiring.people[who])
    for path in ("scorecards", "debrief"):
        assert client.get(f"{BASE}/interviews/{hiring.interview.pk}/{path}").status_code == 404
    assert client.get(f"{BASE}/interviews").json() == []


def test_the_guard_endpoint(hiring: HiringCast) -> None:
    client = api_for(hiring.first)
    verdict = _post(
        client, f"{BASE}/guard", {"question": "Are you pregnant?", "jurisdiction": "uk"}
    )
    body = verdict.json()
    assert body["lawful"] is False and body["topics"][0]["topic"] == "pregnancy"


def test_the_openapi_document_lists_the_hiring_endpoints(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/hiring/interviews/{interview_id}/debrief" in paths
    assert "/api/v1/hiring/kits/{kit_id}" in paths
