"""Two-factor log-in: a TOTP authenticator app (django-otp's TOTPDevice) and one-time recovery
codes. The web views call these; nothing here reads a request except to mark the session."""

from __future__ import annotations

import base64
import secrets
import time
from typing import Any

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest
from django.utils.crypto import salted_hmac
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Event
from audit.services import audit_record
from careprep import ratelimit

from .models import RecoveryCode

RECOVERY_CODES = 10
# Ten letters and digits with no look-alikes (0/o, 1/l/i): about 50 bits each.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
VERIFIED_AT = "careprep_2fa_at"


def two_factor_enabled(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_reason(user: User) -> str | None:
    """Why this person must use two-factor log-in, or None when it is their choice. Those who
    can see other people's data must: staff and superusers (the admin) when
    TWO_FACTOR_REQUIRED_FOR_STAFF is on; programme admins, hiring managers and interviewers of
    any organisation when TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES is on."""
    if settings.TWO_FACTOR_REQUIRED_FOR_STAFF and (user.is_staff or user.is_superuser):
        return "Staff accounts must use two-factor log-in"
    if settings.TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES:
        held = _programme_roles(user)
        if held:
            return (
                f"Your {held} can see other people's practice and hiring records, so your "
                "account must use two-factor log-in"
            )
    return None


def _programme_roles(user: User) -> str:
    """The roles among those that must use two-factor log-in that `user` holds, as words
    ("interviewer role", "hiring manager and interviewer roles"); empty for none."""
    # Imported here: programmes builds on accounts, not the other way round.
    from programmes.models import MemberRole, Membership
    from programmes.roles import HIRING_STAFF

    held = set(
        Membership.objects.filter(user_id=user.pk, role__in=HIRING_STAFF).values_list(
            "role", flat=True
        )
    )
    names = [str(MemberRole(role).label).lower() for role in HIRING_STAFF if role in held]
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{listed} role" + ("s" if len(names) > 1 else "")


def two_factor_required(user: User) -> bool:
    """Whether this person must use two-factor log-in (see `two_factor_reason`)."""
    return two_factor_reason(user) is not None


def device_of(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def enrolment_device(user: User) -> TOTPDevice:
    """The unconfirmed device an enrolment shows; the same one until it is confirmed, so a
    reloaded page keeps the QR code the person may already have scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def device_secret(device: TOTPDevice) -> str:
    """The key as base32, for typing into an app that cannot scan (grouped in fours)."""
    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_svg_data_uri(text: str) -> str:
    """A QR code of `text` as an SVG data: URI, made here (nothing leaves the server)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


def _recovery_digest(code: str) -> str:
    normalised = "".join(ch for ch in code.lower() if ch.isalnum())
    return salted_hmac("careprep.recovery-code", normalised, algorithm="sha256").hexdigest()


def recovery_codes_create(*, user: User) -> list[str]:
    """A fresh set of recovery codes (the old ones end); the clear codes are returned once."""
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(user=user, digest=_recovery_digest(c)) for c in codes
        )
    return codes


def code_limit() -> ratelimit.Limit:
    return ratelimit.Limit("2fa-codes", settings.RATE_2FA_CODES_PER_MINUTE)


def code_check(*, user: User, code: str, request: HttpRequest | None = None) -> str | None:
    """Check a code from the app or a recovery code; which of the two matched ("totp" or
    "recovery"), or None. A recovery code works once. Attempts are limited per user
    (RATE_2FA_CODES_PER_MINUTE) on top of django-otp's growing delay after each failure, and
    every failure is audited."""
    if not code_limit().hit(f"user:{user.pk}"):
        audit_record(
            event=Event.TWO_FACTOR_FAILED, actor=user, request=request, detail={"throttled": True}
        )
        return None
    device = device_of(user)
    compact = "".join(code.split())
    if device is not None and compact.isdigit() and len(compact) == device.digits:
        if device.verify_token(compact):
            return "totp"
    elif device is not None and len(compact) >= 10:
        used = RecoveryCode.objects.filter(user=user, digest=_recovery_digest(compact)).first()
        if used is not None:
            used.delete()
            left = RecoveryCode.objects.filter(user=user).count()
            audit_record(
                event=Event.RECOVERY_CODE_USED, actor=user, request=request, detail={"left": left}
            )
            return "recovery"
    audit_record(event=Event.TWO_FACTOR_FAILED, actor=user, request=request)
    return None


def session_verified(request: HttpRequest, device: TOTPDevice) -> None:
    """Mark the signed-in session as having passed the second factor, now."""
    django_otp.login(request, device)
    request.session[VERIFIED_AT] = int(time.time())


def session_fresh(request: HttpRequest) -> bool:
    """Whether the second factor was given within TWO_FACTOR_FRESH_MINUTES in this session."""
    at = request.session.get(VERIFIED_AT)
    return at is not None and time.time() - at <= settings.TWO_FACTOR_FRESH_MINUTES * 60


@transaction.atomic
def enrolment_confirm(*, user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code it shows: two-factor log-in is on, and the recovery codes
    are returned (once). None when the code is wrong."""
    if not code_limit().hit(f"user:{user.pk}"):
        return None
    if not device.verify_token(code.strip().replace(" ", "")):
        audit_record(event=Event.TWO_FACTOR_FAILED, actor=user, detail={"during": "enrolment"})
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(event=Event.TWO_FACTOR_ENABLED, actor=user, obj=user)
    return recovery_codes_create(user=user)


@transaction.atomic
def two_factor_disable(*, user: User) -> None:
    """Turn two-factor log-in off: the app's key and the recovery codes are removed."""
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
    audit_record(event=Event.TWO_FACTOR_DISABLED, actor=user, obj=user)


def two_factor_summary(user: User) -> dict[str, Any]:
    """What the profile page and the data export say about two-factor log-in (no secrets)."""
    device = device_of(user)
    return {
        "enabled": device is not None,
        "enabled_at": device.created_at.isoformat() if device and device.created_at else None,
        "recovery_codes_left": RecoveryCode.objects.filter(user=user).count(),
    }


def recovery_codes_renew(*, user: User) -> list[str]:
    """New recovery codes in place of the old (after a code from the app was given)."""
    codes = recovery_codes_create(user=user)
    audit_record(event=Event.RECOVERY_CODES_RENEWED, actor=user, obj=user)
    return codes
