"""The schema of content/pathway.yaml (the patient partner's development pathway), as pydantic
models. Pure data: no Django, so the validator and its tests need no database."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from questionbank.content_schema import Slug, Strict, Text, Url

StepKind = Literal["identify", "recognise", "reflect", "take_time", "act", "evaluate"]
ResourceKind = Literal["reading", "talk", "podcast", "book", "community", "programme"]

STEP_KINDS: dict[str, str] = {
    "identify": "Identify",
    "recognise": "Recognise",
    "reflect": "Reflect",
    "take_time": "Take time",
    "act": "Act",
    "evaluate": "Evaluate",
}


class SourceSpec(Strict):
    title: Text
    by: Text
    url: Url | None = None


class ResourceSpec(Strict):
    """A reading, talk or community a step points to. `url` is left out when none is public."""

    slug: Slug
    title: Text
    kind: ResourceKind
    by: Text | None = None
    url: Url | None = None


class StepSpec(Strict):
    slug: Slug
    kind: StepKind
    text: Text
    prompt: Text  # the reflection question a journal entry on this step starts from
    resources: list[Slug] = Field(min_length=1)
    framework: Slug | None = None  # a framework suggested for reflecting on this step


class StageSpec(Strict):
    slug: Slug
    name: Text
    summary: Text
    steps: list[StepSpec] = Field(min_length=1)


class PromptSpec(Strict):
    slug: Slug
    label: Text
    question: Text


class FrameworkSpec(Strict):
    slug: Slug
    name: Text
    summary: Text
    prompts: list[PromptSpec] = Field(min_length=1)


class PathwayFile(Strict):
    source: SourceSpec
    stages: list[StageSpec] = Field(min_length=1)
    resources: list[ResourceSpec] = Field(min_length=1)
    frameworks: list[FrameworkSpec] = Field(min_length=1)

    def stage(self, slug: str) -> StageSpec | None:
        return next((s for s in self.stages if s.slug == slug), None)

    def framework(self, slug: str) -> FrameworkSpec | None:
        return next((f for f in self.frameworks if f.slug == slug), None)

    def resource(self, slug: str) -> ResourceSpec | None:
        return next((r for r in self.resources if r.slug == slug), None)

    def step(self, slug: str) -> tuple[StageSpec, StepSpec] | None:
        for stage in self.stages:
            for step in stage.steps:
                if step.slug == slug:
                    return stage, step
        return None
