"""Two-factor log-in: enrolment with a QR code, the code step of log-in, recovery codes,
turning it off, throttling, staff who must use it, and fresh codes for new API tokens."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ApiToken, RecoveryCode
from accounts.two_factor import VERIFIED_AT
from audit.models import AuditEvent, Event
from tests.accounts.two_factor_helpers import app_code, two_factor_on
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def password_step(client: Client, username: str = "alice", path: str = "/accounts/login/"):
    return client.post(path, {"username": username, "password": PASSWORD})


def events(kind: Event) -> int:
    return AuditEvent.objects.filter(event=kind).count()


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_enrolment_shows_a_qr_code_and_turns_on_with_a_right_code(
    client: Client, owner: User
) -> None:
    client.force_login(owner)
    page = client.get("/accounts/two-factor/")
    body = page.content.decode()
    assert page.status_code == 200 and 'src="data:image/svg+xml;base64,' in body
    device = TOTPDevice.objects.get(user=owner, confirmed=False)
    wrong = client.post("/accounts/two-factor/", {"code": "000000"})
    assert "not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=owner, confirmed=True).exists()
    done = client.post("/accounts/two-factor/", {"code": app_code(device)})
    codes = done.context["codes"]
    assert len(codes) == 10 and all(c in done.content.decode() for c in codes)
    device.refresh_from_db()
    assert device.confirmed and events(Event.TWO_FACTOR_ENABLED) == 1
    assert events(Event.TWO_FACTOR_FAILED) == 1
    # Stored as keyed hashes only: no row holds a code.
    digests = list(RecoveryCode.objects.filter(user=owner).values_list("digest", flat=True))
    assert len(digests) == 10 and not {c.replace("-", "") for c in codes} & set(digests)
    # The session that enrolled counts as verified: it stays logged in.
    assert client.get("/accounts/profile/").status_code == 200


def test_log_in_asks_for_the_code_after_the_password(client: Client, owner: User) -> None:
    device, _ = two_factor_on(owner)
    response = password_step(client)
    assert response.status_code == 302 and response["Location"] == "/accounts/login/code/"
    assert client.get("/accounts/profile/").status_code == 302  # not logged in yet
    logins_before = events(Event.LOGIN)
    done = client.post("/accounts/login/code/", {"code": app_code(device, steps_ahead=1)})
    assert done.status_code == 302 and done["Location"] == "/accounts/profile/"
    assert client.get("/accounts/profile/").status_code == 200
    assert events(Event.LOGIN) == logins_before + 1


def test_the_code_page_without_the_password_step_sends_you_to_log_in(client: Client) -> None:
    response = client.post("/accounts/login/code/", {"code": "123456"})
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"


def test_a_code_works_once(client: Client, owner: User) -> None:
    device, _ = two_factor_on(owner)
    code = app_code(device)  # the enrolment used this step already
    password_step(client)
    response = client.post("/accounts/login/code/", {"code": code})
    assert response.status_code == 200 and "not right" in response.content.decode()
    assert client.get("/accounts/profile/").status_code == 302


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0, RATE_2FA_CODES_PER_MINUTE=10)
def test_wrong_codes_are_audited_and_five_start_the_log_in_over(
    client: Client, owner: User
) -> None:
    device, _ = two_factor_on(owner)
    password_step(client)
    for _ in range(4):
        assert client.post("/accounts/login/code/", {"code": "111111"}).status_code == 200
    last = client.post("/accounts/login/code/", {"code": "111111"})
    assert last.status_code == 302 and last["Location"] == "/accounts/login/"
    assert events(Event.TWO_FACTOR_FAILED) == 5
    # The password step has to be passed again: the right code alone does nothing now.
    late = client.post("/accounts/login/code/", {"code": app_code(device, steps_ahead=1)})
    assert late["Location"] == "/accounts/login/"
    assert client.get("/accounts/profile/").status_code == 302


@override_settings(RATE_2FA_CODES_PER_MINUTE=3, OTP_TOTP_THROTTLE_FACTOR=0)
def test_code_attempts_are_limited_per_user_even_across_log_ins(
    client: Client, owner: User, frozen_clock: None
) -> None:
    device, _ = two_factor_on(owner)  # one attempt: the enrolment's
    password_step(client)
    client.post("/accounts/login/code/", {"code": "111111"})
    client.post("/accounts/login/code/", {"code": "222222"})
    other = Client()
    password_step(other)
    blocked = other.post("/accounts/login/code/", {"code": app_code(device, steps_ahead=1)})
    assert blocked.status_code == 429 and "Too many codes" in blocked.content.decode()
    assert other.get("/accounts/profile/").status_code == 302


def test_django_otp_slows_guessing_after_a_failure(client: Client, owner: User) -> None:
    device, _ = two_factor_on(owner)
    password_step(client)
    client.post("/accounts/login/code/", {"code": "111111"})
    # Within the growing delay even the right code is refused.
    refused = client.post("/accounts/login/code/", {"code": app_code(device, steps_ahead=1)})
    assert refused.status_code == 200
    assert client.get("/accounts/profile/").status_code == 302


def test_a_recovery_code_logs_in_once(client: Client, owner: User) -> None:
    _, codes = two_factor_on(owner)
    password_step(client)
    done = client.post("/accounts/login/code/", {"code": codes[0].upper()})
    assert done.status_code == 302 and done["Location"] == "/accounts/profile/"
    assert RecoveryCode.objects.filter(user=owner).count() == 9
    assert events(Event.RECOVERY_CODE_USED) == 1
    again = Client()
    password_step(again)
    refused = again.post("/accounts/login/code/", {"code": codes[0]})
    assert "not right" in refused.content.decode()


def test_an_older_session_is_logged_out_once_two_factor_is_on(client: Client, owner: User) -> None:
    client.force_login(owner)  # a session from before, without the second factor
    two_factor_on(owner)
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.get("/accounts/profile/").status_code == 302


def verified_client(user: User, device: TOTPDevice) -> Client:
    client = Client()
    password_step(client, user.username)
    client.post("/accounts/login/code/", {"code": app_code(device, steps_ahead=1)})
    assert client.get("/accounts/profile/").status_code == 200
    return client


def test_turning_it_off_needs_the_password_and_a_code(owner: User) -> None:
    device, codes = two_factor_on(owner)
    client = verified_client(owner, device)
    no_code = client.post("/accounts/two-factor/off/", {"password": PASSWORD, "code": "1"})
    assert no_code.status_code == 200 and TOTPDevice.objects.filter(user=owner).exists()
    bad_password = client.post("/accounts/two-factor/off/", {"password": "x", "code": codes[1]})
    assert "not your password" in bad_password.content.decode()
    done = client.post("/accounts/two-factor/off/", {"password": PASSWORD, "code": codes[1]})
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=owner).exists()
    assert not RecoveryCode.objects.filter(user=owner).exists()
    assert events(Event.TWO_FACTOR_DISABLED) == 1
    fresh = Client()
    assert password_step(fresh)["Location"] == "/accounts/profile/"


def test_new_recovery_codes_replace_the_old(owner: User) -> None:
    device, old = two_factor_on(owner)
    client = verified_client(owner, device)
    device.refresh_from_db()
    device.last_t -= 5  # let the next step's code count again, as if time had passed
    device.save()
    page = client.post("/accounts/two-factor/codes/", {"code": app_code(device, steps_ahead=1)})
    new = page.context["codes"]
    assert len(new) == 10 and not set(new) & set(old)
    assert events(Event.RECOVERY_CODES_RENEWED) == 1
    stranger = Client()
    password_step(stranger)
    assert "not right" in stranger.post("/accounts/login/code/", {"code": old[2]}).content.decode()


def test_a_new_api_token_needs_a_recent_second_factor(owner: User) -> None:
    device, codes = two_factor_on(owner)
    client = verified_client(owner, device)
    assert client.post("/accounts/tokens/", {"name": "fresh"}).status_code == 200
    session = client.session
    session[VERIFIED_AT] = int(time.time()) - 3600
    session.save()
    stale = client.post("/accounts/tokens/", {"name": "stale"})
    assert stale.status_code == 403 and not ApiToken.objects.filter(name="stale").exists()
    assert 'name="code"' in stale.content.decode()
    coded = client.post("/accounts/tokens/", {"name": "coded", "code": codes[0]})
    assert coded.status_code == 200 and ApiToken.objects.filter(name="coded").exists()


def test_api_tokens_work_without_a_code(client: Client, owner: User) -> None:
    from accounts.services import token_create

    two_factor_on(owner)
    _, token = token_create(user=owner)
    response = client.get("/api/v1/attempts", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


@pytest.fixture
def staff(owner: User) -> User:
    owner.is_staff = True
    owner.save()
    return owner


@override_settings(TWO_FACTOR_REQUIRED_FOR_STAFF=True)
def test_staff_must_set_up_two_factor_before_any_page_or_the_admin(
    client: Client, staff: User
) -> None:
    assert password_step(client).status_code == 302
    for path in ("/admin/", "/accounts/profile/", "/progress/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/accounts/two-factor/"
    assert client.get("/api/v1/attempts").status_code == 403
    enrol = client.get("/accounts/two-factor/")
    assert enrol.status_code == 200 and "Staff accounts must" in enrol.content.decode()
    device = TOTPDevice.objects.get(user=staff)
    client.post("/accounts/two-factor/", {"code": app_code(device)})
    assert client.get("/admin/").status_code == 200
    off = client.post("/accounts/two-factor/off/", {"password": PASSWORD, "code": "1"})
    assert off.status_code == 302 and TOTPDevice.objects.filter(user=staff).exists()


@override_settings(TWO_FACTOR_REQUIRED_FOR_STAFF=True)
def test_the_admin_login_asks_for_the_code_too(client: Client, staff: User) -> None:
    device, _ = two_factor_on(staff)
    response = password_step(client, path="/admin/login/?next=/admin/")
    assert response["Location"] == "/accounts/login/code/"
    assert client.get("/admin/").status_code == 302
    done = client.post("/accounts/login/code/", {"code": app_code(device, steps_ahead=1)})
    assert done["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_without_the_setting_staff_may_log_in_with_a_password(client: Client, staff: User) -> None:
    assert password_step(client, path="/admin/login/?next=/admin/")["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
