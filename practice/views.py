"""Practice pages: one question, your own question, feedback, history, plan and mock interviews."""

from __future__ import annotations

import random
from typing import cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRefresh

from accounts.jurisdiction import jurisdiction_of
from accounts.services import profile_for
from careprep import ratelimit
from coach.overall import weights
from questionbank.models import Role
from questionbank.selectors import QuestionFilter, question_detail, question_list

from . import pdf
from .forms import AnswerForm, MockInterviewForm, OwnQuestionForm, RandomQuestionForm
from .llm_views import llm_panel
from .models import Attempt, MockInterview, MockStep
from .personas import persona_for
from .plan import PrepPlan, plan_build, plan_ics
from .presenters import FLAG_TITLES, band, criteria_rows, highlighted, score_rows, trend_svg
from .selectors import (
    attempt_of,
    attempts_of,
    competency_trends,
    interview_of,
    interviews_of,
    mock_report,
    own_interview,
    previous_attempt,
)
from .services import (
    ReviewPending,
    StepAnswered,
    attempt_create,
    mock_answer,
    mock_create,
    mock_current_step,
    mock_finish,
    mock_questions_left,
)


def _me(request: HttpRequest) -> User:
    """The signed-in user (every view here is behind login_required)."""
    return cast(User, request.user)


# Pages with a form take GET and POST; every other method is a 405.
require_GET_POST = require_http_methods(["GET", "HEAD", "POST"])


THROTTLED = (
    "You are sending answers faster than the coach can read them. Wait a minute and send this "
    "one again: your answer is still here."
)


def _within_answer_limit(request: HttpRequest, form: AnswerForm) -> bool:
    """Count one answer for the coach; past the per-user limit the form says so and keeps the
    answer (the page then answers 429)."""
    if ratelimit.answers().hit(f"user:{request.user.pk}"):
        return True
    form.add_error(None, forms.ValidationError(THROTTLED, code="throttled"))
    return False


def _status(form: AnswerForm) -> int:
    return 429 if form.has_error(NON_FIELD_ERRORS, code="throttled") else 200


def _answer_kwargs(form: AnswerForm) -> dict:
    data = form.cleaned_data
    return {
        "answer": data["answer"],
        "mode": data["mode"],
        "seconds": data.get("seconds"),
        "speaking_seconds": data.get("speaking_seconds"),
        "pauses": data.get("pauses"),
    }


@require_safe
@login_required
def practice_home(request: HttpRequest) -> HttpResponse:
    profile = profile_for(_me(request))
    form = RandomQuestionForm(
        initial={
            "role": profile.target_role.slug if profile.target_role else "",
            "level": profile.level,
        }
    )
    recent = attempts_of(_me(request))[:5]
    return render(request, "practice/home.html", {"form": form, "recent": recent})


@require_safe
@login_required
def practice_random(request: HttpRequest) -> HttpResponse:
    form = RandomQuestionForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    filters = QuestionFilter(
        role=data["role"].slug if data.get("role") else "",
        competency=data["competency"].slug if data.get("competency") else "",
        level=data.get("level", ""),
        jurisdiction=jurisdiction_of(request.user),
    )
    found = question_list(filters, viewer=request.user)
    slugs = list(found.values_list("slug", flat=True))
    if not slugs:
        messages.error(request, "No question matches those choices; try fewer filters.")
        return redirect("practice")
    return redirect("practice_question", slug=random.choice(slugs))


@require_GET_POST
@login_required
def practice_question(request: HttpRequest, slug: str) -> HttpResponse:
    question = get_object_or_404(question_detail(slug, viewer=request.user))
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _within_answer_limit(request, form):
        attempt = attempt_create(user=_me(request), question=question, **_answer_kwargs(form))
        return redirect(attempt)
    return render(
        request,
        "practice/answer.html",
        {
            "question": question,
            "key_points": question.key_points_for(jurisdiction_of(request.user)),
            "form": form,
            "draft_key": f"question:{question.slug}",
        },
        status=_status(form),
    )


@require_GET_POST
@login_required
def practice_own(request: HttpRequest) -> HttpResponse:
    form = OwnQuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _within_answer_limit(request, form):
        attempt = attempt_create(
            user=_me(request),
            custom_question=form.custom_question(),
            **_answer_kwargs(form),
        )
        return redirect(attempt)
    return render(
        request,
        "practice/own.html",
        {"form": form, "draft_key": "own-question"},
        status=_status(form),
    )


@require_safe
@login_required
def attempt_detail(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = attempt_of(_me(request), pk)
    return render(request, "practice/feedback.html", _feedback_context(request, attempt))


@require_safe
@login_required
def attempt_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The feedback fragment htmx polls for while a worker reviews: "reviewing" until it is
    ready, then the feedback itself (and the live region says so)."""
    attempt = attempt_of(_me(request), pk)
    if not attempt.reviewed:
        return render(request, "practice/_reviewing.html", {"attempt": attempt})
    return render(request, "practice/_review_ready.html", _feedback_context(request, attempt))


def _feedback_context(request: HttpRequest, attempt: Attempt) -> dict:
    if not attempt.reviewed:
        return {"attempt": attempt, "draft_key": _draft_key(attempt), "llm": llm_panel(attempt)}
    previous = previous_attempt(attempt)
    feedback = attempt.feedback
    return {
        "attempt": attempt,
        "feedback": feedback,
        "segments": highlighted(attempt.answer, feedback.get("key_points", [])),
        "criteria": criteria_rows(attempt.criteria, feedback.get("score_parts", [])),
        "flags": [(FLAG_TITLES.get(f["code"], f["code"]), f) for f in feedback.get("flags", [])],
        "previous": previous,
        "change": attempt.overall - previous.overall if previous else None,
        "draft_key": _draft_key(attempt),
        "overall_band": band(attempt.overall),
        "score_parts": score_rows(feedback.get("score_parts", [])),
        "graded_answers": weights().answers,
        "llm": llm_panel(attempt),
    }


def _draft_key(attempt: Attempt) -> str:
    return f"question:{attempt.question.slug}" if attempt.question else "own-question"


@require_safe
@login_required
def progress(request: HttpRequest) -> HttpResponse:
    trends = competency_trends(_me(request))
    context = {
        "attempts": attempts_of(_me(request))[:50],
        "interviews": interviews_of(_me(request))[:20],
        "trends": trends,
        "chart": trend_svg(trends) if trends else "",
        "weakest": [t for t in trends if t.recent < 70][:3],
    }
    return render(request, "practice/progress.html", context)


def _plan(request: HttpRequest) -> PrepPlan | None:
    profile = profile_for(_me(request))
    if profile.target_role is None or not profile.level:
        return None
    return plan_build(
        user=_me(request),
        role=profile.target_role,
        level=profile.level,
        interview_date=profile.interview_date,
        minutes_per_day=profile.minutes_per_day,
        today=timezone.localdate(),
    )


@require_safe
@login_required
def plan(request: HttpRequest) -> HttpResponse:
    return render(request, "practice/plan.html", {"plan": _plan(request)})


@require_safe
@login_required
def plan_calendar(request: HttpRequest) -> HttpResponse:
    built = _plan(request)
    if built is None:
        return redirect("plan")
    response = HttpResponse(plan_ics(built, settings.SITE_ROOT), content_type="text/calendar")
    response["Content-Disposition"] = 'attachment; filename="careprep-plan.ics"'
    return response


@require_GET_POST
@login_required
def mock_new(request: HttpRequest) -> HttpResponse:
    profile = profile_for(_me(request))
    initial = {
        "role": profile.target_role.slug if profile.target_role else "",
        "level": profile.level or "entry",
    }
    form = MockInterviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            interview = mock_create(
                user=_me(request),
                role=data["role"],
                level=data["level"],
                length=data["length"],
                mix=data["mix"],
                seconds_per_answer=60 * data["minutes_per_answer"],
            )
        except ValueError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(interview)
    return render(
        request,
        "practice/mock_new.html",
        {"form": form, "interviews": interviews_of(_me(request))[:10]},
    )


@require_GET_POST
@login_required
def mock_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interview = own_interview(_me(request), pk)
    if interview.status == MockInterview.Status.FINISHED:
        return redirect("mock_report", pk=interview.pk)
    step = mock_current_step(interview)
    form = AnswerForm(request.POST or None)
    if (
        request.method == "POST"
        and step is not None
        and form.is_valid()
        and _within_answer_limit(request, form)
    ):
        try:
            mock_answer(interview=interview, **_answer_kwargs(form))
        except ReviewPending as exc:
            messages.info(request, str(exc))
        except StepAnswered:
            messages.info(request, "That question had just been answered; here is the next one.")
        return redirect(interview)
    steps = list(interview.steps.all())
    context = {
        "waiting": _waiting(step),
        "interview": interview,
        "persona": persona_for(interview.role.slug, interview.pk),
        "step": step,
        "form": form,
        "number": (step.order + 1) if step else len(steps),
        "total": len(steps),
        "asking_follow_up": bool(step and step.attempt_id and step.follow_up),
        "draft_key": f"mock:{interview.pk}:{step.order if step else 'end'}:"
        f"{'f' if step and step.attempt_id else 'q'}",
        "draft_scope": f"mock:{interview.pk}:",
        "seconds_limit_display": f"{interview.seconds_per_answer // 60}:"
        f"{interview.seconds_per_answer % 60:02d}",
    }
    return render(request, "practice/mock.html", context, status=_status(form))


def _waiting(step: MockStep | None) -> bool:
    """The step's first answer is still being reviewed (in a worker): its follow-up is not
    chosen yet, so the interviewer waits too."""
    return bool(step and step.attempt is not None and not step.attempt.reviewed)


def _still_reviewing(interview: MockInterview) -> bool:
    """What the waiting notice waits for: the current step's review, or, once the interview is
    finished, any of its answers' reviews (the report counts them when they are in)."""
    if interview.status == MockInterview.Status.FINISHED:
        return interview.attempts.filter(review_status=Attempt.Review.PENDING).exists()
    return _waiting(mock_current_step(interview))


@require_safe
@login_required
def mock_wait(request: HttpRequest, pk: int) -> HttpResponse:
    """Polled by htmx while the interviewer waits: the same notice, then a page refresh (the
    next question or the follow-up) once the review is in."""
    interview = interview_of(_me(request), pk)
    if _still_reviewing(interview):
        return render(request, "practice/_mock_waiting.html", {"interview": interview})
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponseClientRefresh()
    return redirect(interview)


@login_required
@require_POST
def mock_end(request: HttpRequest, pk: int) -> HttpResponse:
    """Finish an interview; with questions still unanswered, only once the candidate confirms."""
    interview = own_interview(_me(request), pk)
    left = mock_questions_left(interview)
    if left and request.POST.get("confirm") != "yes":
        context = {"interview": interview, "left": left, "total": interview.steps.count()}
        return render(request, "practice/mock_end.html", context)
    mock_finish(interview=interview)
    return redirect("mock_report", pk=interview.pk)


@require_safe
@login_required
def mock_report_page(request: HttpRequest, pk: int) -> HttpResponse:
    interview = interview_of(_me(request), pk)
    report = mock_report(interview)
    return render(request, "practice/report.html", {"report": report})


@require_safe
@login_required
def mock_report_download(request: HttpRequest, pk: int) -> HttpResponse:
    interview = interview_of(_me(request), pk)
    report = mock_report(interview)
    if report.reviewing:  # a PDF is kept: it waits until every answer in it is reviewed
        messages.info(request, "Some answers are still being reviewed; download the PDF then.")
        return redirect("mock_report", pk=interview.pk)
    response = HttpResponse(pdf.report_pdf(report), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="careprep-mock-{interview.pk}.pdf"'
    return response


@require_safe
def guide_download(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role, slug=slug)
    jurisdiction = jurisdiction_of(request.user, request.GET.get("jurisdiction", ""))
    response = HttpResponse(
        pdf.guide_pdf(role, jurisdiction, request.user), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="careprep-{role.slug}-guide.pdf"'
    return response
