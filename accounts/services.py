"""Writes about accounts."""

from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Profile


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
