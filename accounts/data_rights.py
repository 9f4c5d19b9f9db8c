"""A user's data rights: everything the account owns as one JSON document, and erasure of the
account with all of it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from mentoring.export import mentoring_export
from practice.models import Attempt, MockInterview

from .models import ApiToken
from .services import profile_for
from .two_factor import two_factor_summary

EXPORT_FORMAT = "careprep-export/1"


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def account_export(*, user: User) -> dict[str, Any]:
    """Everything the account owns: the account and profile (with the plan's settings), every
    attempt with its feedback, every mock interview with its steps, and the API tokens' names
    and dates (never their digests or prefixes)."""
    profile = profile_for(user)
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "profile": {
            "target_role": profile.target_role.slug if profile.target_role else None,
            "level": profile.level,
            "jurisdiction": profile.jurisdiction,
        },
        "plan_settings": {
            "interview_date": _iso(profile.interview_date),
            "minutes_per_day": profile.minutes_per_day,
        },
        "attempts": [_attempt(a) for a in Attempt.objects.filter(user=user).order_by("pk")],
        "mock_interviews": [
            _interview(m)
            for m in MockInterview.objects.filter(user=user)
            .select_related("role")
            .prefetch_related("steps__question")
            .order_by("pk")
        ],
        "mentoring": mentoring_export(user),
        # Whether it is on and how many recovery codes are left; never the key or the codes.
        "two_factor": two_factor_summary(user),
        "api_tokens": [
            {
                "name": t.name,
                "created_at": _iso(t.created_at),
                "last_used_at": _iso(t.last_used_at),
                "expires_at": _iso(t.expires_at),
            }
            for t in ApiToken.objects.filter(user=user).order_by("pk")
        ],
    }


def _attempt(attempt: Attempt) -> dict[str, Any]:
    return {
        "id": attempt.pk,
        "created_at": _iso(attempt.created_at),
        "question": attempt.question.slug if attempt.question else None,
        "question_text": attempt.question_text,
        "custom_question": attempt.custom_question or None,
        "mock_interview": attempt.mock_interview_id,
        "follow_up": attempt.follow_up,
        "answer": attempt.answer,
        "mode": attempt.mode,
        "seconds": attempt.seconds,
        "delivery": attempt.delivery,
        "overall": attempt.overall,
        "criteria": attempt.criteria,
        "feedback": attempt.feedback,
    }


def _interview(interview: MockInterview) -> dict[str, Any]:
    return {
        "id": interview.pk,
        "role": interview.role.slug,
        "level": interview.level,
        "mix": interview.mix,
        "seconds_per_answer": interview.seconds_per_answer,
        "status": interview.status,
        "started_at": _iso(interview.started_at),
        "finished_at": _iso(interview.finished_at),
        "steps": [
            {
                "order": step.order,
                "question": step.question.slug,
                "attempt": step.attempt_id,
                "follow_up": step.follow_up,
                "follow_up_reason": step.follow_up_reason,
                "follow_up_attempt": step.follow_up_attempt_id,
            }
            for step in interview.steps.all()
        ],
    }


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase the account and everything that points at it: profile, attempts, mock interviews
    and their steps, tokens, admin log entries and group links all cascade from the user."""
    user.delete()
