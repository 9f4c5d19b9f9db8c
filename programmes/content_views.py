"""The programme admin's content page: the organisation's own questions, and the bundled
questions it hides from its members. Only a programme admin of that organisation reaches it."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from questionbank.models import Question

from . import policy
from .content import question_add, question_hide, question_remove, question_show
from .forms import OwnQuestionForm
from .models import MemberRole
from .views import member_organisation

require_GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def _me(request: HttpRequest) -> User:
    return cast(User, request.user)


@require_GET_POST
@login_required
def questions(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = member_organisation(request, slug, MemberRole.PROGRAMME_ADMIN)
    form = OwnQuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        question = question_add(organisation=organisation, **form.cleaned_data)
        messages.success(request, f"Added “{question.text}” for {organisation.name}'s members.")
        return redirect("programme_questions", slug=organisation.slug)
    hidden = set(organisation.hidden_questions.values_list("question_id", flat=True))
    context = {
        "organisation": organisation,
        "form": form,
        "own": policy.questions_editable_by(_me(request)).filter(organisation=organisation),
        "bundled": Question.objects.select_related("competency").order_by("text"),
        "hidden": hidden,
    }
    return render(request, "programmes/questions.html", context)


@login_required
@require_POST
def question_visibility(request: HttpRequest, slug: str, question: str) -> HttpResponse:
    """Hide a bundled question from the organisation's members, or show it again."""
    organisation = member_organisation(request, slug, MemberRole.PROGRAMME_ADMIN)
    found = get_object_or_404(Question.objects.all(), slug=question)
    if request.POST.get("hide") == "yes":
        question_hide(organisation=organisation, question=found, actor=_me(request))
        messages.success(request, f"Hidden from {organisation.name}'s members: “{found.text}”")
    else:
        question_show(organisation=organisation, question=found)
        messages.success(request, f"Shown again to {organisation.name}'s members: “{found.text}”")
    return redirect("programme_questions", slug=organisation.slug)


@login_required
@require_POST
def question_delete(request: HttpRequest, slug: str, question: str) -> HttpResponse:
    organisation = member_organisation(request, slug, MemberRole.PROGRAMME_ADMIN)
    own = policy.questions_editable_by(_me(request)).filter(organisation=organisation)
    found = get_object_or_404(own, slug=question)
    question_remove(question=found)
    messages.success(request, f"Deleted “{found.text}”.")
    return redirect("programme_questions", slug=organisation.slug)
