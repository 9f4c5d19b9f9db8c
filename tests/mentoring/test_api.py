"""The mentoring API, in the OpenAPI document: a pairing asked and accepted, a session, a share
reviewed and commented on, the pathway and goals; another person's objects are 404."""

from __future__ import annotations

from typing import Any

from django.test import Client

from mentoring import services
from mentoring.models import Pairing
from tests.mentoring.conftest import AGREEMENT, mentor_of, pair
from tests.practice import rows
from tests.programmes.cast import Cast


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(f"/api/v1/mentoring{url}", body, content_type="application/json")


def test_the_openapi_document_lists_the_mentoring_endpoints(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/mentoring/pathway",
        "/api/v1/mentoring/goals",
        "/api/v1/mentoring/journal",
        "/api/v1/mentoring/mentors",
        "/api/v1/mentoring/pairings",
        "/api/v1/mentoring/pairings/{pairing_id}/sessions",
        "/api/v1/mentoring/shares",
        "/api/v1/mentoring/shares/{share_id}",
        "/api/v1/mentoring/shares/{share_id}/answers/{attempt_id}/comments",
    ):
        assert path in paths, path


def test_a_pairing_through_the_api(client: Client, cast: Cast) -> None:
    pairing = pair(cast)
    services.pairing_end(pairing=pairing, user=cast.candidate)
    client.force_login(cast.candidate)
    mentors = client.get("/api/v1/mentoring/mentors?lived_experience=diabetes").json()
    assert mentors[0]["reasons"][0]["part"] == "Lived experience"
    asked = _post(client, "/pairings", {"mentor_id": mentors[0]["mentor_id"], **AGREEMENT})
    assert asked.status_code == 201, asked.json()
    number = asked.json()["id"]
    assert _post(client, f"/pairings/{number}/actions/accept", {}).status_code == 422
    client.force_login(cast.people["north:mentor"])
    accepted = _post(client, f"/pairings/{number}/actions/accept", {})
    assert accepted.json()["status"] == "active"
    logged = _post(
        client,
        f"/pairings/{number}/sessions",
        {"held_on": "2026-11-20", "notes": "Went well.", "next_steps": ["Read"]},
    )
    assert logged.status_code == 201
    client.force_login(cast.candidate)
    notes = client.get(f"/api/v1/mentoring/pairings/{number}/sessions").json()
    assert notes[0]["notes"] == "Went well."


def test_a_review_through_the_api(client: Client, cast: Cast, pairing: Pairing) -> None:
    attempt = rows.attempt(cast.candidate, answer="First I listened. Then I acted.")
    client.force_login(cast.candidate)
    shared = _post(client, "/shares", {"pairing_id": pairing.pk, "attempt_id": attempt.pk})
    assert shared.status_code == 201
    number = shared.json()["id"]
    client.force_login(mentor_of(pairing))
    base = f"/shares/{number}/answers/{attempt.pk}"
    assert _post(client, f"{base}/review", {"rating": 4, "summary": "Clear."}).status_code == 200
    commented = _post(client, f"{base}/comments", {"sentence": 1, "text": "What exactly?"})
    assert commented.status_code == 201
    sentences = commented.json()["answers"][0]["sentences"]
    assert sentences[1]["comments"][0]["text"] == "What exactly?"
    client.force_login(cast.candidate)
    gone = client.delete(f"/api/v1/mentoring/shares/{number}")
    assert gone.json()["live"] is False
    client.force_login(mentor_of(pairing))
    assert client.get(f"/api/v1/mentoring/shares/{number}").status_code == 404
    assert _post(client, f"{base}/comments", {"sentence": 0, "text": "x"}).status_code == 404


def test_pathway_and_goals_through_the_api(client: Client, cast: Cast) -> None:
    client.force_login(cast.candidate)
    marked = _post(client, "/pathway/steps/choose-your-title", {"done": True, "note": "Yes."})
    assert marked.json()["done"] is True
    for n in range(3):
        assert _post(client, "/goals", {"stage": "evaluate", "text": f"g{n}"}).status_code == 201
    assert _post(client, "/goals", {"stage": "evaluate", "text": "g4"}).status_code == 422
    stages = client.get("/api/v1/mentoring/pathway").json()
    assert len(stages) == 8 and stages[0]["steps"][0]["note"] == "Yes."


def test_an_admin_allows_a_second_mentor_on_the_adaptation_page(client: Client, cast: Cast) -> None:
    client.force_login(cast.people["north:programme_admin"])
    client.post(
        "/mentoring/organisations/north/pathway/", {"save_limit": "1", "mentors_per_partner": 2}
    )
    assert services.mentors_allowed(cast.north) == 2
    assert services.mentors_allowed(cast.south) == 1


def test_a_mentor_edits_their_profile(client: Client, cast: Cast) -> None:
    client.force_login(cast.people["north:mentor"])
    assert client.get("/mentoring/profile/").status_code == 200
    client.post(
        "/mentoring/profile/",
        {
            "niche": "Research partnering",
            "availability": "Evenings",
            "capacity": 2,
            "accepting": "on",
            "lived_experience_text": "Diabetes, Long COVID",
            "languages_text": "English, Welsh",
        },
    )
    profile = cast.people["north:mentor"].mentor_profile
    assert profile.lived_experience == ["Diabetes", "Long COVID"]
    client.force_login(cast.candidate)
    assert client.get("/mentoring/profile/").status_code == 404
