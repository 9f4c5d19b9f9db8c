"""Data rights through the API (export, delete an attempt, a mock interview, the account), and
the one error body every failure has."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from accounts.data_rights import account_export
from accounts.services import token_create
from audit.models import AuditEvent, Event
from practice.models import Attempt, MockInterview
from tests.conftest import PASSWORD
from tests.practice import rows

pytestmark = pytest.mark.django_db


def bearer(user: User) -> dict[str, str]:
    _, token = token_create(user=user)
    return {"Authorization": f"Bearer {token}"}


def test_the_export_holds_only_my_data_and_is_audited(
    client: Client, owner: User, outsider: User
) -> None:
    mine = rows.attempt(owner, answer="My answer about my father's stroke.")
    rows.attempt(outsider, answer="Mallory's private answer.")
    response = client.get("/api/v1/me/export", headers=bearer(owner))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    data = response.json()
    assert data["format"] == "careprep-export/1"
    assert set(data) == set(account_export(user=owner))  # nothing the web download has is lost
    assert [a["id"] for a in data["attempts"]] == [mine.pk]
    assert "Mallory" not in response.content.decode()
    assert data["two_factor"] == {"enabled": False, "enabled_at": None, "recovery_codes_left": 0}
    exported = AuditEvent.objects.get(event=Event.DATA_EXPORTED)
    assert exported.actor_id == owner.pk and exported.detail == {"as": "api"}


def test_deleting_an_attempt_is_204_then_404_and_only_for_its_owner(
    client: Client, owner: User, outsider: User
) -> None:
    attempt = rows.attempt(owner)
    stranger = client.delete(f"/api/v1/attempts/{attempt.pk}", headers=bearer(outsider))
    assert stranger.status_code == 404 and stranger.json() == {"detail": "Not found.", "errors": []}
    assert Attempt.objects.filter(pk=attempt.pk).exists()
    auth = bearer(owner)
    assert client.delete(f"/api/v1/attempts/{attempt.pk}", headers=auth).status_code == 204
    assert not Attempt.objects.filter(pk=attempt.pk).exists()
    assert client.get(f"/api/v1/attempts/{attempt.pk}", headers=auth).status_code == 404
    assert AuditEvent.objects.filter(event=Event.ATTEMPT_DELETED, actor_id=owner.pk).count() == 1


def test_deleting_a_mock_interview_takes_its_answers(
    client: Client, owner: User, outsider: User
) -> None:
    interview = rows.interview(owner, answers=2)
    assert (
        client.delete(
            f"/api/v1/mock-interviews/{interview.pk}", headers=bearer(outsider)
        ).status_code
        == 404
    )
    response = client.delete(f"/api/v1/mock-interviews/{interview.pk}", headers=bearer(owner))
    assert response.status_code == 204
    assert not MockInterview.objects.filter(pk=interview.pk).exists()
    assert not Attempt.objects.filter(user=owner).exists()
    assert AuditEvent.objects.get(event=Event.MOCK_DELETED).detail == {"attempts": 2}


def test_deleting_the_account_needs_its_password(client: Client, owner: User) -> None:
    auth = bearer(owner)
    wrong = client.delete(
        "/api/v1/me", {"password": "guess"}, content_type="application/json", headers=auth
    )
    assert wrong.status_code == 403 and wrong.json()["detail"] == "That is not your password."
    missing = client.delete("/api/v1/me", {}, content_type="application/json", headers=auth)
    assert missing.status_code == 422
    assert [e["field"] for e in missing.json()["errors"]] == ["password"]
    done = client.delete(
        "/api/v1/me", {"password": PASSWORD}, content_type="application/json", headers=auth
    )
    assert done.status_code == 204 and not User.objects.filter(pk=owner.pk).exists()
    assert client.get("/api/v1/me/export", headers=auth).status_code == 401


def test_wrong_passwords_for_deleting_the_account_are_limited(
    client: Client, owner: User, frozen_clock: None
) -> None:
    auth = bearer(owner)

    def attempt(password: str) -> int:
        body = {"password": password}
        response = client.delete("/api/v1/me", body, content_type="application/json", headers=auth)
        return response.status_code

    assert [attempt("guess") for _ in range(5)] == [403] * 5
    assert attempt(PASSWORD) == 429
    assert User.objects.filter(pk=owner.pk).exists()


def test_a_session_delete_without_its_csrf_token_is_refused(owner: User) -> None:
    attempt = rows.attempt(owner)
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    response = client.delete(f"/api/v1/attempts/{attempt.pk}")
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    assert Attempt.objects.filter(pk=attempt.pk).exists()


def test_a_validation_error_names_each_field(client: Client, owner: User) -> None:
    body = {"question_id": "x", "answer": "   ", "mode": "sung"}
    response = client.post(
        "/api/v1/attempts", body, content_type="application/json", headers=bearer(owner)
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert {e["field"] for e in errors} == {"answer", "mode"}
    assert all(e["location"] == "body" and e["message"] for e in errors)
    assert response.json()["detail"].startswith("Not valid: ")


def test_no_credentials_is_a_401_with_the_same_body(client: Client) -> None:
    response = client.get("/api/v1/attempts")
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")
    assert "Bearer" in response.json()["detail"] and response.json()["errors"] == []


def test_the_openapi_document_lists_the_new_operations_and_their_errors(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/attempts/{attempt_id}"]) == {"get", "delete"}
    assert set(paths["/api/v1/me"]) == {"delete"}
    export = paths["/api/v1/me/export"]["get"]["responses"]
    assert {"200", "401", "429"} <= set(export)
    deletion = paths["/api/v1/attempts/{attempt_id}"]["delete"]["responses"]
    assert {"204", "401", "403", "404", "422", "429"} <= set(deletion)


def test_pages_still_refuse_delete_and_the_api_refuses_what_it_does_not_document(
    client: Client, owner: User
) -> None:
    attempt = rows.attempt(owner)
    client.force_login(owner)
    assert client.delete(f"/attempts/{attempt.pk}/").status_code == 405
    assert client.put("/api/v1/attempts", headers=bearer(owner)).status_code == 405


def test_a_nul_in_a_filter_is_not_a_server_error(client: Client, bank: None) -> None:
    # Found by schemathesis on PostgreSQL, which refuses NUL in text.
    response = client.get("/api/v1/questions", {"role": "patient\x00liaison", "q": "\x00"})
    assert response.status_code == 200
