import json
import time
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from audit.models import Event
from audit.services import audit_record

from .data_pdf import account_export_pdf
from .data_rights import account_delete, account_export
from .forms import AccountDeleteForm, ProfileForm, SignupForm
from .models import ApiToken
from .services import (
    account_activate,
    pending_account,
    profile_for,
    signup_request,
    token_create,
    token_revoke,
)
from .two_factor import (
    VERIFIED_AT,
    code_check,
    session_fresh,
    two_factor_enabled,
    two_factor_required,
    two_factor_summary,
)


class LogoutView(auth_views.LogoutView):
    """Log-out also asks the browser to forget what this site keeps in it (unsent drafts)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"storage"'
        return response


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        signup_request(
            username=data["username"],
            email=data["email"],
            password=data["password1"],
            site_root=settings.SITE_ROOT,
        )
        return render(request, "registration/signup_sent.html", {"email": data["email"]})
    return render(request, "registration/signup.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def activate(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """A confirmation link: GET asks (mail scanners follow links), POST confirms and logs in."""
    if request.method != "POST":
        valid = pending_account(uidb64=uidb64, token=token) is not None
        return render(request, "registration/activate.html", {"valid": valid})
    user = account_activate(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "registration/activate.html", {"valid": False}, status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, "Welcome to CarePrep. Tell us what you are preparing for.")
    return redirect("profile")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=profile_for(request.user))  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Profile saved.")
        return redirect("profile")
    return render(request, "accounts/profile.html", _profile_context(request, form))


@login_required
@require_POST
def token_new(request: HttpRequest) -> HttpResponse:
    """A new API token. With two-factor log-in on, it needs the second factor given in the last
    TWO_FACTOR_FRESH_MINUTES, or a code now: a token outlives the session that made it."""
    user = cast(User, request.user)
    form = ProfileForm(instance=profile_for(user))
    if two_factor_enabled(user) and not session_fresh(request):
        if code_check(user=user, code=request.POST.get("code", ""), request=request) is None:
            error = "Enter the code your authenticator app shows now to create a token."
            context = {**_profile_context(request, form), "token_error": error}
            return render(request, "accounts/profile.html", context, status=403)
        request.session[VERIFIED_AT] = int(time.time())
    _, token = token_create(user=user, name=request.POST.get("name", ""))
    context = {**_profile_context(request, form), "new_token": token}
    return render(request, "accounts/profile.html", context)


def _profile_context(request: HttpRequest, form: ProfileForm) -> dict[str, Any]:
    user = cast(User, request.user)
    two_factor = two_factor_summary(user)
    return {
        "form": form,
        "tokens": ApiToken.objects.filter(user=user),
        "token_days": settings.API_TOKEN_DAYS,
        "now": timezone.now(),
        "two_factor": two_factor,
        "two_factor_required": two_factor_required(user),
        "token_needs_code": two_factor["enabled"] and not session_fresh(request),
        "fresh_minutes": settings.TWO_FACTOR_FRESH_MINUTES,
    }


@login_required
@require_POST
def token_delete(request: HttpRequest, pk: int) -> HttpResponse:
    token_revoke(user=request.user, pk=pk)  # type: ignore[arg-type]
    messages.success(request, "Token revoked.")
    return redirect("profile")


@require_safe
@login_required
def data_export(request: HttpRequest) -> HttpResponse:
    """The "Download my data" file: everything the account owns, as JSON never kept in a cache."""
    user = cast(User, request.user)
    data = account_export(user=user)
    audit_record(event=Event.DATA_EXPORTED, actor=user, obj=user, request=request)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="careprep-my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@require_safe
@login_required
def data_export_pdf(request: HttpRequest) -> HttpResponse:
    """The same download as a readable PDF."""
    user = cast(User, request.user)
    body = account_export_pdf(user=user)
    audit_record(
        event=Event.DATA_EXPORTED, actor=user, obj=user, request=request, detail={"as": "pdf"}
    )
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="careprep-my-data.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def account_delete_confirm(request: HttpRequest) -> HttpResponse:
    """GET asks; POST with the password erases the account and everything it owns."""
    user = cast(User, request.user)
    form = AccountDeleteForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        audit_record(event=Event.ACCOUNT_DELETED, actor=user, obj=user, request=request)
        logout(request)
        account_delete(user=user)
        messages.success(request, "Your account and everything in it have been deleted.")
        return redirect("home")
    return render(request, "accounts/account_delete.html", {"form": form})
