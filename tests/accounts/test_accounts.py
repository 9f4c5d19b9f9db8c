"""Sign up, log in and out, password reset, idle timeout, profile."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_signup_confirms_the_address_then_logs_in_with_argon2(client: Client, bank: None) -> None:
    response = client.post(
        "/accounts/signup/",
        {
            "username": "sam",
            "email": "sam@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    user = User.objects.get(username="sam")
    assert user.password.startswith("argon2") and not user.is_active
    refused = client.post("/accounts/login/", {"username": "sam", "password": PASSWORD})
    assert refused.status_code == 200  # not before the address is confirmed
    link = re.search(r"/accounts/activate/\S+/", str(mail.outbox[0].body))
    assert link is not None
    assert "Confirm and log in" in client.get(link.group(0)).content.decode()
    response = client.post(link.group(0))
    assert response.status_code == 302 and response["Location"] == "/accounts/profile/"
    assert client.get("/accounts/profile/").status_code == 200
    client.logout()
    assert client.post(link.group(0)).status_code == 400  # a link works once


def test_signup_with_mismatched_passwords_keeps_what_was_typed(client: Client, bank: None) -> None:
    response = client.post(
        "/accounts/signup/",
        {"username": "sam", "email": "sam@example.org", "password1": PASSWORD, "password2": "x"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="sam@example.org"' in page
    assert "didn’t match" in page or "didn't match" in page


def test_login_and_logout(client: Client, owner: User) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/accounts/profile/").status_code == 302


def test_wrong_password_is_refused(client: Client, owner: User) -> None:
    response = client.post("/accounts/login/", {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert "correct username and password" in response.content.decode()


def test_password_reset_by_email(client: Client, owner: User) -> None:
    client.post("/accounts/password-reset/", {"email": "alice@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"/accounts/reset/\S+/", str(mail.outbox[0].body))
    assert link is not None
    form = client.get(link.group(0), follow=True)
    new_password = "a-brand-new-passphrase-42"
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    response = client.post("/accounts/login/", {"username": "alice", "password": new_password})
    assert response.status_code == 302


def test_session_expires_after_thirty_idle_minutes(client: Client, owner: User) -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_SAVE_EVERY_REQUEST
    client.force_login(owner)
    session = client.session
    session.set_expiry(timezone.now() - timedelta(seconds=1))
    session.save()
    assert client.get("/accounts/profile/").status_code == 302


def test_profile_saves_role_level_and_interview_date(
    client: Client, owner: User, bank: None
) -> None:
    client.force_login(owner)
    response = client.post(
        "/accounts/profile/",
        {
            "target_role": "",
            "level": "experienced",
            "interview_date": (timezone.localdate() + timedelta(days=30)).isoformat(),
            "minutes_per_day": 25,
        },
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.profile.level == "experienced"
    assert owner.profile.interview_date == timezone.localdate() + timedelta(days=30)


def test_profile_rejects_a_bad_date_and_keeps_the_rest(client: Client, owner: User) -> None:
    client.force_login(owner)
    response = client.post(
        "/accounts/profile/",
        {"level": "lead", "interview_date": "next week", "minutes_per_day": 20},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid date" in page
    assert 'value="lead" selected' in page


def test_each_user_sees_only_their_own_profile(client: Client, owner: User, outsider: User) -> None:
    owner.profile.level = "lead"
    owner.profile.save()
    client.force_login(outsider)
    page = client.get("/accounts/profile/").content.decode()
    assert 'value="lead" selected' not in page


def test_api_tokens_are_shown_once_and_revoked_only_by_their_owner(
    client: Client, owner: User, outsider: User
) -> None:
    from accounts.models import ApiToken

    client.force_login(owner)
    page = client.post("/accounts/tokens/", {"name": "laptop script"}).content.decode()
    token = re.search(r'<code id="new-token">(cp_[^<]+)</code>', page)
    assert token is not None
    record = ApiToken.objects.get(user=owner)
    assert token.group(1) not in record.digest and record.prefix == token.group(1)[:8]
    assert token.group(1) not in client.get("/accounts/profile/").content.decode()
    client.force_login(outsider)
    assert client.post(f"/accounts/tokens/{record.pk}/delete/").status_code == 404
    assert ApiToken.objects.filter(pk=record.pk).exists()
    client.force_login(owner)
    client.post(f"/accounts/tokens/{record.pk}/delete/")
    assert not ApiToken.objects.filter(pk=record.pk).exists()
