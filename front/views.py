from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.jurisdiction import jurisdiction_of
from practice.next_step import next_steps
from questionbank.jurisdictions import GENERAL, label
from questionbank.models import Competency, Role
from questionbank.search import search_highlight
from questionbank.selectors import jurisdictions_for as question_jurisdictions
from questionbank.selectors import question_detail, question_find, roles_with_counts

from .forms import QuestionFilterForm


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    context: dict = {"roles": roles_with_counts(request.user)}
    if request.user.is_authenticated:  # a signed-in candidate lands on their next step
        context["next"] = next_steps(user=request.user, today=timezone.localdate())
    return render(request, "front/home.html", context)


def _browse(request: HttpRequest, role: Role | None) -> HttpResponse:
    """One view for a role page and the whole-bank search: a page, or its HTMX fragment."""
    form = QuestionFilterForm(
        request.GET or None, role=role.slug if role else "", viewer=request.user
    )
    jurisdiction = jurisdiction_of(request.user, form.asked_jurisdiction())
    filters = form.filters(role=role.slug if role else "", jurisdiction=jurisdiction)
    found, match = question_find(filters, viewer=request.user)
    questions = list(found)
    if match is not None:
        search_highlight(questions, match, jurisdiction)
    context = {
        "role": role,
        "form": form,
        "questions": questions,
        # A role page groups the questions written for the role before the ones it shares.
        "own": [q for q in questions if getattr(q, "own", False)] if role else [],
        "shared": [q for q in questions if not getattr(q, "own", False)] if role else [],
        "filters": filters,
        "match": match,
        "jurisdiction": jurisdiction,
        "jurisdiction_label": label(jurisdiction),
    }
    if request.htmx:  # type: ignore[attr-defined]
        # The count is a live region outside the swapped list (announced, not the whole list).
        return render(request, "front/_results.html", {**context, "oob": True})
    return render(request, "front/browse.html", context)


@require_safe
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _browse(request, get_object_or_404(Role, slug=slug))


@require_safe
def question_search(request: HttpRequest) -> HttpResponse:
    return _browse(request, None)


@require_safe
def question_page(request: HttpRequest, slug: str) -> HttpResponse:
    question = get_object_or_404(question_detail(slug, viewer=request.user))
    jurisdiction = jurisdiction_of(request.user, request.GET.get("jurisdiction", ""))
    context = {
        "question": question,
        "jurisdiction": jurisdiction,
        "jurisdiction_label": label(jurisdiction),
        "key_points": question.points("key_points", jurisdiction),
        "red_flags": question.points("red_flags", jurisdiction),
        "answers": question.answers_for(jurisdiction),
        "sources": question.all_sources(jurisdiction),
        "other_jurisdiction": question.jurisdiction != GENERAL
        and question.jurisdiction not in question_jurisdictions(jurisdiction),
    }
    return render(request, "front/question.html", context)


@require_safe
def competency_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "front/competencies.html",
        {"competencies": Competency.objects.all()},
    )


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Clients that ask for /favicon.ico without reading the page's <link rel="icon">."""
    return redirect(static("front/favicon.svg"), permanent=True)
