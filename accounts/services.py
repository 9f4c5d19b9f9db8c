"""Writes about accounts."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission, User
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from audit.models import Event
from audit.services import audit_record

from .models import ApiToken, Profile


@transaction.atomic
def user_create(
    *, username: str, email: str, password: str, staff: bool = False, superuser: bool = False
) -> User:
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError("That username is taken.")
    user = User(username=username, email=email, is_staff=staff or superuser, is_superuser=superuser)
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    Profile.objects.create(user=user)
    if staff and not superuser:
        user.groups.add(editors_group())
    return user


def profile_for(user: User) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_create(
    *, user: User, name: str = "API token", days: int | None = None
) -> tuple[ApiToken, str]:
    """A new token for `user`, ending after `days` (API_TOKEN_DAYS by default); the clear token
    is returned once and never stored."""
    token = "cp_" + secrets.token_urlsafe(32)
    lifetime = settings.API_TOKEN_DAYS if days is None else days
    record = ApiToken.objects.create(
        user=user,
        name=name.strip()[:60] or "API token",
        digest=token_digest(token),
        prefix=token[:8],
        expires_at=timezone.now() + timedelta(days=lifetime),
    )
    return record, token


def token_user(token: str) -> User | None:
    """The active user a live token belongs to (and the token's last use is now), or None."""
    now = timezone.now()
    record = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(token))
        .exclude(expires_at__lte=now)
        .first()
    )
    if record is None or not record.user.is_active:
        return None
    ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    audit_record(event=Event.TOKEN_USED, actor=record.user, obj=record)
    return record.user


def tokens_revoke_all(*, user: User) -> int:
    """Every token of `user` revoked (a changed password ends them all)."""
    count, _ = ApiToken.objects.filter(user=user).delete()
    return count


EDITORS_GROUP = "question bank editors"


def editors_group() -> Group:
    """The group whose members edit the question bank in the admin: every permission on the
    questionbank app's models, nothing on users or their practice."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="questionbank"))
    return group


def token_revoke(*, user: User, pk: int) -> None:
    get_object_or_404(ApiToken.objects.filter(user=user), pk=pk).delete()


def signup_request(*, username: str, email: str, password: str, site_root: str) -> None:
    """Start a sign-up without telling the requester whether the name or address is taken.

    A free name and address make an inactive account and mail a confirmation link; a taken
    address gets a reminder that it has an account; a taken name gets a note to choose another.
    The password is hashed in every case, so the three take about as long."""
    hashed = make_password(password)
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and (existing.is_active or existing.last_login is not None):
        _mail(email, "signup_exists", {"user": existing, "site_root": site_root})
        return
    others = User.objects.filter(username__iexact=username)
    if existing is not None:
        others = others.exclude(pk=existing.pk)
    if others.exists():
        _mail(email, "signup_name_taken", {"username": username, "site_root": site_root})
        return
    with transaction.atomic():
        user = existing or User(username=username, email=email)
        user.username, user.password, user.is_active = username, hashed, False
        user.save()
        Profile.objects.get_or_create(user=user)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = site_root.rstrip("/") + reverse("activate", args=[uid, token])
    _mail(email, "signup_confirm", {"user": user, "link": link, "site_root": site_root})


def pending_account(*, uidb64: str, token: str) -> User | None:
    """The unconfirmed account a confirmation link names; None for a bad or used link."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk, is_active=False, last_login__isnull=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


def account_activate(*, uidb64: str, token: str) -> User | None:
    """The account a confirmation link names, now active; None for a bad or used link."""
    user = pending_account(uidb64=uidb64, token=token)
    if user is None:
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


def _mail(to: str, template: str, context: dict) -> None:
    context = {**context, "site_name": settings.SITE_NAME}
    subject = render_to_string(f"registration/{template}_subject.txt", context).strip()
    body = render_to_string(f"registration/{template}_email.txt", context)
    send_mail(subject, body, None, [to])
