"""Request guards of the accounts area: address-wide limits on log-in, sign-up and reset
forms, and the session's absolute lifetime."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from careprep import ratelimit

from .signals import SESSION_STARTED

THROTTLED = "Too many attempts from this address. Wait a minute, then try again."


class FormThrottleMiddleware:
    """Counts POSTs to the log-in forms (the site's and the admin's), sign-up and password reset
    per client address. django-axes locks one account after wrong passwords; this slows one
    address trying many accounts, and one address sending many sign-up or reset e-mails."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST":
            limit = self._limit_for(request.path)
            if limit is not None and not limit.hit(ratelimit.client_ip(request)):
                response = render(
                    request, "registration/throttled.html", {"message": THROTTLED}, status=429
                )
                response["Retry-After"] = str(limit.retry_after())
                return response
        return self.get_response(request)

    @staticmethod
    def _limit_for(path: str) -> ratelimit.Limit | None:
        if path in (reverse("login"), reverse("admin:login")):
            return ratelimit.logins()
        if path in (reverse("signup"), reverse("password_reset")):
            return ratelimit.signups()
        return None


class SessionLifetimeMiddleware:
    """An absolute lifetime beside the idle timeout: SESSION_ABSOLUTE_HOURS after log-in the
    session ends however busy it has been (HIPAA automatic logoff, ASVS 7.3)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and hasattr(request, "session"):
            started = request.session.get(SESSION_STARTED)
            if started is None:  # a session from before this rule: its clock starts now
                request.session[SESSION_STARTED] = int(time.time())
            elif time.time() - started > settings.SESSION_ABSOLUTE_HOURS * 3600:
                logout(request)
                messages.info(request, "Your session ended; please log in again.")
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)
