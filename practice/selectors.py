"""Reads of the practice area. Who may read or change an attempt or a mock interview is the
permission policy's answer (`programmes.policy`); these selectors only ask it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from statistics import mean
from typing import Any

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from coach import CRITERIA
from programmes import policy

from .models import Attempt, MockInterview, MockStep
from .personas import Persona, persona_for


def attempts_of(user: User) -> QuerySet[Attempt]:
    """The user's own attempts (their history), never anyone else's."""
    return policy.attempts_editable_by(user)


def attempt_of(user: User, pk: int) -> Attempt:
    """An attempt the user may read (their own, or one explicitly shared with them); anything
    else is a 404, the same as one that does not exist."""
    return get_object_or_404(policy.attempts_visible_to(user), pk=pk)


def own_attempt(user: User, pk: int) -> Attempt:
    """One of the user's own attempts, to change or delete; a shared one is a 404 here."""
    return get_object_or_404(policy.attempts_editable_by(user), pk=pk)


def interviews_of(user: User) -> QuerySet[MockInterview]:
    """The user's own mock interviews."""
    return policy.interviews_editable_by(user)


def interview_of(user: User, pk: int) -> MockInterview:
    """A mock interview the user may read (its report and PDF); anything else is a 404."""
    return get_object_or_404(policy.interviews_visible_to(user), pk=pk)


def own_interview(user: User, pk: int) -> MockInterview:
    """One of the user's own mock interviews, to answer, end or delete."""
    return get_object_or_404(policy.interviews_editable_by(user), pk=pk)


def previous_attempt(attempt: Attempt) -> Attempt | None:
    """The same user's last earlier attempt at the same question, for "change since last time"."""
    earlier = attempts_of(attempt.user).filter(pk__lt=attempt.pk, follow_up="")
    if attempt.question_id:
        earlier = earlier.filter(question_id=attempt.question_id)
    else:
        earlier = earlier.filter(question__isnull=True, custom_question=attempt.custom_question)
    return earlier.order_by("-pk").first()


@dataclass
class CompetencyTrend:
    slug: str
    name: str
    points: list[tuple[str, int]]  # (ISO date, overall)

    @property
    def average(self) -> float:
        return mean(score for _, score in self.points)

    @property
    def recent(self) -> float:
        return mean(score for _, score in self.points[-3:])


def competency_trends(user: User) -> list[CompetencyTrend]:
    """Per competency, the user's scores over time (oldest first); weakest recent first."""
    by_slug: dict[str, CompetencyTrend] = {}
    reviewed = attempts_of(user).filter(review_status=Attempt.Review.DONE)
    for attempt in reviewed.filter(competency__isnull=False).order_by("created_at"):
        assert attempt.competency is not None
        trend = by_slug.setdefault(
            attempt.competency.slug,
            CompetencyTrend(attempt.competency.slug, attempt.competency.name, []),
        )
        trend.points.append((attempt.created_at.date().isoformat(), attempt.overall))
    return sorted(by_slug.values(), key=lambda t: t.recent)


# A longer gap between two answers of a (resumable) interview was a break, not time answering.
BREAK_SECONDS = 15 * 60


@dataclass
class Report:
    interview: MockInterview
    steps: list[Any]
    persona: Persona
    competencies: list[tuple[str, int]] = field(default_factory=list)
    criteria: dict[str, int] = field(default_factory=dict)
    strengths: list[str] = field(default_factory=list)
    to_work_on: list[str] = field(default_factory=list)
    seconds_used: int = 0
    overall: int = 0
    answered: int = 0  # questions answered (their follow-ups aside); 0 means nothing to score
    reviewing: int = 0  # answers a worker is still reviewing (left out until their review is in)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def time_used(self) -> str:
        return minutes_seconds(self.seconds_used)


def minutes_seconds(seconds: int) -> str:
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def _time_on(attempt: Attempt, since: datetime) -> int:
    """Seconds spent on an answer: from the question's page (the interview's start or the last
    answer) to sending it, so that a pasted answer is not "0 seconds", or the client's own count
    when that is longer (an API client) or the gap was a break."""
    gap = int((attempt.created_at - since).total_seconds())
    measured = attempt.seconds or 0
    return max(gap, measured) if 0 < gap <= BREAK_SECONDS else measured


def _timed(interview: MockInterview, steps: list[MockStep]) -> int:
    """Give each answer of `steps` its `time_taken`; returns their sum."""
    since, total = interview.started_at, 0
    for step in steps:
        for attempt in (step.attempt, step.follow_up_attempt):
            if attempt is not None:
                attempt.time_taken = _time_on(attempt, since)  # type: ignore[attr-defined]
                attempt.time_shown = minutes_seconds(attempt.time_taken)  # type: ignore[attr-defined]
                since, total = attempt.created_at, total + attempt.time_taken  # type: ignore[attr-defined]
    return total


def mock_report(interview: MockInterview) -> Report:
    steps = list(
        interview.steps.select_related(
            "question", "question__competency", "attempt", "follow_up_attempt"
        )
    )
    # An answer still being reviewed (in a worker) counts once its review is in.
    attempts = [a for s in steps for a in (s.attempt, s.follow_up_attempt) if a and a.reviewed]
    report = Report(interview, steps, persona_for(interview.role.slug, interview.pk))
    report.reviewing = sum(
        1 for s in steps for a in (s.attempt, s.follow_up_attempt) if a and not a.reviewed
    )
    if not attempts:
        return report
    report.answered = sum(1 for s in steps if s.attempt is not None)
    by_competency: dict[str, list[int]] = defaultdict(list)
    for step in steps:
        if step.attempt is not None and step.attempt.reviewed:
            by_competency[step.question.competency.name].append(step.attempt.overall)
    report.competencies = sorted(
        ((name, round(mean(scores))) for name, scores in by_competency.items()),
        key=lambda item: -item[1],
    )
    report.criteria = {c: round(mean(a.criteria[c] for a in attempts)) for c in CRITERIA}
    report.overall = round(mean(a.overall for a in attempts))
    report.seconds_used = _timed(interview, steps)
    ranked = sorted(report.criteria.items(), key=lambda item: -item[1])
    report.strengths = [
        f"{name.capitalize()} ({score})" for name, score in ranked[:2] if score >= 60
    ]
    flags: dict[str, int] = defaultdict(int)
    for attempt in attempts:
        for flag in attempt.feedback.get("flags", []):
            flags[flag["message"]] += 1
    report.to_work_on = [f"{name.capitalize()} ({score})" for name, score in ranked[-2:]]
    report.to_work_on += [message for message, _ in sorted(flags.items(), key=lambda x: -x[1])[:3]]
    return report
