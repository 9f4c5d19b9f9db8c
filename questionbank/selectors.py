"""Reads of the question bank."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from .jurisdictions import GENERAL, JURISDICTIONS, applies
from .models import Question


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
    return questions.distinct()


def jurisdictions_for(chosen: str) -> list[str]:
    """Every jurisdiction whose guidance a candidate who chose `chosen` sees."""
    return [code for code in JURISDICTIONS if applies(code, chosen)]


def question_detail(slug: str) -> QuerySet[Question]:
    return (
        Question.objects.filter(slug=slug)
        .select_related("competency")
        .prefetch_related("roles", "levels", "example_answers")
    )
