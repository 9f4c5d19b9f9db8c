"""Reads of the question bank."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

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
from .models import Competency, Question, Role
from .search import Match, search_apply

if TYPE_CHECKING:  # django-stubs is a development dependency
    from django_stubs_ext import WithAnnotations


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


def visible(viewer: Any = None) -> QuerySet[Question]:
    """The questions `viewer` may see (the policy's answer): the bundled bank less what their
    organisations hide, plus their organisations' own. No viewer: the bundled bank."""
    from programmes import policy  # programmes' models build on this app's

    return policy.questions_visible_to(viewer)


class RoleCount(TypedDict):
    question_count: int


def roles_with_counts(viewer: Any = None) -> QuerySet[WithAnnotations[Role, RoleCount]]:
    """Every role, each with `question_count`: how many of its questions `viewer` may see, the
    same questions its role page lists (what their organisations hide left out, their own in)."""
    seen = visible(viewer).values("pk")
    return Role.objects.annotate(
        question_count=Count("questions", filter=Q(questions__in=seen), distinct=True)
    )


def question_list(
    filters: QuestionFilter, questions: QuerySet[Question] | None = None, viewer: Any = None
) -> QuerySet[Question]:
    """Questions matching every filter; with `q`, those the full-text search finds, best first."""
    return question_find(filters, questions, viewer)[0]


def question_find(
    filters: QuestionFilter, questions: QuerySet[Question] | None = None, viewer: Any = None
) -> tuple[QuerySet[Question], Match | None]:
    """`question_list` and how its search was answered (None without `q`). `questions` is what
    the viewer may see (by default what the policy shows `viewer`); nothing outside it is ever
    returned."""
    found = (questions if questions is not None else visible(viewer)).select_related("competency")
    found = found.prefetch_related("roles", "levels")
    if filters.role:
        found = found.filter(roles__slug=filters.role)
    if filters.type:
        found = found.filter(type=filters.type)
    if filters.competency:
        found = found.filter(competency__slug=filters.competency)
    if filters.level:
        found = found.filter(levels__slug=filters.level)
    if filters.jurisdiction != GENERAL:
        found = found.filter(jurisdiction__in=jurisdictions_for(filters.jurisdiction))
    match = None
    if filters.q.strip():
        found, match = search_apply(found, filters.q)
    ranked = match is not None and match.mode != "none"
    if filters.role:
        found = role_first(found, filters.role, ranked=ranked)
    elif ranked:
        found = found.order_by("-search_rank", "order", "slug")
    return found.distinct(), match


def role_first(
    questions: QuerySet[Question], role: str, ranked: bool = False
) -> QuerySet[Question]:
    """A role's questions, those written for it first (its own pack file,
    `content/questions/<role>.yaml`), then those it shares with other roles, fewest roles first
    (or best search match first, when `ranked`). Each question carries `own` (written for the
    role) for the page to group by."""
    roles_of = Question.objects.filter(pk=OuterRef("pk")).annotate(n=Count("roles")).values("n")
    own_file = Q(source_file=f"{role}.yaml") | Q(source_file__endswith=f"/{role}.yaml")
    order = ("-own", "-search_rank", "order") if ranked else ("-own", "role_count", "order")
    return questions.annotate(
        own=Case(
            When(own_file, then=Value(True)), default=Value(False), output_field=BooleanField()
        ),
        role_count=Subquery(roles_of, output_field=IntegerField()),
    ).order_by(*order, "slug")


def competencies_for(role: str = "", viewer: Any = None) -> QuerySet[Competency]:
    """The competencies a role's questions assess (every one with a question, without a role):
    what a competency filter should offer, so that no choice is sure to match nothing. Only the
    questions `viewer` may see count, so another organisation's own ones name nothing here."""
    questions = visible(viewer)
    if role:
        questions = questions.filter(roles__slug=role)
    found = Competency.objects.filter(questions__in=questions.values("pk"))
    return found.distinct().order_by("name")


def jurisdictions_for(chosen: str) -> list[str]:
    """Every jurisdiction whose guidance a candidate who chose `chosen` sees."""
    return [code for code in JURISDICTIONS if applies(code, chosen)]


def question_detail(slug: str, viewer: Any = None) -> QuerySet[Question]:
    return (
        visible(viewer)
        .filter(slug=slug)
        .select_related("competency")
        .prefetch_related("roles", "levels", "example_answers")
    )
