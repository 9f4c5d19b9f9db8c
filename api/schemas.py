"""Output schemas of the JSON API (inputs are query parameters or separate *In schemas)."""

from ninja import Schema


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


class ErrorOut(Schema):
    detail: str
