"""Pages of a partner's pathway, goals, journal and portfolio, and an organisation's adaptations."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from programmes import policy
from programmes.models import Organisation

from . import auditing, pathway, services
from .confidentiality import entry_check
from .forms import (
    AssessmentForm,
    GoalCloseForm,
    GoalForm,
    JournalForm,
    LocalResourceForm,
    LocalStepForm,
    MentorsPerPartnerForm,
    StepForm,
)
from .models import Pairing
from .pdf import portfolio_pdf
from .selectors import active_pairings_as_partner, partner_for_mentor

require_GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def _me(request: HttpRequest) -> User:
    return cast(User, request.user)


def _errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@require_safe
@login_required
def pathway_page(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    stages = pathway.pathway_for(pathway.home_organisation(me))
    context = {
        "progress": pathway.progress_of(me),
        "goal_form": GoalForm(stages=stages),
        "pairings": active_pairings_as_partner(me),
        "mentees": policy.mentees_of(me).select_related("partner"),
        "requests": policy.pairings_of(me).filter(status=Pairing.Status.REQUESTED),
        "partner": me,
        "own": True,
    }
    return render(request, "mentoring/pathway.html", context)


@require_safe
@login_required
def mentee_pathway(request: HttpRequest, partner_id: int) -> HttpResponse:
    """A mentor's view of a partner's pathway, with the stage assessment form."""
    partner, pairing = partner_for_mentor(_me(request), partner_id)
    stages = pathway.pathway_for(pathway.home_organisation(partner))
    context = {
        "progress": pathway.progress_of(partner, pairing),
        "partner": partner,
        "pairing": pairing,
        "assess_form": AssessmentForm(stages=stages),
        "own": False,
        "journal": policy.journal_visible_to(_me(request)).filter(user=partner),
    }
    return render(request, "mentoring/pathway.html", context)


@require_POST
@login_required
def step_update(request: HttpRequest, key: str) -> HttpResponse:
    form = StepForm(request.POST)
    if form.is_valid():
        try:
            services.step_mark(
                user=_me(request),
                step=key,
                done=form.cleaned_data["done"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            _errors(request, exc)
    return redirect(f"{reverse('mentoring')}#step-{key}")


@require_POST
@login_required
def goal_add(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    form = GoalForm(request.POST, stages=pathway.pathway_for(pathway.home_organisation(me)))
    if form.is_valid():
        try:
            services.goal_create(user=me, **form.cleaned_data)
        except ValidationError as exc:
            _errors(request, exc)
    else:
        messages.error(request, "Choose a stage and write the goal.")
    return redirect("mentoring")


@require_POST
@login_required
def goal_close(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_object_or_404(policy.goals_editable_by(_me(request)), pk=pk)
    form = GoalCloseForm(request.POST)
    if form.is_valid():
        services.goal_close(goal=goal, status=form.cleaned_data["status"])
    return redirect("mentoring")


@require_POST
@login_required
def stage_assess(request: HttpRequest, partner_id: int) -> HttpResponse:
    partner, pairing = partner_for_mentor(_me(request), partner_id)
    form = AssessmentForm(
        request.POST, stages=pathway.pathway_for(pathway.home_organisation(partner))
    )
    if form.is_valid():
        services.stage_assess(pairing=pairing, **form.cleaned_data)
        messages.success(request, "Assessment saved.")
    else:
        messages.error(request, "Choose a stage and a percentage from 0 to 100.")
    return redirect("mentee_pathway", partner_id=partner.pk)


# --- Journal ---------------------------------------------------------------------------------


@require_safe
@login_required
def journal_list(request: HttpRequest) -> HttpResponse:
    entries = policy.journal_editable_by(_me(request))
    return render(
        request,
        "mentoring/journal_list.html",
        {"entries": entries, "frameworks": pathway.frameworks()},
    )


def _journal_form(request: HttpRequest, framework_slug: str) -> JournalForm:
    spec = pathway.framework(framework_slug)
    if spec is None:
        raise Http404
    stages = pathway.pathway_for(pathway.home_organisation(_me(request)))
    initial = {"step": request.GET.get("step", ""), "title": spec.name}
    return JournalForm(request.POST or None, framework=spec, stages=stages, initial=initial)


def _linked(request: HttpRequest) -> dict[str, Any]:
    """The attempt or session an entry reflects on (`?attempt=ID`, `?session=ID`): the writer's
    own attempt, a session of their own pairing; anything else is a 404."""
    me = _me(request)
    links: dict[str, Any] = {}
    if request.GET.get("attempt", "").isdigit():
        links["attempt"] = get_object_or_404(
            policy.attempts_editable_by(me), pk=request.GET["attempt"]
        )
    if request.GET.get("session", "").isdigit():
        links["session"] = get_object_or_404(
            policy.sessions_visible_to(me), pk=request.GET["session"]
        )
    return links


@require_GET_POST
@login_required
def journal_new(request: HttpRequest, framework: str) -> HttpResponse:
    """Write an entry. Before it is saved, the coach's confidentiality check runs on every
    answer; if it finds something, the page shows what and offers a redacted version."""
    form = _journal_form(request, framework)
    links = _linked(request)
    check = None
    if request.method == "POST" and form.is_valid():
        answers, choice = form.answers(), form.cleaned_data["privacy"]
        check = entry_check(answers)
        if check.clear or choice in ("redacted", "as_written"):
            if choice == "redacted":
                answers = check.redacted
            try:
                entry = services.journal_entry_save(
                    user=_me(request),
                    framework=framework,
                    title=form.cleaned_data["title"],
                    answers=answers,
                    step=form.cleaned_data["step"],
                    shared=form.cleaned_data["shared"],
                    **links,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "Reflection saved.")
                return redirect("journal_entry", pk=entry.pk)
    context = {"form": form, "framework": form.framework, "check": check, **links}
    return render(request, "mentoring/journal_form.html", context)


@require_safe
@login_required
def journal_entry(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(policy.journal_visible_to(_me(request)), pk=pk)
    auditing.shared_item_read(reader=_me(request), obj=entry, where="page")
    spec = pathway.framework(entry.framework)
    prompts = (
        [(p.label, p.question, entry.answers.get(p.slug, "")) for p in spec.prompts] if spec else []
    )
    context = {"entry": entry, "prompts": prompts, "own": entry.user_id == request.user.pk}
    return render(request, "mentoring/journal_entry.html", context)


@require_POST
@login_required
def journal_share(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(policy.journal_editable_by(_me(request)), pk=pk)
    shared = request.POST.get("shared") == "yes"
    services.journal_share(entry=entry, shared=shared)
    if request.POST.get("portfolio") in ("yes", "no"):
        entry.in_portfolio = request.POST["portfolio"] == "yes"
        entry.save(update_fields=["in_portfolio"])
    messages.success(request, "Shared with your mentor." if shared else "Now private to you.")
    return redirect("journal_entry", pk=entry.pk)


# --- Portfolio and adaptations ---------------------------------------------------------------


@require_safe
@login_required
def portfolio_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(portfolio_pdf(_me(request)), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="careprep-portfolio.pdf"'
    return response


@require_GET_POST
@login_required
def pathway_adapt(request: HttpRequest, slug: str) -> HttpResponse:
    """A programme admin adds steps and local resources for their organisation."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not policy.may_adapt_pathway(_me(request), organisation):
        raise Http404
    stages = pathway.pathway_for(organisation)
    step_form = LocalStepForm(request.POST if "add_step" in request.POST else None, stages=stages)
    resource_form = LocalResourceForm(
        request.POST if "add_resource" in request.POST else None, stages=stages
    )
    limit_form = MentorsPerPartnerForm(
        request.POST if "save_limit" in request.POST else None,
        initial={"mentors_per_partner": services.mentors_allowed(organisation)},
    )
    adds = (
        (step_form, services.local_step_add),
        (resource_form, services.local_resource_add),
        (limit_form, services.mentoring_policy_set),
    )
    for form, add in adds:
        if form.is_bound and form.is_valid():
            try:
                add(organisation=organisation, **form.cleaned_data)
            except ValidationError as exc:
                _errors(request, exc)
            else:
                messages.success(request, "Saved for your organisation.")
                return redirect("pathway_adapt", slug=slug)
    context = {
        "organisation": organisation,
        "stages": stages,
        "step_form": step_form,
        "resource_form": resource_form,
        "limit_form": limit_form,
    }
    return render(request, "mentoring/adapt.html", context)
