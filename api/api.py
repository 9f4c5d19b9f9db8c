"""JSON API, version 1. OpenAPI document at /api/v1/openapi.json, docs at /api/v1/docs."""

from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import field_validator

from questionbank.bank import question_data
from questionbank.models import Competency, Question
from questionbank.selectors import (
    QuestionFilter,
    question_detail,
    question_list,
    roles_with_counts,
)

from . import data_rights
from .errors import CareprepAPI
from .hiring import router as hiring_router
from .mentoring import router as mentoring_router
from .practice import router as practice_router
from .programmes import router as programmes_router
from .schemas import CompetencyOut, ErrorOut, QuestionOut, QuestionSummaryOut, RoleOut

api = CareprepAPI(
    title="CarePrep API",
    version="1",
    description="Question bank and answer coach for patient-engagement interviews. Practice "
    "endpoints need a session (with its CSRF token) or `Authorization: Bearer TOKEN` (create "
    "tokens on your profile page).",
    urls_namespace="api-v1",
)
api.add_router("/", practice_router)  # with data_rights' deletes of attempts and interviews
api.add_router("/", data_rights.router)
api.add_router("/", programmes_router)
api.add_router("/mentoring", mentoring_router)
api.add_router("/hiring", hiring_router)


class QuestionQuery(Schema):
    role: str = ""
    type: Literal["", "situational", "behavioural", "technical", "motivation"] = ""
    competency: str = ""
    level: Literal["", "entry", "experienced", "lead"] = ""
    q: str = ""

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        # PostgreSQL refuses NUL in text, so a filter holding one would be a 500 (schemathesis).
        return value.replace("\x00", "") if isinstance(value, str) else value


def _summary(question: Question) -> dict:
    return {
        "id": question.slug,
        "text": question.text,
        "type": question.type,
        "competency": question.competency.slug,
        "roles": [r.slug for r in question.roles.all()],
        "levels": [lv.slug for lv in question.levels.all()],
        "url": question.get_absolute_url(),
    }


@api.get("/roles", response=list[RoleOut], tags=["bank"])
def roles(request: HttpRequest) -> list[dict]:
    """Every role with what it looks like at each level."""
    return [
        {
            "slug": r.slug,
            "name": r.name,
            "summary": r.summary,
            "levels": r.level_notes,
            "question_count": r.question_count,
        }
        for r in roles_with_counts(request.user).order_by("order", "name")
    ]


@api.get("/competencies", response=list[CompetencyOut], tags=["bank"])
def competencies(request: HttpRequest) -> list[dict]:
    """Every competency with its definition and rating anchors 1, 3 and 5."""
    return [
        {
            "slug": c.slug,
            "name": c.name,
            "definition": c.definition,
            "anchors": {"1": c.anchor_1, "3": c.anchor_3, "5": c.anchor_5},
        }
        for c in Competency.objects.all()
    ]


@api.get("/questions", response=list[QuestionSummaryOut], tags=["bank"])
@paginate(LimitOffsetPagination)
def questions(request: HttpRequest, filters: Query[QuestionQuery]) -> list[dict]:
    """Questions matching every filter given; `q` searches the text and talking points."""
    found = question_list(QuestionFilter(**filters.dict()), viewer=request.user)
    return [_summary(q) for q in found]


@api.get("/questions/{question_id}", response={200: QuestionOut, 404: ErrorOut}, tags=["bank"])
def question(request: HttpRequest, question_id: str) -> dict:
    """One question with all its guidance and example answers."""
    found = get_object_or_404(question_detail(question_id, viewer=request.user))
    # The export's shape, plus the page's address and level guidance even when it is empty.
    return {
        **question_data(found),
        "url": found.get_absolute_url(),
        "level_guidance": found.level_guidance,
    }
