"""Account events that other writes must follow: a new password ends every API token, and a
log-in starts the session's absolute lifetime."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.http import HttpRequest

from .services import tokens_revoke_all

SESSION_STARTED = "careprep_auth_started"


@receiver(pre_save, sender=User)
def revoke_tokens_on_password_change(sender: type[User], instance: User, **kwargs: Any) -> None:
    if instance.pk is None or kwargs.get("raw"):
        return
    stored = User.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if stored is not None and stored != instance.password:
        tokens_revoke_all(user=instance)


@receiver(user_logged_in)
def start_session_clock(
    sender: Any, request: HttpRequest | None, user: User, **kwargs: Any
) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_STARTED] = int(time.time())
