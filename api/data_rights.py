"""Data rights through the API: download everything the account owns, delete one attempt or
one mock interview, delete the account (with its password). Each is audited; another
person's attempt or interview is a 404, the same as one that does not exist.

The two deletes live on the practice router beside the GETs of the same paths (one Django URL
per path), so api.api imports this module before it mounts that router."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status
from pydantic import ConfigDict, Field

from accounts.data_rights import EXPORT_FORMAT, account_delete, account_export
from audit.models import Event
from audit.services import audit_record
from careprep import ratelimit
from practice.erasure import attempt_delete, mock_delete
from practice.selectors import attempt_of, interview_of

from .practice import TokenAuth
from .practice import router as practice_router
from .schemas import ErrorOut

router = Router(auth=TokenAuth(), tags=["data rights"])


class ExportOut(Schema):
    """The same document as "Download my data" on the profile page; parts that other areas
    add to it (mentoring, …) come through as they are."""

    model_config = ConfigDict(extra="allow")

    format: str = Field(description=f"Always {EXPORT_FORMAT!r} for this version.")
    exported_at: str
    account: dict[str, Any]
    profile: dict[str, Any]
    plan_settings: dict[str, Any]
    two_factor: dict[str, Any]
    attempts: list[dict[str, Any]]
    mock_interviews: list[dict[str, Any]]
    api_tokens: list[dict[str, Any]]


class AccountDeleteIn(Schema):
    password: str = Field(min_length=1, max_length=4096, description="Your password, again.")


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@router.get("/me/export", response={200: ExportOut})
def export_my_data(request: HttpRequest) -> HttpResponse:
    """Everything your account holds: profile, plan, every attempt with its feedback, mock
    interviews with their steps, and your tokens' names and dates (never a token)."""
    user = _user(request)
    audit_record(event=Event.DATA_EXPORTED, actor=user, obj=user, detail={"as": "api"})
    # Sent as built, not through the schema, which would drop parts it does not name.
    body = json.dumps(account_export(user=user), ensure_ascii=False)
    return HttpResponse(body, content_type="application/json; charset=utf-8")


def wrong_passwords() -> ratelimit.Limit:
    return ratelimit.Limit("account-delete", 5)


@router.delete("/me", response={204: None, 403: ErrorOut, 429: ErrorOut})
def delete_my_account(request: HttpRequest, data: AccountDeleteIn) -> Status:
    """Delete your account and everything in it. Your password is asked again; five wrong
    ones in a minute and the operation waits."""
    user = _user(request)
    if wrong_passwords().exceeded(f"user:{user.pk}"):
        return Status(429, {"detail": "Too many wrong passwords; wait a minute."})
    if not user.check_password(data.password):
        wrong_passwords().hit(f"user:{user.pk}")
        return Status(403, {"detail": "That is not your password."})
    audit_record(event=Event.ACCOUNT_DELETED, actor=user, obj=user, detail={"as": "api"})
    account_delete(user=user)
    return Status(204, None)


@practice_router.delete(
    "/attempts/{attempt_id}", response={204: None, 404: ErrorOut}, tags=["data rights"]
)
def delete_attempt(request: HttpRequest, attempt_id: int) -> Status:
    """Delete one of your attempts and its feedback (in a mock interview, its step becomes
    unanswered)."""
    attempt = attempt_of(_user(request), attempt_id)
    attempt_delete(user=_user(request), pk=attempt.pk)
    audit_record(event=Event.ATTEMPT_DELETED, actor=_user(request), obj=attempt)
    return Status(204, None)


@practice_router.delete(
    "/mock-interviews/{interview_id}", response={204: None, 404: ErrorOut}, tags=["data rights"]
)
def delete_mock(request: HttpRequest, interview_id: int) -> Status:
    """Delete one of your mock interviews with its steps and every answer given in it."""
    interview = interview_of(_user(request), interview_id)
    deleted = mock_delete(user=_user(request), pk=interview.pk)
    audit_record(
        event=Event.MOCK_DELETED, actor=_user(request), obj=interview, detail={"attempts": deleted}
    )
    return Status(204, None)
