"""Computing the codes an authenticator app would show, and turning two-factor on for a user."""

from __future__ import annotations

import time

from django.contrib.auth.models import User
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import enrolment_confirm, enrolment_device


def app_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the app shows now (or `steps_ahead` 30-second steps later: django-otp accepts
    one step of drift, and refuses a step it has already seen)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def two_factor_on(user: User) -> tuple[TOTPDevice, list[str]]:
    """Two-factor log-in on for `user`, as the enrolment page does it; the device and codes."""
    device = enrolment_device(user)
    codes = enrolment_confirm(user=user, device=device, code=app_code(device))
    assert codes is not None
    device.refresh_from_db()
    return device, codes
