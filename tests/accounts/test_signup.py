"""Sign-up and password reset say the same whether or not an account exists; passwords."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_up(client: Client, username: str, email: str, password: str = PASSWORD) -> str:
    response = client.post(
        "/accounts/signup/",
        {"username": username, "email": email, "password1": password, "password2": password},
    )
    assert response.status_code == 200
    return response.content.decode()


def without_token(page: str) -> str:
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", page)


def test_signup_pages_look_the_same_for_taken_and_free_names(client: Client, owner: User) -> None:
    free = sign_up(client, "newcomer", "newcomer@example.org")
    taken_name = sign_up(client, "alice", "someone@example.org")
    taken_address = sign_up(client, "other", "alice@example.org")
    assert "Check your e-mail" in free
    for page, email in ((taken_name, "someone"), (taken_address, "alice")):
        assert without_token(page).replace(email, "X") == without_token(free).replace(
            "newcomer", "X"
        )
    assert not User.objects.filter(username="other").exists()
    assert User.objects.filter(username="alice").count() == 1


def test_only_the_mailbox_learns_that_an_account_exists(client: Client, owner: User) -> None:
    sign_up(client, "other", "alice@example.org")
    sign_up(client, "alice", "someone@example.org")
    to_alice, to_someone = mail.outbox
    assert to_alice.to == ["alice@example.org"] and "already has an" in to_alice.body
    assert to_someone.to == ["someone@example.org"] and "not available" in to_someone.body


def test_password_reset_says_the_same_for_unknown_addresses(client: Client, owner: User) -> None:
    known = client.post("/accounts/password-reset/", {"email": "alice@example.org"}, follow=True)
    unknown = client.post("/accounts/password-reset/", {"email": "nobody@example.org"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert without_token(known.content.decode()) == without_token(unknown.content.decode())
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short-pass1", "at least 12 characters"),
        ("careprep", "at least 12 characters"),
        ("Careprep2024!!", "a word everyone here would guess"),
        ("password1234", "too common"),
        ("newcomer-example", "too similar"),
    ],
)
def test_weak_passwords_are_refused(client: Client, password: str, reason: str) -> None:
    page = sign_up(client, "newcomer", "newcomer@example.org", password)
    assert reason in page.replace("&#x27;", "'")
    assert not User.objects.filter(username="newcomer").exists()
