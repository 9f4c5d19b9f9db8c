"""Writes about accounts."""

import hashlib
import secrets

from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone

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
    return user


def profile_for(user: User) -> Profile:
    profile, _ = Profile.objects.get_or_create(user=user)
    return profile


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_create(*, user: User, name: str = "API token") -> tuple[ApiToken, str]:
    """A new token for `user`; the clear token is returned once and never stored."""
    token = "cp_" + secrets.token_urlsafe(32)
    record = ApiToken.objects.create(
        user=user, name=name[:60] or "API token", digest=token_digest(token), prefix=token[:8]
    )
    return record, token


def token_user(token: str) -> User | None:
    record = ApiToken.objects.select_related("user").filter(digest=token_digest(token)).first()
    if record is None or not record.user.is_active:
        return None
    ApiToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now())
    return record.user


def token_revoke(*, user: User, pk: int) -> None:
    get_object_or_404(ApiToken.objects.filter(user=user), pk=pk).delete()
