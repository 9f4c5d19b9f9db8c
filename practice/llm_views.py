"""Pages of the optional AI reviewer: the panel on the feedback page, the per-answer consent,
and the standing choice to send every answer."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .llm import consent_set, consents_always, llm_config, llm_preview, llm_provider, llm_request
from .models import Attempt, LlmReview
from .selectors import attempt_of


def llm_panel(attempt: Attempt) -> dict[str, Any]:
    """What the feedback page shows of the AI reviewer (nothing when none is configured)."""
    if llm_config() is None:
        return {"enabled": False}
    row = LlmReview.objects.filter(attempt=attempt).first()
    return {
        "enabled": True,
        "provider": llm_provider(),
        "preview": "" if row else llm_preview(attempt),
        "row": row,
        "always": consents_always(attempt.user),
    }


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def attempt_llm(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the panel (htmx polls it while the reviewer works). POST: the candidate agrees to
    send this answer, as shown, to the reviewer."""
    attempt = attempt_of(cast(User, request.user), pk)
    if llm_config() is None:
        raise Http404("no AI reviewer is configured")
    if request.method == "POST":
        llm_request(attempt=attempt)
        return redirect(f"{attempt.get_absolute_url()}#llm-review")
    context = {"attempt": attempt, "llm": llm_panel(attempt)}
    return render(request, "practice/_llm_review.html", context)


class ConsentForm(forms.Form):
    every_answer = forms.BooleanField(
        required=False,
        label="Send every answer to the AI reviewer without asking",
        help_text="Each answer is redacted first (e-mail addresses, phone numbers, names after a "
        "title, places and dates), but it leaves CarePrep. You can see what was sent on each "
        "feedback page.",
        widget=forms.CheckboxInput(attrs={"aria-describedby": "id_every_answer_helptext"}),
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def reviewer_consent(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    if llm_config() is None:
        raise Http404("no AI reviewer is configured")
    form = ConsentForm(request.POST or None, initial={"every_answer": consents_always(user)})
    if request.method == "POST" and form.is_valid():
        consent_set(user=user, every_answer=form.cleaned_data["every_answer"])
        messages.success(request, "Saved your choice for the AI reviewer.")
        return redirect("reviewer_consent")
    return render(
        request, "practice/reviewer_consent.html", {"form": form, "provider": llm_provider()}
    )
