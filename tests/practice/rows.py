"""Practice rows made directly (no coach run), for tests of deletion, export and audit."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from coach import CRITERIA
from practice.models import Attempt, MockInterview, MockStep
from questionbank.models import Competency, Question, Role


def question() -> Question:
    competency, _ = Competency.objects.get_or_create(
        slug="rows-empathy",
        defaults={
            "name": "Empathy",
            "definition": "d",
            "anchor_1": "a",
            "anchor_3": "b",
            "anchor_5": "c",
        },
    )
    q, _ = Question.objects.get_or_create(
        slug="rows-question",
        defaults={
            "text": "Tell me about a patient who was upset.",
            "type": "behavioural",
            "competency": competency,
        },
    )
    return q


def role() -> Role:
    r, _ = Role.objects.get_or_create(
        slug="rows-role", defaults={"name": "Patient Partner", "summary": "s"}
    )
    return r


def attempt(
    user: User,
    *,
    when: datetime | None = None,
    interview: MockInterview | None = None,
    answer: str = "I sat with Mrs Patel after her diagnosis.",
) -> Attempt:
    made = Attempt.objects.create(
        user=user,
        question=question(),
        answer=answer,
        overall=61,
        feedback={"overall": 61, "flags": []},
        criteria=dict.fromkeys(CRITERIA, 60),
        mock_interview=interview,
    )
    if when is not None:
        Attempt.objects.filter(pk=made.pk).update(created_at=when)
        made.refresh_from_db()
    return made


def interview(user: User, *, finished: datetime | None = None, answers: int = 2) -> MockInterview:
    """A mock interview with `answers` answered steps; finished at `finished` if given."""
    mock = MockInterview.objects.create(user=user, role=role(), level="entry")
    for order in range(answers):
        MockStep.objects.create(
            interview=mock,
            order=order,
            question=question(),
            attempt=attempt(user, interview=mock, when=finished),
        )
    if finished is not None:
        MockInterview.objects.filter(pk=mock.pk).update(
            status=MockInterview.Status.FINISHED, finished_at=finished
        )
        mock.refresh_from_db()
    return mock


def long_ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)
