"""`careprep demo`: a demo organisation anyone can log in to, to see every side of the product.

"Demo Hospital Patient Engagement Office" with one cohort; two candidates who have practised
through the real coach and run a mock interview; a mentor, two interviewers and a programme
admin who is also a hiring manager. Every account has the same password, CAREPREP_PASSWORD or
one generated and shown once. A second run finds the organisation and changes nothing.

Other areas add their demo data without editing this file: after this part, for each app in
`EXTENDED_BY`, `<app>.demo.extend(context)` is called when that module and function exist,
with a `DemoContext` (organisation, cohort, users by username). Each `extend` must be safe to
run twice, since every run calls it.
"""

from __future__ import annotations

import importlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.services import profile_for
from practice.models import Attempt, MockInterview
from practice.services import attempt_create, mock_answer, mock_create, mock_finish
from questionbank.models import AnswerQuality, Question, Role

from .models import Cohort, MemberRole, Membership, Organisation, ProgrammeShare

ORG_NAME = "Demo Hospital Patient Engagement Office"
ORG_SLUG = "demo-hospital"
COHORT_NAME = "Patient partner intake, spring"
COHORT_SLUG = "spring-intake"
ROLE_SLUG = "patient-partner"
EXTENDED_BY = ("hiring", "mentoring")

# username: (first name, roles in the organisation, in the cohort?)
PEOPLE: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "demo-candidate": ("Robin", (MemberRole.CANDIDATE,), True),
    "demo-candidate2": ("Sam", (MemberRole.CANDIDATE,), True),
    "demo-mentor": ("Morgan", (MemberRole.MENTOR,), True),
    "demo-interviewer": ("Ira", (MemberRole.INTERVIEWER,), False),
    "demo-interviewer2": ("Jo", (MemberRole.INTERVIEWER,), False),
    "demo-admin": ("Alex", (MemberRole.PROGRAMME_ADMIN, MemberRole.HIRING_MANAGER), False),
}


class DemoRefused(Exception):
    """The demo cannot be loaded here (production, or a clash with real accounts)."""


@dataclass
class DemoContext:
    organisation: Organisation
    cohort: Cohort
    users: dict[str, User] = field(default_factory=dict)


@dataclass
class DemoReport:
    created: bool
    password: str | None = None  # set only when it was generated (shown once)
    lines: list[str] = field(default_factory=list)


def demo_load(*, env: str, password: str | None) -> DemoReport:
    """Load the demo (or find it loaded), then let the other areas extend it."""
    if env == "production":
        raise DemoRefused("refusing to load demo accounts with CAREPREP_ENV=production")
    organisation = Organisation.objects.filter(slug=ORG_SLUG).first()
    if organisation is not None:
        context = _context(organisation)
        report = DemoReport(created=False, lines=["demo already loaded: nothing changed"])
    else:
        clash = User.objects.filter(username__in=PEOPLE).values_list("username", flat=True)
        if clash:
            raise DemoRefused(
                f"accounts named {', '.join(sorted(clash))} exist but the demo organisation "
                "does not; rename or remove them first"
            )
        generated = password is None
        password = password or _new_password()
        with transaction.atomic():
            context = _build(password)
        report = DemoReport(created=True, password=password if generated else None)
        report.lines.append(f"loaded {ORG_NAME}: cohort “{COHORT_NAME}”, users {', '.join(PEOPLE)}")
    for area, extend in _extensions():
        with transaction.atomic():
            extend(context)
        if report.created:
            report.lines.append(f"{area}: demo data added")
    return report


def _new_password() -> str:
    """A random password that passes the site's rules (a rare draw spelling a common word
    does not)."""
    while True:
        candidate = secrets.token_urlsafe(12)
        try:
            password_validation.validate_password(candidate, User(username="demo-candidate"))
        except ValidationError:
            continue
        return candidate


def _context(organisation: Organisation) -> DemoContext:
    cohort = organisation.cohorts.get(slug=COHORT_SLUG)
    users = {u.username: u for u in User.objects.filter(username__in=PEOPLE)}
    return DemoContext(organisation, cohort, users)


def _extensions() -> list[tuple[str, Callable[[DemoContext], Any]]]:
    """`<app>.demo.extend` of each area that has one (a missing module is no error; an error
    inside one is)."""
    found = []
    for area in EXTENDED_BY:
        try:
            module = importlib.import_module(f"{area}.demo")
        except ModuleNotFoundError as exc:
            if exc.name not in (area, f"{area}.demo"):
                raise
            continue
        extend = getattr(module, "extend", None)
        if callable(extend):
            found.append((area, extend))
    return found


def _build(password: str) -> DemoContext:
    organisation = Organisation.objects.create(name=ORG_NAME, slug=ORG_SLUG)
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        organisation=organisation,
        name=COHORT_NAME,
        slug=COHORT_SLUG,
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=60),
    )
    context = DemoContext(organisation, cohort)
    # The sign-up rules are checked once and the password hashed once: every demo account has
    # the same one, and six Argon2 hashes would cost seconds.
    password_validation.validate_password(password, User(username="demo-candidate"))
    hashed = make_password(password)
    for username, (first_name, roles, in_cohort) in PEOPLE.items():
        user = User.objects.create(
            username=username,
            email=f"{username}@example.org",
            first_name=first_name,
            password=hashed,
        )
        profile_for(user)
        for role in roles:
            Membership.objects.create(
                user=user,
                organisation=organisation,
                role=role,
                cohort=cohort if in_cohort else None,
            )
        context.users[username] = user
    _practise(context.users["demo-candidate"], answers=5, interview_in_days=21, mock=True)
    _practise(context.users["demo-candidate2"], answers=2, interview_in_days=None, mock=False)
    _share(context, "demo-candidate", all_items=True)
    _share(context, "demo-candidate2", all_items=False)
    return context


def _share(context: DemoContext, username: str, *, all_items: bool) -> None:
    """demo-candidate shares everything; demo-candidate2 only how much they practised, so the
    dashboard shows both what is shared and what is not."""
    ProgrammeShare.objects.create(
        user=context.users[username],
        organisation=context.organisation,
        practice_count=True,
        mock_interviews=all_items,
        interview_date=all_items,
        competency_averages=all_items,
    )


def _practise(user: User, *, answers: int, interview_in_days: int | None, mock: bool) -> None:
    """Answers through the real coach (the bank's own example answers, of mixed quality) and,
    for one candidate, a finished mock interview."""
    role = Role.objects.get(slug=ROLE_SLUG)
    profile = profile_for(user)
    profile.target_role, profile.level = role, "entry"
    if interview_in_days is not None:
        profile.interview_date = timezone.localdate() + timedelta(days=interview_in_days)
    profile.save()
    qualities = [AnswerQuality.STRONG, AnswerQuality.ADEQUATE, AnswerQuality.WEAK]
    questions = role.questions.prefetch_related("example_answers").order_by("slug")[:answers]
    for i, question in enumerate(questions):
        attempt_create(user=user, question=question, answer=_example(question, qualities[i % 3]))
    if mock:
        _mock_interview(user, role)


def _example(question: Question, quality: str) -> str:
    answers = {a.quality: a.text for a in question.example_answers.all()}
    return answers.get(quality) or next(iter(answers.values()), question.text)


def _mock_interview(user: User, role: Role) -> MockInterview:
    interview = mock_create(
        user=user, role=role, level="entry", length=3, mix=["behavioural", "situational"], seed=7
    )
    for step in interview.steps.select_related("question").order_by("order"):
        mock_answer(interview=interview, answer=_example(step.question, AnswerQuality.ADEQUATE))
        step.refresh_from_db()
        if step.follow_up:
            mock_answer(
                interview=interview,
                answer="I would check back with the patient a week later and ask what changed "
                "for them, then tell the team what I learned.",
            )
    return mock_finish(interview=interview)


def demo_counts() -> dict[str, int]:
    """What the demo holds, for the command's summary."""
    users = User.objects.filter(username__in=PEOPLE)
    return {
        "users": users.count(),
        "attempts": Attempt.objects.filter(user__in=users).count(),
        "mock interviews": MockInterview.objects.filter(user__in=users).count(),
    }
