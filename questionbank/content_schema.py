"""The schema of content packs (see content/SCHEMA.md), as pydantic models."""

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from .jurisdictions import GENERAL, JURISDICTIONS, applies

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
    "peer-supporter",
    "healthcare-general",
]


def role_sort_key(slug: str) -> tuple[int, str]:
    return (ROLE_ORDER.index(slug) if slug in ROLE_ORDER else len(ROLE_ORDER), slug)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _known_jurisdiction(code: str) -> str:
    if code not in JURISDICTIONS:
        known = ", ".join(JURISDICTIONS)
        raise ValueError(f"unknown jurisdiction {code!r} (one of: {known})")
    return code


Jurisdiction = Annotated[str, BeforeValidator(_known_jurisdiction)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Source(Strict):
    """Where a legal or regulatory claim comes from, and when someone last checked it."""

    title: Text
    section: Text
    url: Url | None = None
    checked: date


class Scoped(Strict):
    """Fields shared by everything that can be specific to a jurisdiction or make a legal claim.

    `legal: true` marks a legal or regulatory claim (what a statute, regulation or official
    guidance requires or allows); such a claim must name at least one source.
    """

    jurisdiction: Jurisdiction = GENERAL
    legal: bool = False
    sources: list[Source] = []

    @model_validator(mode="after")
    def _legal_claims_have_sources(self) -> "Scoped":
        if self.legal and not self.sources:
            raise ValueError("a legal claim (legal: true) needs at least one entry in `sources`")
        return self


class Point(Scoped):
    """A talking point or a red flag: plain text in YAML, or a mapping when it is scoped."""

    text: Text

    def __str__(self) -> str:  # what the answer coach reads
        return self.text

    @property
    def plain(self) -> bool:
        return self.jurisdiction == GENERAL and not self.legal and not self.sources


def _point(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


PointItem = Annotated[Point, BeforeValidator(_point)]


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


class ExampleAnswerSpec(Scoped):
    quality: Literal["strong", "adequate", "weak"]
    text: Text
    why: Text


class QuestionSpec(Scoped):
    """A question. Its own `jurisdiction` says where the whole question applies; its `sources`
    back legal claims in its unscoped text (why_asked, listen_for, what_not_to_say, follow_ups,
    level_guidance)."""

    id: Slug
    text: Text
    roles: list[Slug] = Field(min_length=1)
    levels: list[LevelSlug] = Field(min_length=1)
    type: QuestionTypeName
    competency: Slug
    why_asked: str = ""
    skills_tested: list[Text] = []
    key_points: list[PointItem] = Field(min_length=4)
    example_answers: list[ExampleAnswerSpec] = Field(min_length=2)
    what_not_to_say: list[Text] = Field(min_length=1)
    listen_for: list[Text] = Field(min_length=1)
    red_flags: list[PointItem] = []
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

    @model_validator(mode="after")
    def _items_fit_the_question(self) -> "QuestionSpec":
        """A question for one country holds no guidance for another."""
        if self.jurisdiction == GENERAL:
            return self
        for item in self.scoped_items():
            if item.jurisdiction != GENERAL and not applies(item.jurisdiction, self.jurisdiction):
                raise ValueError(
                    f"an item for {item.jurisdiction!r} in a question for {self.jurisdiction!r}"
                )
        return self

    @field_validator("key_points", "red_flags")
    @classmethod
    def _distinct_texts(cls, points: list[Point]) -> list[Point]:
        # The database keeps an item's jurisdiction and sources by its text.
        texts = [p.text for p in points]
        repeated = sorted({t for t in texts if texts.count(t) > 1})
        if repeated:
            raise ValueError(f"the same item appears twice: {repeated[0]!r}")
        return points

    def scoped_items(self) -> list[Scoped]:
        """Everything in the question that has its own jurisdiction and sources."""
        return [*self.key_points, *self.red_flags, *self.example_answers]


class RolesFile(Strict):
    roles: list[RoleSpec]


class CompetenciesFile(Strict):
    competencies: list[CompetencySpec]


class QuestionsFile(Strict):
    questions: list[QuestionSpec]
