"""Security events recorded as they happen: log-in, failure, lockout, log-out, a changed
password, and API tokens made and revoked."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.http import HttpRequest

from accounts.models import ApiToken

from .models import Event
from .services import audit_record


@receiver(user_logged_in)
def record_login(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    audit_record(event=Event.LOGIN, actor=user, obj=user, request=request)


@receiver(user_logged_out)
def record_logout(
    sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any
) -> None:
    audit_record(event=Event.LOGOUT, actor=user, obj=user, request=request)


@receiver(user_login_failed)
def record_login_failure(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Django has already masked the password in `credentials`; only the name tried is kept.
    username = str(credentials.get("username", ""))[:150]
    audit_record(event=Event.LOGIN_FAILED, request=request, detail={"username": username})


def record_lockout(
    sender: Any, request: HttpRequest | None = None, username: str = "", **kwargs: Any
) -> None:
    audit_record(event=Event.LOCKOUT, request=request, detail={"username": str(username)[:150]})


try:
    from axes.signals import user_locked_out
except ImportError:  # django-axes is a dependency; the log works without it all the same
    pass
else:
    user_locked_out.connect(record_lockout, dispatch_uid="audit_lockout")


@receiver(pre_save, sender=User)
def record_password_change(sender: type[User], instance: User, **kwargs: Any) -> None:
    if instance.pk is None or kwargs.get("raw"):
        return
    stored = User.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if stored is not None and stored != instance.password:
        audit_record(event=Event.PASSWORD_CHANGED, actor=instance, obj=instance)


@receiver(post_save, sender=ApiToken)
def record_token_created(
    sender: type[ApiToken], instance: ApiToken, created: bool, **kwargs: Any
) -> None:
    if created and not kwargs.get("raw"):
        audit_record(
            event=Event.TOKEN_CREATED,
            actor=instance.user,
            obj=instance,
            detail={"name": instance.name},
        )


@receiver(post_delete, sender=ApiToken)
def record_token_revoked(sender: type[ApiToken], instance: ApiToken, **kwargs: Any) -> None:
    audit_record(
        event=Event.TOKEN_REVOKED,
        actor=instance.user_id,
        obj=instance,
        detail={"name": instance.name},
    )
