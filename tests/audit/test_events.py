"""What the audit log records: security events and reads, exports and deletions of personal
data, with who, what object, when and from where, and never the answer's content."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from accounts.services import token_create
from audit.models import AuditEvent, Event
from audit.services import audit_verify
from tests.conftest import PASSWORD
from tests.practice import rows

pytestmark = pytest.mark.django_db
ANSWER = "I sat with Mrs Patel after her diagnosis of early dementia."


def events(event: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event=event).order_by("id"))


def test_log_in_failure_and_log_out_are_recorded_with_the_address(
    client: Client, owner: User
) -> None:
    client.post(
        "/accounts/login/",
        {"username": "alice", "password": "wrong-password-1"},
        REMOTE_ADDR="203.0.113.7",
    )
    client.post(
        "/accounts/login/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="203.0.113.7"
    )
    client.post("/accounts/logout/", REMOTE_ADDR="203.0.113.7")

    [failure] = events(Event.LOGIN_FAILED)
    assert failure.actor_id is None and failure.detail == {"username": "alice"}
    assert failure.ip == "203.0.113.7"
    [login] = events(Event.LOGIN)
    assert (login.actor_id, login.object_type, login.object_id) == (
        owner.pk,
        "auth.user",
        str(owner.pk),
    )
    assert login.ip == "203.0.113.7"
    [logout] = events(Event.LOGOUT)
    assert logout.actor_id == owner.pk
    assert PASSWORD not in str(list(AuditEvent.objects.values()))
    assert audit_verify().intact


def test_a_lockout_is_recorded(client: Client, owner: User) -> None:
    for _ in range(5):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong-password-1"})
    assert len(events(Event.LOGIN_FAILED)) >= 4
    [lockout] = events(Event.LOCKOUT)
    assert lockout.detail == {"username": "alice"} and lockout.ip == "127.0.0.1"


def test_tokens_made_used_and_revoked_are_recorded(client: Client, owner: User) -> None:
    client.force_login(owner)
    client.post("/accounts/tokens/", {"name": "script"})
    [made] = events(Event.TOKEN_CREATED)
    assert made.actor_id == owner.pk and made.object_type == "accounts.apitoken"

    _, token = token_create(user=owner, name="other")
    Client().get(
        "/api/v1/attempts", headers={"Authorization": f"Bearer {token}"}, REMOTE_ADDR="198.51.100.4"
    )
    [used] = events(Event.TOKEN_USED)
    assert used.actor_id == owner.pk and used.ip == "198.51.100.4"
    assert token not in str(list(AuditEvent.objects.values()))

    client.post(f"/accounts/tokens/{made.object_id}/delete/")
    [revoked] = events(Event.TOKEN_REVOKED)
    assert (revoked.actor_id, revoked.object_id) == (owner.pk, made.object_id)


def test_a_password_change_is_recorded(client: Client, owner: User) -> None:
    client.force_login(owner)
    response = client.post(
        "/accounts/password-change/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-secret-77",
            "new_password2": "a-new-long-secret-77",
        },
    )
    assert response.status_code == 302
    [changed] = events(Event.PASSWORD_CHANGED)
    assert changed.actor_id == owner.pk and changed.ip == "127.0.0.1"


def test_reads_of_an_attempt_and_a_report_are_recorded_without_content(
    client: Client, owner: User, outsider: User
) -> None:
    attempt = rows.attempt(owner, answer=ANSWER)
    mock = rows.interview(owner, finished=rows.long_ago(1), answers=1)
    client.force_login(owner)

    assert client.get(f"/attempts/{attempt.pk}/").status_code == 200
    assert client.get(f"/mock/{mock.pk}/report/").status_code == 200

    [viewed] = events(Event.ATTEMPT_VIEWED)
    assert (viewed.actor_id, viewed.object_type, viewed.object_id) == (
        owner.pk,
        "practice.attempt",
        str(attempt.pk),
    )
    [report] = events(Event.MOCK_REPORT_VIEWED)
    assert (report.object_type, report.object_id) == ("practice.mockinterview", str(mock.pk))
    assert "Patel" not in str(list(AuditEvent.objects.values()))

    client.force_login(outsider)
    assert client.get(f"/attempts/{attempt.pk}/").status_code == 404
    assert len(events(Event.ATTEMPT_VIEWED)) == 1  # a 404 showed nothing


def test_export_and_deletions_are_recorded(client: Client, owner: User) -> None:
    attempt = rows.attempt(owner, answer=ANSWER)
    mock = rows.interview(owner, answers=2)
    client.force_login(owner)

    client.get("/accounts/data.json")
    client.post(f"/attempts/{attempt.pk}/delete/")
    client.post(f"/mock/{mock.pk}/delete/")
    owner_pk = owner.pk
    client.post("/accounts/delete/", {"password": PASSWORD})

    [exported] = events(Event.DATA_EXPORTED)
    assert (exported.actor_id, exported.object_type) == (owner_pk, "auth.user")
    [deleted] = events(Event.ATTEMPT_DELETED)
    assert (deleted.actor_id, deleted.object_id) == (owner_pk, str(attempt.pk))
    [mock_gone] = events(Event.MOCK_DELETED)
    assert mock_gone.object_id == str(mock.pk) and mock_gone.detail == {"attempts": 2}
    [account] = events(Event.ACCOUNT_DELETED)
    assert account.actor_id == owner_pk
    # The log outlives the account (it points at no row) and stays intact.
    assert AuditEvent.objects.filter(actor_id=owner_pk).count() >= 4
    assert "Patel" not in str(list(AuditEvent.objects.values()))
    assert audit_verify().intact


def test_reads_through_the_api_are_recorded(owner: User) -> None:
    attempt = rows.attempt(owner, answer=ANSWER)
    _, token = token_create(user=owner)
    client = Client(headers={"Authorization": f"Bearer {token}"})
    assert client.get(f"/api/v1/attempts/{attempt.pk}").status_code == 200
    [viewed] = events(Event.ATTEMPT_VIEWED)
    assert (viewed.actor_id, viewed.object_id, viewed.detail) == (
        owner.pk,
        str(attempt.pk),
        {"as": "api"},
    )
