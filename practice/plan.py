"""The prep plan: a day-by-day plan to the interview date that adapts to how practice goes.

It starts broad (a spread of competencies and question types), then brings back weak
competencies and low-scoring questions on a spaced schedule (again after 1, 3 and 7 days), and ends
with a mock interview the day before. It is rebuilt from the attempts every time it is shown, so
it updates as the user practises.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import mean

from django.contrib.auth.models import User
from icalendar import Calendar, Event

from programmes import policy
from questionbank.models import Question, Role
from questionbank.selectors import visible

from .models import Attempt, MockStep

MINUTES_PER_QUESTION = 8
DEFAULT_DAYS = 14
MAX_DAYS = 60
REVIEW_BELOW = 70  # questions scoring under this come back
SPACING = (1, 3, 7)


@dataclass
class PlanItem:
    question: Question
    reason: str


@dataclass
class PlanDay:
    day: date
    focus: str
    items: list[PlanItem] = field(default_factory=list)
    mock: bool = False


@dataclass
class PrepPlan:
    role: Role
    level: str
    interview_date: date | None
    days: list[PlanDay]
    weak_competencies: list[str]
    note: str = ""
    # Competencies the candidate's mock interviews have covered (answered), which count as
    # practised: the broad days go to the others first.
    mock_covered: list[str] = field(default_factory=list)


def _fill(
    plan_day: PlanDay,
    reviews: list[tuple[date, Question, str]],
    fresh: list[Question],
    weak: list[str],
    per_day: int,
) -> PlanDay:
    """Reviews due by the day first, then new questions; takes what it uses from both lists."""
    for item in [r for r in reviews if r[0] <= plan_day.day][:per_day]:
        reviews.remove(item)
        plan_day.items.append(PlanItem(item[1], item[2]))
    while len(plan_day.items) < per_day and fresh:
        question = fresh.pop(0)
        reason = (
            f"Weak competency: {question.competency.name}"
            if question.competency.name in weak
            else f"New: {question.competency.name} ({question.get_type_display().lower()})"
        )
        plan_day.items.append(PlanItem(question, reason))
    return plan_day


def _scored(attempt: Attempt) -> str:
    where = " in a mock interview" if attempt.mock_interview_id else ""
    return f"you scored {attempt.overall}{where} on {attempt.created_at.date():%d %b}"


def mock_covered(user: User) -> list[str]:
    """The competencies of the questions answered in the user's mock interviews."""
    steps = MockStep.objects.filter(
        interview__in=policy.interviews_owned_by(user), attempt__isnull=False
    )
    names = steps.values_list("question__competency__name", flat=True).distinct()
    return sorted(names)


def _history(user: User) -> tuple[dict[int, Attempt], dict[str, float]]:
    """Each question's latest attempt, and each competency's recent average score."""
    latest: dict[int, Attempt] = {}
    scores: dict[str, list[int]] = defaultdict(list)
    attempts = policy.attempts_owned_by(user).filter(
        follow_up="", review_status=Attempt.Review.DONE
    )
    for attempt in attempts.order_by("created_at"):
        if attempt.question_id:
            latest[attempt.question_id] = attempt
        if attempt.competency is not None:
            scores[attempt.competency.name].append(attempt.overall)
    return latest, {name: mean(values[-3:]) for name, values in scores.items()}


def plan_build(
    *,
    user: User,
    role: Role,
    level: str,
    interview_date: date | None,
    minutes_per_day: int,
    today: date,
) -> PrepPlan:
    note = ""
    if interview_date is None or interview_date <= today:
        note = "Set your interview date in your profile to plan up to the day."
        span = DEFAULT_DAYS
        interview_date = None
    else:
        span = min((interview_date - today).days, MAX_DAYS)
    per_day = max(1, minutes_per_day // MINUTES_PER_QUESTION)
    questions = visible(user).filter(roles=role).select_related("competency")
    pool = list(questions.filter(levels__slug=level) or questions)
    latest, competency_scores = _history(user)
    weak = sorted(
        (n for n, s in competency_scores.items() if s < REVIEW_BELOW),
        key=lambda n: competency_scores[n],
    )
    covered = mock_covered(user)
    practised = {a.competency.name for a in latest.values() if a.competency} | set(covered)
    fresh = _broad_order([q for q in pool if q.pk not in latest], practised)
    reviews = _due_reviews(latest, today)
    revisits = sorted(
        (a for a in latest.values() if a.overall < REVIEW_BELOW and a.question is not None),
        key=lambda a: (a.overall, a.pk),
    )
    days: list[PlanDay] = []
    broad_days = max(1, int(span * 0.4))
    for offset in range(span):
        day = today + timedelta(days=offset)
        if interview_date is not None and offset == span - 1:
            days.append(PlanDay(day, "Mock interview: the whole thing, timed, out loud", mock=True))
            continue
        if offset < broad_days:
            plan_day = PlanDay(day, "Broad practice: a spread of competencies")
        elif weak or revisits:
            plan_day = PlanDay(day, "Bring back weak spots")
            fresh.sort(key=lambda q: q.competency.name not in weak[:2])
            _bring_back(plan_day, reviews, revisits, days, per_day)
        else:
            plan_day = PlanDay(day, "Keep going: questions you have not tried yet")
        days.append(_fill(plan_day, reviews, fresh, weak, per_day))
    return PrepPlan(role, level, interview_date, days, weak, note, covered)


def _bring_back(
    plan_day: PlanDay,
    reviews: list[tuple[date, Question, str]],
    revisits: list[Attempt],
    days: list[PlanDay],
    per_day: int,
) -> None:
    """On a weak-spot day, at least half the items are answers that scored under 70: the
    reviews due first, then the lowest scores again (none planned in the two days before)."""
    wanted = max(1, (per_day + 1) // 2)
    due = [r for r in reviews if r[0] <= plan_day.day][:wanted]
    for item in due:
        reviews.remove(item)
        plan_day.items.append(PlanItem(item[1], item[2]))
    recent = {i.question.pk for d in days[-2:] for i in d.items}
    for attempt in revisits:
        if len(plan_day.items) >= wanted:
            break
        assert attempt.question is not None
        if attempt.question.pk not in recent | {i.question.pk for i in plan_day.items}:
            plan_day.items.append(PlanItem(attempt.question, f"Bring back: {_scored(attempt)}"))
    # The next weak-spot day starts with the ones not brought back today.
    shown = {i.question.pk for i in plan_day.items}
    revisits.sort(key=lambda a: (a.question_id in shown, a.overall, a.pk))


def _broad_order(questions: list[Question], practised: set[str] | None = None) -> list[Question]:
    """Interleave competencies (and so types) so early days cover the most ground, those not yet
    practised (in practice or a mock interview) first."""
    by_competency: dict[str, list[Question]] = defaultdict(list)
    done = practised or set()
    ordered_in = sorted(questions, key=lambda q: (q.competency.name in done, q.order, q.pk))
    for question in ordered_in:
        by_competency[question.competency.slug].append(question)
    ordered: list[Question] = []
    while any(by_competency.values()):
        for items in by_competency.values():
            if items:
                ordered.append(items.pop(0))
    return ordered


def _due_reviews(latest: dict[int, Attempt], today: date) -> list[tuple[date, Question, str]]:
    """Low-scoring questions, each due again 1, 3 and 7 days after its last attempt."""
    due: list[tuple[date, Question, str]] = []
    for attempt in latest.values():
        if attempt.overall >= REVIEW_BELOW or attempt.question is None:
            continue
        last = attempt.created_at.date()
        for gap in SPACING:
            when = max(today, last + timedelta(days=gap))
            reason = f"Again: {_scored(attempt)}"
            if not any(d == when and q.pk == attempt.question_id for d, q, _ in due):
                due.append((when, attempt.question, reason))
            if last + timedelta(days=gap) >= today:
                break  # later repetitions are planned after this one is practised
    return sorted(due, key=lambda item: (item[0], item[1].pk))


def plan_ics(plan: PrepPlan, site_root: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//CarePrep//Prep plan//EN")
    calendar.add("version", "2.0")
    for day in plan.days:
        event = Event()
        event.add("uid", f"careprep-plan-{plan.role.slug}-{day.day.isoformat()}@careprep")
        event.add("dtstart", day.day)
        event.add("dtend", day.day + timedelta(days=1))
        event.add("summary", f"CarePrep: {day.focus}")
        lines = [
            f"- {i.question.text} ({site_root}{i.question.get_absolute_url()})" for i in day.items
        ]
        event.add("description", "\n".join(lines) or day.focus)
        calendar.add_component(event)
    return calendar.to_ical()
