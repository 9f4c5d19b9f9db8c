"""Two-factor pages: log-in in two steps (password, then code), setting up an authenticator app,
new recovery codes, and turning it off. The admin's log-in uses the same two steps."""

from __future__ import annotations

import time
from typing import Any, cast

from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from .forms import CodeForm, TwoFactorDisableForm
from .two_factor import (
    code_check,
    code_limit,
    device_of,
    device_secret,
    enrolment_confirm,
    enrolment_device,
    qr_svg_data_uri,
    recovery_codes_renew,
    session_verified,
    two_factor_disable,
    two_factor_enabled,
    two_factor_reason,
)

PENDING = "careprep_2fa_pending"
# A password step is good for this long, and for this many wrong codes, before it starts over.
PENDING_SECONDS = 300
PENDING_FAILURES = 5
THROTTLED = "Too many codes tried. Wait a minute, then try again."
require_GET_POST = require_http_methods(["GET", "HEAD", "POST"])


class TwoStepLoginView(auth_views.LoginView):
    """The password step. Someone with two-factor log-in on is not logged in yet: the session
    remembers who passed the password (for a few minutes) and the code page finishes."""

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if not two_factor_enabled(user):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "at": int(time.time()),
            "next": self.get_success_url(),
            "failures": 0,
        }
        return redirect("login_code")


def _pending_user(request: HttpRequest) -> User | None:
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=pending["user"], is_active=True).first()


def _start_over(request: HttpRequest, message: str) -> HttpResponse:
    request.session.pop(PENDING, None)
    messages.info(request, message)
    return redirect("login")


@require_GET_POST
def login_code(request: HttpRequest) -> HttpResponse:
    """The code step of log-in: a code from the app, or a recovery code (once each)."""
    user = _pending_user(request)
    if user is None:
        return _start_over(request, "Log in with your password first.")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if code_limit().exceeded(f"user:{user.pk}"):
            form.add_error("code", THROTTLED)
            return render(request, "registration/login_code.html", {"form": form}, status=429)
        method = code_check(user=user, code=form.cleaned_data["code"], request=request)
        if method is not None:
            return _finish_login(request, user, method)
        pending = request.session[PENDING]
        pending["failures"] += 1
        request.session[PENDING] = pending
        if pending["failures"] >= PENDING_FAILURES:
            return _start_over(request, "Too many wrong codes. Log in again.")
        form.add_error("code", "That code is not right, or it has been used. Try the next one.")
    return render(request, "registration/login_code.html", {"form": form})


def _finish_login(request: HttpRequest, user: User, method: str) -> HttpResponse:
    pending = request.session.pop(PENDING)
    login(request, user, backend=pending["backend"])
    device = device_of(user)
    assert device is not None  # code_check matched one of its codes
    session_verified(request, device)
    if method == "recovery":
        left = user.recovery_codes.count()
        messages.warning(
            request,
            f"You logged in with a recovery code; {left} left. If your phone is lost, set up "
            "the app again or make new codes from your profile.",
        )
    return redirect(pending["next"])


def admin_login(request: HttpRequest, extra_context: dict | None = None) -> HttpResponseBase:
    """The admin's log-in page, with the same two steps as the site's."""
    if request.method == "GET" and admin.site.has_permission(request):
        return redirect("admin:index")
    context = {
        **admin.site.each_context(request),
        "title": "Log in",
        "subtitle": None,
        "app_path": request.get_full_path(),
        "username": request.user.get_username(),
        **(extra_context or {}),
    }
    if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
        context[REDIRECT_FIELD_NAME] = reverse("admin:index")
    view = TwoStepLoginView.as_view(
        authentication_form=AdminAuthenticationForm,
        template_name="admin/login.html",
        extra_context=context,
    )
    return view(request)


def _me(request: HttpRequest) -> User:
    return cast(User, request.user)


@require_GET_POST
@login_required
def two_factor_enrol(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the QR code (or type the key), confirm with a code."""
    user = _me(request)
    if two_factor_enabled(user):
        messages.info(request, "Two-factor log-in is already on.")
        return redirect("profile")
    device = enrolment_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = enrolment_confirm(user=user, device=device, code=form.cleaned_data["code"])
        if codes is not None:
            session_verified(request, device)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "new": True})
        form.add_error("code", "That code is not right. Check the app's clock and try the next.")
    context = {
        "form": form,
        "qr": qr_svg_data_uri(device.config_url),
        "secret": device_secret(device),
        "required": two_factor_reason(user),
    }
    return render(request, "accounts/two_factor_enrol.html", context)


@require_GET_POST
@login_required
def recovery_codes_new(request: HttpRequest) -> HttpResponse:
    """New recovery codes (the old ones end), after a code from the app."""
    user = _me(request)
    if not two_factor_enabled(user):
        return redirect("two_factor_enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if code_check(user=user, code=form.cleaned_data["code"], request=request) == "totp":
            codes = recovery_codes_renew(user=user)
            return render(request, "accounts/recovery_codes.html", {"codes": codes})
        form.add_error("code", "That is not the code your app shows now.")
    return render(request, "accounts/recovery_codes_new.html", {"form": form})


@require_GET_POST
@login_required
def two_factor_off(request: HttpRequest) -> HttpResponse:
    """Turn two-factor log-in off, with the password and a code."""
    user = _me(request)
    if not two_factor_enabled(user):
        return redirect("profile")
    reason = two_factor_reason(user)
    if reason is not None:
        messages.info(request, f"{reason}; it cannot be turned off.")
        return redirect("profile")
    form = TwoFactorDisableForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        if code_check(user=user, code=form.cleaned_data["code"], request=request):
            two_factor_disable(user=user)
            messages.success(request, "Two-factor log-in is off.")
            return redirect("profile")
        form.add_error("code", "That code is not right, or it has been used.")
    return render(request, "accounts/two_factor_off.html", {"form": form})
