"""Reads of the question bank."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from .jurisdictions import GENERAL, JURISDICTIONS, applies
from .models import Competency, Question


@dataclass(frozen=True)
class QuestionFilter:
    role: str = ""
    type: str = ""
    competency: str = ""
    level: str = ""
    q: str = ""
    # The candidate's jurisdiction: general questions and those for it (see jurisdictions.applies).
    jurisdiction: str = GENERAL

    @property
    def active(self) -> bool:
        return any((self.type, self.competency, self.level, self.q))


def question_list(filters: QuestionFilter) -> QuerySet[Question]:
    """Questions matching every filter; `q` matches all its words anywhere in the question."""
    questions = Question.objects.select_related("competency").prefetch_related("roles", "levels")
    if filters.role:
        questions = questions.filter(roles__slug=filters.role)
    if filters.type:
        questions = questions.filter(type=filters.type)
    if filters.competency:
        questions = questions.filter(competency__slug=filters.competency)
    if filters.level:
        questions = questions.filter(levels__slug=filters.level)
    if filters.jurisdiction != GENERAL:
        questions = questions.filter(jurisdiction__in=jurisdictions_for(filters.jurisdiction))
    for word in filters.q.lower().split()[:8]:
        questions = questions.filter(search_text__contains=word)
    if filters.role:
        questions = role_first(questions, filters.role)
    return questions.distinct()


def role_first(questions: QuerySet[Question], role: str) -> QuerySet[Question]:
    """A role's questions, those written for it first (its own pack file,
    `content/questions/<role>.yaml`), then those it shares with other roles, fewest roles first.
    Each question carries `own` (written for the role) for the page to group by."""
    roles_of = Question.objects.filter(pk=OuterRef("pk")).annotate(n=Count("roles")).values("n")
    own_file = Q(source_file=f"{role}.yaml") | Q(source_file__endswith=f"/{role}.yaml")
    return questions.annotate(
        own=Case(
            When(own_file, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        role_count=Subquery(roles_of, output_field=IntegerField()),
    ).order_by("-own", "role_count", "order", "slug")


def competencies_for(role: str = "") -> QuerySet[Competency]:
    """The competencies a role's questions assess (every one with a question, without a role):
    what a competency filter should offer, so that no choice is sure to match nothing."""
    found = Competency.objects.filter(questions__isnull=False)
    if role:
        found = found.filter(questions__roles__slug=role)
    return found.distinct().order_by("name")


def jurisdictions_for(chosen: str) -> list[str]:
    """Every jurisdiction whose guidance a candidate who chose `chosen` sees."""
    return [code for code in JURISDICTIONS if applies(code, chosen)]


def question_detail(slug: str) -> QuerySet[Question]:
    return (
        Question.objects.filter(slug=slug)
        .select_related("competency")
        .prefetch_related("roles", "levels", "example_answers")
    )
