"""Pages that delete a user's practice: GET asks for confirmation, POST deletes. Another
user's attempt or interview is a 404, the same as one that does not exist."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from audit.models import Event
from audit.services import audit_record

from .erasure import attempt_delete, mock_delete
from .selectors import own_attempt, own_interview

require_GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def _me(request: HttpRequest) -> User:
    return cast(User, request.user)


@require_GET_POST
@login_required
def attempt_delete_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = own_attempt(_me(request), pk)
    if request.method == "POST":
        attempt_delete(user=_me(request), pk=attempt.pk)
        audit_record(event=Event.ATTEMPT_DELETED, actor=_me(request), obj=attempt, request=request)
        messages.success(request, "The answer and its feedback have been deleted.")
        return redirect("progress")
    return render(request, "practice/attempt_delete.html", {"attempt": attempt})


@require_GET_POST
@login_required
def mock_delete_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    interview = own_interview(_me(request), pk)
    if request.method == "POST":
        deleted = mock_delete(user=_me(request), pk=interview.pk)
        audit_record(
            event=Event.MOCK_DELETED,
            actor=_me(request),
            obj=interview,
            request=request,
            detail={"attempts": deleted},
        )
        messages.success(request, "The mock interview and its answers have been deleted.")
        return redirect("progress")
    answers = interview.attempts.count()
    return render(
        request, "practice/mock_delete.html", {"interview": interview, "answers": answers}
    )
