"""What a signed-in candidate should do next, for the home page: today's plan, the days left to
the interview, the last answer worth another try, and a mock interview left half done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User

from accounts.services import profile_for
from programmes import policy

from .models import Attempt, MockInterview
from .plan import REVIEW_BELOW, PlanDay, plan_build

RETRY_BELOW = REVIEW_BELOW  # an answer under this is worth trying again


@dataclass
class NextSteps:
    has_profile: bool  # a target role and level, which the plan needs
    days_left: int | None  # to the interview date, if there is one ahead
    today: PlanDay | None  # the plan's first day
    retry: Attempt | None  # the latest answer, when it scored under RETRY_BELOW
    last: Attempt | None  # the latest answer
    mock_in_progress: MockInterview | None


def next_steps(*, user: User, today: date) -> NextSteps:
    profile = profile_for(user)
    last = (
        policy.attempts_owned_by(user)
        .filter(question__isnull=False, follow_up="", review_status=Attempt.Review.DONE)
        .order_by("-created_at", "-id")
        .first()
    )
    mock = policy.interviews_owned_by(user).filter(status=MockInterview.Status.IN_PROGRESS).first()
    days_left = None
    if profile.interview_date is not None and profile.interview_date >= today:
        days_left = (profile.interview_date - today).days
    plan_today = None
    has_profile = profile.target_role is not None and bool(profile.level)
    if has_profile:
        assert profile.target_role is not None
        plan = plan_build(
            user=user,
            role=profile.target_role,
            level=profile.level,
            interview_date=profile.interview_date,
            minutes_per_day=profile.minutes_per_day,
            today=today,
        )
        plan_today = plan.days[0] if plan.days and plan.days[0].day == today else None
    retry = last if last is not None and last.overall < RETRY_BELOW else None
    return NextSteps(has_profile, days_left, plan_today, retry, last, mock)
