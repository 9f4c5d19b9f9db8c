"""Brute force: an account locks after wrong passwords (web and admin), an address is slowed."""

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def wrong(client: Client, path: str = "/accounts/login/", username: str = "alice") -> int:
    response = client.post(path, {"username": username, "password": "not-the-password"})
    return response.status_code


def test_an_account_locks_after_five_wrong_passwords(client: Client, owner: User) -> None:
    assert [wrong(client) for _ in range(5)][:4] == [200] * 4
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert client.get("/accounts/profile/").status_code == 302  # not logged in


def test_a_right_password_before_the_limit_resets_the_count(client: Client, owner: User) -> None:
    for _ in range(4):
        wrong(client)
    assert client.post("/accounts/login/", {"username": "alice", "password": PASSWORD}).status_code
    client.logout()
    assert [wrong(client) for _ in range(4)] == [200] * 4


def test_the_admin_login_locks_too(client: Client, owner: User) -> None:
    owner.is_staff = True
    owner.save()
    for _ in range(5):
        wrong(client, "/admin/login/")
    response = client.post("/admin/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 429


def test_one_account_locked_leaves_others_alone(
    client: Client, owner: User, outsider: User
) -> None:
    for _ in range(6):
        wrong(client)
    response = client.post("/accounts/login/", {"username": "mallory", "password": PASSWORD})
    assert response.status_code == 302


@override_settings(RATE_LOGINS_PER_MINUTE=8)
def test_one_address_trying_many_accounts_is_slowed(
    client: Client, owner: User, frozen_clock: None
) -> None:
    codes = [wrong(client, username=f"user{n}") for n in range(10)]
    assert codes[:8] == [200] * 8 and codes[8:] == [429, 429]
    throttled = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert throttled.status_code == 429 and "Retry-After" in throttled.headers
