"""A member's programme pages: their organisations, what they share, leaving, and accepting an
invitation. What each page shows is the policy's answer; anything else is a 404."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from . import policy
from .forms import InvitedAccountForm, ShareForm
from .invitations import (
    InvitationForAnotherAddress,
    InvitationRefused,
    invitation_accept,
    invitation_accept_new,
    invitation_for,
    invitation_problem,
    invited_address_matches,
    wrong_account_message,
)
from .models import Invitation, MemberRole, Organisation
from .services import membership_leave, share_for, share_update

require_GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def _me(request: HttpRequest) -> User:
    return cast(User, request.user)


def member_organisation(request: HttpRequest, slug: str, *roles: str) -> Organisation:
    """An organisation the signed-in user belongs to (in one of `roles`, if given), or 404."""
    return get_object_or_404(policy.organisations_of(request.user, *roles), slug=slug)


@require_safe
@login_required
def my_organisations(request: HttpRequest) -> HttpResponse:
    memberships = policy.members_visible_to(_me(request)).filter(user=_me(request))
    by_org: dict[Organisation, list] = {}
    for membership in memberships.order_by("organisation__name", "role"):
        by_org.setdefault(membership.organisation, []).append(membership)
    rows = [
        {
            "organisation": org,
            "memberships": ms,
            "is_admin": any(m.role == MemberRole.PROGRAMME_ADMIN for m in ms),
            "is_candidate": any(m.role == MemberRole.CANDIDATE for m in ms),
        }
        for org, ms in by_org.items()
    ]
    return render(request, "programmes/mine.html", {"rows": rows})


@require_GET_POST
@login_required
def sharing(request: HttpRequest, slug: str) -> HttpResponse:
    """What I share with <org>: each item on or off, the candidate's choice alone."""
    organisation = member_organisation(request, slug, MemberRole.CANDIDATE)
    share = share_for(user=_me(request), organisation=organisation)
    form = ShareForm(request.POST or None, instance=share)
    if request.method == "POST" and form.is_valid():
        share_update(share=share, items={k: form.cleaned_data[k] for k in form.fields})
        messages.success(request, f"Saved. {organisation.name} now sees what is ticked below.")
        return redirect("programme_sharing", slug=organisation.slug)
    cohorts = policy.cohorts_visible_to(_me(request)).filter(
        organisation=organisation, memberships__user=_me(request)
    )
    context = {"organisation": organisation, "form": form, "cohorts": cohorts}
    return render(request, "programmes/sharing.html", context)


@require_GET_POST
@login_required
def leave(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = member_organisation(request, slug)
    membership = get_object_or_404(
        policy.members_visible_to(_me(request)).filter(organisation=organisation), pk=pk
    )
    if not policy.may_leave(_me(request), membership):
        return HttpResponse(status=404)
    if request.method == "POST":
        try:
            membership_leave(membership=membership, actor=_me(request))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                f"You are no longer {membership.get_role_display().lower()} "
                f"in {organisation.name}.",
            )
        return redirect("programmes")
    return render(request, "programmes/leave.html", {"membership": membership})


@require_GET_POST
def invitation_page(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the invitation (mail scanners follow links; nothing happens on GET). POST joins
    the signed-in account, or creates an account for the invited address."""
    invitation = invitation_for(token)
    problem = invitation_problem(invitation)
    if problem:
        return render(request, "programmes/invitation.html", {"problem": problem}, status=410)
    assert invitation is not None
    signed_in = request.user.is_authenticated
    if signed_in and not invited_address_matches(invitation, _me(request)):
        return _wrong_account(request, invitation)
    form = None if signed_in else InvitedAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            if form is None:
                membership = invitation_accept(token=token, user=_me(request))
            else:
                data = form.cleaned_data
                membership = invitation_accept_new(
                    token=token, username=data["username"], password=data["password1"]
                )
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
        except InvitationForAnotherAddress:
            return _wrong_account(request, invitation)
        except InvitationRefused as exc:
            ctx = {"problem": " ".join(exc.messages)}
            return render(request, "programmes/invitation.html", ctx, status=410)
        except ValidationError as exc:
            assert form is not None
            form.add_error(None, exc)
        else:
            return _welcome(request, membership.organisation, membership.role)
    context = {
        "invitation": invitation,
        "form": form,
        "login_url": f"{reverse('login')}?next={request.path}",
    }
    return render(request, "programmes/invitation.html", context)


def _wrong_account(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    """Signed in as someone other than the invitee: say whose the invitation is and offer to
    sign out (back to this link). A POST is refused (403) and changes nothing."""
    context = {
        "invitation": invitation,
        "wrong_account": wrong_account_message(invitation, _me(request)),
    }
    status = 403 if request.method == "POST" else 200
    return render(request, "programmes/invitation.html", context, status=status)


def _welcome(request: HttpRequest, organisation: Organisation, role: str) -> HttpResponse:
    messages.success(request, f"Welcome to {organisation.name}.")
    if role == MemberRole.CANDIDATE:
        messages.info(
            request,
            "Your answers stay private. Choose below what the programme team may see.",
        )
        return redirect("programme_sharing", slug=organisation.slug)
    if role == MemberRole.PROGRAMME_ADMIN:
        return redirect("programme_dashboard", slug=organisation.slug)
    return redirect("programmes")
