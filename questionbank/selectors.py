"""Reads of the question bank."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from .models import Question


@dataclass(frozen=True)
class QuestionFilter:
    role: str = ""
    type: str = ""
    competency: str = ""
    level: str = ""
    q: str = ""

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
    for word in filters.q.lower().split()[:8]:
        questions = questions.filter(search_text__contains=word)
    return questions.distinct()


def question_detail(slug: str) -> QuerySet[Question]:
    return (
        Question.objects.filter(slug=slug)
        .select_related("competency")
        .prefetch_related("roles", "levels", "example_answers")
    )
