"""Output schemas of the JSON API (inputs are query parameters or separate *In schemas)."""

from ninja import Schema
from pydantic import Field


class RoleOut(Schema):
    slug: str
    name: str
    summary: str
    levels: dict[str, str]
    question_count: int


class CompetencyOut(Schema):
    slug: str
    name: str
    definition: str
    anchors: dict[str, str]


class QuestionSummaryOut(Schema):
    id: str
    text: str
    type: str
    competency: str
    roles: list[str]
    levels: list[str]
    url: str


class ExampleAnswerOut(Schema):
    quality: str
    text: str
    why: str


class QuestionOut(QuestionSummaryOut):
    why_asked: str
    skills_tested: list[str]
    key_points: list[str]
    example_answers: list[ExampleAnswerOut]
    what_not_to_say: list[str]
    listen_for: list[str]
    red_flags: list[str]
    follow_ups: list[str]
    level_guidance: dict[str, str]


class FieldErrorOut(Schema):
    location: str = Field(description="body, query or path")
    field: str = Field(description="The field, dotted for nested ones (key_points.0).")
    message: str


class ErrorOut(Schema):
    """Every error the API answers: what went wrong, and for a 422 each field's problem."""

    detail: str
    errors: list[FieldErrorOut] = Field(default_factory=list)
