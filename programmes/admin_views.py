"""The programme admin's pages under /programmes/<org>/: the dashboard (cohorts, members and
roles, each candidate's shared summary, the cohort's weakest competencies), invitations one by
one or from a CSV, role changes and removals, cohorts, and the CSV export. Only a programme
admin of that organisation reaches them; anyone else gets a 404."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from audit.models import Event
from audit.services import audit_record

from . import policy
from .bulk import COLUMNS, bulk_invite
from .dashboard import cohort_csv, cohort_view
from .forms import BulkInviteForm, CohortForm, InviteForm, RoleForm
from .invitations import invitation_resend, invitation_revoke, invitation_send
from .models import Cohort, MemberRole, Organisation
from .services import membership_remove, membership_role_change
from .views import member_organisation

require_GET_POST = require_http_methods(["GET", "HEAD", "POST"])
MEMBERS_PER_PAGE = 50


def _me(request: HttpRequest) -> User:
    return cast(User, request.user)


def _run(request: HttpRequest, slug: str) -> Organisation:
    return member_organisation(request, slug, MemberRole.PROGRAMME_ADMIN)


def _cohort(request: HttpRequest, organisation: Organisation) -> Cohort | None:
    slug = request.GET.get("cohort", "")
    if not slug:
        return None
    return get_object_or_404(
        policy.cohorts_visible_to(_me(request)).filter(organisation=organisation), slug=slug
    )


@require_safe
@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _run(request, slug)
    cohort = _cohort(request, organisation)
    members = policy.members_visible_to(_me(request)).filter(organisation=organisation)
    pages = Paginator(members.order_by("user__username", "role", "pk"), MEMBERS_PER_PAGE)
    context = {
        "organisation": organisation,
        "cohort": cohort,
        "cohorts": policy.cohorts_visible_to(_me(request)).filter(organisation=organisation),
        "members": pages.get_page(request.GET.get("page")),
        "view": cohort_view(viewer=_me(request), organisation=organisation, cohort=cohort),
        "invitations": organisation.invitations.filter(used_at__isnull=True, revoked=False),
        "roles": MemberRole.choices,
        "now": timezone.now(),
    }
    return render(request, "programmes/dashboard.html", context)


@require_safe
@login_required
def export(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _run(request, slug)
    cohort = _cohort(request, organisation)
    view = cohort_view(viewer=_me(request), organisation=organisation, cohort=cohort)
    audit_record(
        event=Event.DATA_EXPORTED,
        actor=_me(request),
        obj=organisation,
        detail={"what": "programme summary", "rows": len(view.candidates)},
    )
    response = HttpResponse(cohort_csv(view), content_type="text/csv; charset=utf-8")
    name = f"{organisation.slug}-{cohort.slug if cohort else 'all'}-summary.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET_POST
@login_required
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _run(request, slug)
    form = InviteForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation_send(
                organisation=organisation,
                email=data["email"],
                role=data["role"],
                cohort=data["cohort"],
                invited_by=_me(request),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Invitation sent to {data['email']}.")
            return redirect("programme_dashboard", slug=organisation.slug)
    return render(request, "programmes/invite.html", {"organisation": organisation, "form": form})


@require_GET_POST
@login_required
def invite_bulk(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _run(request, slug)
    form = BulkInviteForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = bulk_invite(
            organisation=organisation, text=form.cleaned_data["file"], invited_by=_me(request)
        )
        if report.ok:
            messages.success(request, f"{report.sent} invitations sent.")
    context = {"organisation": organisation, "form": form, "report": report, "columns": COLUMNS}
    status = 422 if report is not None and not report.ok else 200
    return render(request, "programmes/invite_bulk.html", context, status=status)


@login_required
@require_POST
def invitation_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _run(request, slug)
    invitation = get_object_or_404(
        policy.invitations_visible_to(_me(request)).filter(organisation=organisation), pk=pk
    )
    invitation_revoke(invitation=invitation, actor=_me(request))
    messages.success(request, f"The invitation to {invitation.email} was withdrawn.")
    return redirect("programme_dashboard", slug=organisation.slug)


@login_required
@require_POST
def invitation_resend_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Send a pending invitation again with a new link; the old link stops working."""
    organisation = _run(request, slug)
    invitation = get_object_or_404(
        policy.invitations_visible_to(_me(request)).filter(organisation=organisation), pk=pk
    )
    try:
        invitation_resend(invitation=invitation, actor=_me(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"A new invitation was sent to {invitation.email}; the earlier link no longer works.",
        )
    return redirect("programme_dashboard", slug=organisation.slug)


@login_required
@require_POST
def member_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _run(request, slug)
    membership = get_object_or_404(
        policy.members_editable_by(_me(request)).filter(organisation=organisation), pk=pk
    )
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose one of the roles.")
    else:
        try:
            membership_role_change(
                membership=membership, role=form.cleaned_data["role"], actor=_me(request)
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                f"{membership.user.username} is now {membership.get_role_display().lower()}.",
            )
    return redirect("programme_dashboard", slug=organisation.slug)


@require_GET_POST
@login_required
def member_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _run(request, slug)
    membership = get_object_or_404(
        policy.members_editable_by(_me(request)).filter(organisation=organisation), pk=pk
    )
    if request.method == "POST":
        try:
            membership_remove(membership=membership, actor=_me(request))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                f"{membership.user.username} is no longer "
                f"{membership.get_role_display().lower()} here.",
            )
        return redirect("programme_dashboard", slug=organisation.slug)
    return render(request, "programmes/member_remove.html", {"membership": membership})


@require_GET_POST
@login_required
def cohort_new(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _run(request, slug)
    form = CohortForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        cohort = form.save()
        messages.success(request, f"Cohort “{cohort.name}” created.")
        return redirect("programme_dashboard", slug=organisation.slug)
    return render(
        request, "programmes/cohort_new.html", {"organisation": organisation, "form": form}
    )


@login_required
@require_POST
def cohort_archive(request: HttpRequest, slug: str, cohort: str) -> HttpResponse:
    """Archive (or reopen) a cohort: its pending invitations stop working while archived."""
    organisation = _run(request, slug)
    found = get_object_or_404(
        policy.cohorts_editable_by(_me(request)).filter(organisation=organisation), slug=cohort
    )
    found.archived = not found.archived
    found.save(update_fields=["archived"])
    state = "archived" if found.archived else "reopened"
    messages.success(request, f"Cohort “{found.name}” {state}.")
    return redirect("programme_dashboard", slug=organisation.slug)
