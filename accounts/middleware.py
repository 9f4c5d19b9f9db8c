"""Request guards of the accounts area: address-wide limits on log-in, sign-up and reset
forms, the session's absolute lifetime, and two-factor log-in where it is on or required."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from careprep import ratelimit

from .signals import SESSION_STARTED
from .two_factor import two_factor_enabled, two_factor_reason

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


# Pages a signed-in person who still has to set up two-factor log-in may use.
ENROLMENT_PAGES = {"two_factor_enrol", "logout", "login", "login_code"}


class TwoFactorMiddleware:
    """A session must have passed the second factor if its user has one: a session from before
    the app was added (or from another browser) is logged out. Those who must use two-factor
    log-in (staff, and the programme roles that see other people's records: see
    `two_factor_reason`) and have not set it up are sent to set it up, with the reason, and
    reach no other page, the admin included; the API answers 403. A token is judged in the
    API's TokenAuth, which refuses the same people."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable, args: tuple, kwargs: dict
    ) -> HttpResponse | None:
        if not request.user.is_authenticated:
            return None
        user = cast(User, request.user)
        # django-otp's middleware adds is_verified().
        if user.is_verified():  # type: ignore[attr-defined]
            return None
        if two_factor_enabled(user):
            logout(request)
            messages.info(request, "Log in again, with the code from your authenticator app.")
            return redirect_to_login(request.get_full_path())
        match = request.resolver_match
        if match and match.url_name in ENROLMENT_PAGES:
            return None
        reason = two_factor_reason(user)
        if reason is None:
            return None
        message = f"{reason}. Set it up to go on."
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message, "errors": []}, status=403)
        messages.info(request, message)
        return redirect("two_factor_enrol")
