"""The schema of content packs (see content/SCHEMA.md), as pydantic models."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
LevelSlug = Literal["entry", "experienced", "lead"]
QuestionTypeName = Literal["situational", "behavioural", "technical", "motivation"]

LEVELS: dict[str, str] = {"entry": "Entry", "experienced": "Experienced", "lead": "Lead"}
ROLE_ORDER = [
    "patient-partner",
    "patient-liaison",
    "patient-portal-specialist",
    "patient-advocate",
    "healthcare-general",
]


def role_sort_key(slug: str) -> tuple[int, str]:
    return (ROLE_ORDER.index(slug) if slug in ROLE_ORDER else len(ROLE_ORDER), slug)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LevelText(Strict):
    entry: Text | None = None
    experienced: Text | None = None
    lead: Text | None = None


class RoleSpec(Strict):
    slug: Slug
    name: Text
    summary: Text
    levels: LevelText = LevelText()


class Anchors(Strict):
    one: Text = Field(alias="1")
    three: Text = Field(alias="3")
    five: Text = Field(alias="5")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class CompetencySpec(Strict):
    slug: Slug
    name: Text
    definition: Text
    anchors: Anchors


class ExampleAnswerSpec(Strict):
    quality: Literal["strong", "adequate", "weak"]
    text: Text
    why: Text


class QuestionSpec(Strict):
    id: Slug
    text: Text
    roles: list[Slug] = Field(min_length=1)
    levels: list[LevelSlug] = Field(min_length=1)
    type: QuestionTypeName
    competency: Slug
    why_asked: str = ""
    skills_tested: list[Text] = []
    key_points: list[Text] = Field(min_length=4)
    example_answers: list[ExampleAnswerSpec] = Field(min_length=2)
    what_not_to_say: list[Text] = Field(min_length=1)
    listen_for: list[Text] = Field(min_length=1)
    red_flags: list[Text] = []
    follow_ups: list[Text] = Field(min_length=1)
    level_guidance: LevelText = LevelText()

    # Roles and levels are sets: keep them in one canonical order so a round trip is exact.
    @field_validator("roles")
    @classmethod
    def _order_roles(cls, roles: list[str]) -> list[str]:
        return sorted(set(roles), key=role_sort_key)

    @field_validator("levels")
    @classmethod
    def _order_levels(cls, levels: list[str]) -> list[str]:
        return sorted(set(levels), key=list(LEVELS).index)


class RolesFile(Strict):
    roles: list[RoleSpec]


class CompetenciesFile(Strict):
    competencies: list[CompetencySpec]


class QuestionsFile(Strict):
    questions: list[QuestionSpec]
