"""Sessions end after an absolute lifetime; API tokens have a name, an end, a last use, are
listed and revocable on the profile page, and all end when the password changes."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from accounts.models import ApiToken
from accounts.services import token_create, token_user
from accounts.signals import SESSION_STARTED
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_busy_session_still_ends_after_its_absolute_lifetime(
    client: Client, owner: User, settings: object
) -> None:
    client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert client.get("/progress/").status_code == 200
    session = client.session
    session[SESSION_STARTED] = int(time.time()) - 13 * 3600  # 13 hours ago, default limit 12
    session.save()
    response = client.get("/progress/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/progress/").status_code == 302  # logged out, not just redirected once


def test_a_token_ends_after_its_days(owner: User) -> None:
    record, token = token_create(user=owner, name="script")
    assert record.expires_at is not None
    assert record.expires_at - timezone.now() > timedelta(days=89)
    assert token_user(token) == owner
    record.refresh_from_db()
    assert record.last_used_at is not None
    ApiToken.objects.filter(pk=record.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert token_user(token) is None


def test_an_expired_token_is_401_in_the_api(client: Client, owner: User) -> None:
    _, token = token_create(user=owner, days=0)
    response = client.get("/api/v1/attempts", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def test_changing_the_password_ends_every_token(client: Client, owner: User) -> None:
    _, first = token_create(user=owner)
    _, second = token_create(user=owner)
    client.force_login(owner)
    new = "another-long-passphrase-77"
    response = client.post(
        "/accounts/password-change/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert token_user(first) is None and token_user(second) is None
    assert not ApiToken.objects.filter(user=owner).exists()


def test_saving_a_user_without_a_new_password_keeps_tokens(owner: User) -> None:
    _, token = token_create(user=owner)
    owner.email = "alice@new.example.org"
    owner.save()
    assert token_user(token) == owner


def test_the_profile_lists_tokens_with_their_use_and_end(client: Client, owner: User) -> None:
    _, token = token_create(user=owner, name="laptop script")
    token_user(token)
    client.force_login(owner)
    page = client.get("/accounts/profile/").content.decode()
    assert "laptop script" in page and "last used" in page and "ends" in page


def test_an_outsider_cannot_revoke_a_token(client: Client, owner: User, outsider: User) -> None:
    record, _ = token_create(user=owner)
    client.force_login(outsider)
    assert client.post(f"/accounts/tokens/{record.pk}/delete/").status_code == 404
    assert ApiToken.objects.filter(pk=record.pk).exists()
