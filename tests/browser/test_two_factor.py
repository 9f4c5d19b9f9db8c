"""Two-factor log-in in a real browser: set up from the profile with the QR code's key, then
log out and back in with the password and a code."""

import base64
import time
from typing import Any

import pytest
from django.contrib.auth.models import User
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code_from_key(shown: str, steps_ahead: int = 0) -> str:
    """The code an authenticator app computes from the key the page shows."""
    key = shown.replace(" ", "")
    key += "=" * (-len(key) % 8)
    totp = TOTP(base64.b32decode(key))
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def password_step(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_set_up_two_factor_then_log_in_with_a_code(
    page: Page, live_server: Any, owner: User
) -> None:
    base = live_server.url
    password_step(page, base)
    page.get_by_role("link", name="Set up two-factor log-in").click()
    qr = page.get_by_role("img", name="QR code")
    expect(qr).to_be_visible()
    assert page.evaluate("document.querySelector('img.qr').naturalWidth") > 0  # CSP lets it in
    key = page.locator("#totp-secret").inner_text()
    page.get_by_label("Authentication code").fill(code_from_key(key))
    page.get_by_role("button", name="Turn on two-factor log-in").click()
    expect(page.get_by_role("heading", name="Two-factor log-in is on")).to_be_visible()
    assert page.locator("#recovery-codes li").count() == 10
    page.get_by_role("link", name="I have saved them").click()
    page.get_by_role("button", name="Log out").click()

    password_step(page, base)
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    page.get_by_label("Authentication code").fill(code_from_key(key, steps_ahead=1))
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    expect(page.get_by_text("On: you log in with your password and a code")).to_be_visible()
