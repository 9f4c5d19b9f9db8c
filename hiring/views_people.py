"""Hiring pages, part two: hiring candidates, interviews, scorecards, the debrief and the
calibration reports. Reads go through the policy; a panel member who has not submitted their
own scorecard is shown their own work only (the blind rule is the policy's, not this file's)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from audit.services import audit_record
from programmes import policy
from programmes.models import Organisation

from . import candidates, charts, scorecards, selectors
from .forms import AmendForm, CandidateForm, InterviewForm, ScorecardForm, StageForm
from .models import HiringCandidate, Interview
from .views import managed_organisations, me, require_GET_POST


@require_GET_POST
@login_required
def candidate_new(request: HttpRequest) -> HttpResponse:
    managed = managed_organisations(me(request))
    if not managed.exists():
        raise Http404
    form = CandidateForm(request.POST or None, managed=managed)
    if request.method == "POST" and form.is_valid():
        candidate = candidates.hiring_candidate_create(by=me(request), **form.cleaned_data)
        return redirect(candidate)
    return render(request, "hiring/candidate_new.html", {"form": form})


@require_safe
@login_required
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = get_object_or_404(policy.hiring_candidates_visible_to(me(request)), pk=pk)
    audit_record(event="hiring_candidate_viewed", actor=me(request), obj=candidate)
    interviews = policy.hiring_interviews_visible_to(me(request)).filter(candidate=candidate)
    manager = policy.may_manage_hiring(me(request), candidate.organisation)
    return render(
        request,
        "hiring/candidate.html",
        {
            "candidate": candidate,
            "interviews": interviews.prefetch_related("panel"),
            "manager": manager,
            "stage_form": StageForm(initial={"stage": candidate.stage}) if manager else None,
        },
    )


def _editable_candidate(request: HttpRequest, pk: int) -> HiringCandidate:
    return get_object_or_404(policy.hiring_candidates_editable_by(me(request)), pk=pk)


@require_POST
@login_required
def candidate_stage(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _editable_candidate(request, pk)
    form = StageForm(request.POST)
    if form.is_valid():
        candidates.hiring_candidate_stage(
            candidate=candidate, stage=form.cleaned_data["stage"], by=me(request)
        )
    return redirect(candidate)


@require_GET_POST
@login_required
def candidate_erase(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _editable_candidate(request, pk)
    if request.method == "POST":
        candidates.hiring_candidate_erase(candidate=candidate, by=me(request))
        messages.success(request, "The candidate and everything recorded about them were erased.")
        return redirect("hiring:home")
    return render(request, "hiring/candidate_erase.html", {"candidate": candidate})


@require_GET_POST
@login_required
def interview_new(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _editable_candidate(request, pk)
    form = InterviewForm(request.POST or None, candidate=candidate)
    if request.method == "POST" and form.is_valid():
        try:
            candidates.interview_schedule(candidate=candidate, by=me(request), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(candidate)
    return render(request, "hiring/interview_new.html", {"form": form, "candidate": candidate})


def _scorecard_form(request: HttpRequest, interview: Interview) -> ScorecardForm:
    items = list(interview.kit.competencies.select_related("competency"))
    card = scorecards.current_scorecard(interview, me(request))
    initial: dict[str, object] = {}
    if card is not None:
        initial = {"recommendation": card.recommendation, "summary": card.summary}
        for rating in card.ratings.all():
            value = "na" if rating.not_assessed else str(rating.rating or "")
            initial[f"rating_{rating.kit_competency_id}"] = value
            initial[f"evidence_{rating.kit_competency_id}"] = rating.evidence
    return ScorecardForm(request.POST or None, items=items, initial=initial)


def _interview_context(request: HttpRequest, interview: Interview) -> dict[str, object]:
    user = me(request)
    card = scorecards.current_scorecard(interview, user)
    on_panel = policy.may_score(user, interview)
    return {
        "interview": interview,
        "items": list(interview.kit.competencies.select_related("competency")),
        "card": card,
        "history": policy.scorecards_visible_to(user).filter(interview=interview, interviewer=user),
        "on_panel": on_panel,
        "form": _scorecard_form(request, interview) if on_panel else None,
        "amend_form": AmendForm() if card is not None and card.is_submitted else None,
        "warnings": scorecards.evidence_warnings(card) if card is not None else [],
        "may_debrief": policy.may_debrief(user, interview),
        "pending": selectors.panel_pending(user, interview),
    }


def _visible_interview(request: HttpRequest, pk: int) -> Interview:
    found = policy.hiring_interviews_visible_to(me(request)).select_related("kit", "candidate")
    return get_object_or_404(found, pk=pk)


@require_GET_POST
@login_required
def interview_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The interview with the viewer's own scorecard: save a draft, submit, or amend."""
    interview = _visible_interview(request, pk)
    if request.method == "POST":
        return _scorecard_post(request, interview)
    return render(request, "hiring/interview.html", _interview_context(request, interview))


def _scorecard_post(request: HttpRequest, interview: Interview) -> HttpResponse:
    if not policy.may_score(me(request), interview):
        raise Http404
    context = _interview_context(request, interview)
    form = context["form"]
    assert isinstance(form, ScorecardForm)
    if not form.is_valid():
        return render(request, "hiring/interview.html", context, status=400)
    fields = {
        "scores": form.scores(),
        "recommendation": form.cleaned_data["recommendation"],
        "summary": form.cleaned_data["summary"],
    }
    try:
        if request.POST.get("action") == "amend":
            return _amend(request, interview, context, fields)
        card = scorecards.scorecard_save(interview=interview, interviewer=me(request), **fields)
        if request.POST.get("action") == "submit":
            scorecards.scorecard_submit(scorecard=card, by=me(request))
            messages.success(request, "Submitted. You can now see the panel's debrief.")
        else:
            messages.success(request, "Draft saved. Only you can see it.")
    except ValidationError as error:
        form.add_error(None, error)
        return render(request, "hiring/interview.html", context, status=400)
    return redirect(interview)


def _amend(
    request: HttpRequest, interview: Interview, context: dict[str, object], fields: dict
) -> HttpResponse:
    amend = AmendForm(request.POST)
    card = context["card"]
    if not amend.is_valid() or card is None:
        context["amend_form"] = amend
        return render(request, "hiring/interview.html", context, status=400)
    scorecards.scorecard_amend(
        scorecard=card,  # type: ignore[arg-type]
        by=me(request),
        reason=amend.cleaned_data["reason"],
        **fields,
    )
    messages.success(request, "Amended: a new version is submitted; the old one is kept.")
    return redirect(interview)


@require_safe
@login_required
def debrief(request: HttpRequest, pk: int) -> HttpResponse:
    """The panel's debrief of each interview of a candidate the viewer may debrief. Until an
    interviewer submits, the page says only that: no scorecard, average or count."""
    candidate = get_object_or_404(policy.hiring_candidates_visible_to(me(request)), pk=pk)
    interviews = policy.hiring_interviews_visible_to(me(request)).filter(candidate=candidate)
    rows = []
    for interview in interviews:
        found = selectors.debrief_for(me(request), interview)
        chart = None
        if found is not None and found.rows:
            chart = charts.bars_svg(
                [(row.name, row.mean) for row in found.rows],
                low=0,
                high=5,
                title=f"Mean panel rating per competency, {interview.kit.title}",
            )
        rows.append((interview, found, chart, selectors.panel_pending(me(request), interview)))
    return render(request, "hiring/debrief.html", {"candidate": candidate, "rows": rows})


@require_safe
@login_required
def calibration_panel(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    kits = policy.kits_visible_to(me(request)).filter(organisation=organisation, parent=None)
    kit = None
    if request.GET.get("kit", "").isdigit():
        kit = get_object_or_404(kits, pk=int(request.GET["kit"]))
    report = selectors.panel_calibration(me(request), organisation, kit)
    if report is None:
        raise Http404
    context = _calibration_context(report, organisation) | {"kit": kit, "kits": kits}
    return render(request, "hiring/calibration.html", context)


@require_safe
@login_required
def calibration_own(request: HttpRequest) -> HttpResponse:
    report = selectors.own_calibration(me(request))
    return render(request, "hiring/calibration.html", _calibration_context(report, None))


def _calibration_context(
    report: selectors.CalibrationReport, organisation: Organisation | None
) -> dict[str, object]:
    leniency = [(str(row.interviewer), row.mean_difference) for row in report.leniency]
    # The scale widens to the largest difference, so no bar runs off the chart.
    bound = max([2.0, *(abs(value) for _, value in leniency)])
    agreement = list(report.alpha.items())
    return {
        "report": report,
        "organisation": organisation,
        "leniency_chart": charts.bars_svg(
            leniency,
            low=-bound,
            high=bound,
            title="Leniency: mean difference from the rest of the panel",
        )
        if leniency
        else None,
        "alpha_chart": charts.bars_svg(
            agreement, low=-1, high=1, title="Krippendorff's alpha per competency (ordinal)"
        )
        if agreement
        else None,
    }
