"""The pathway a partner follows: the bundled content plus their organisation's own steps and
resources, and their progress through it. Reads only; writes are in `services.py`."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import User

from programmes.models import MemberRole, Organisation
from programmes.roles import organisations_of

from .models import Goal, LocalResource, LocalStep, Pairing, StageAssessment, StepProgress
from .pathway_content import bundled_pathway
from .pathway_schema import STEP_KINDS, FrameworkSpec, PathwayFile, StepSpec


@dataclass(frozen=True)
class Resource:
    title: str
    kind: str
    url: str = ""
    by: str = ""
    local: bool = False  # added by the organisation


@dataclass(frozen=True)
class Step:
    key: str
    kind: str
    text: str
    prompt: str
    resources: tuple[Resource, ...]
    framework: str = ""
    local: bool = False

    @property
    def kind_label(self) -> str:
        return STEP_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Stage:
    slug: str
    name: str
    summary: str
    steps: tuple[Step, ...]


def content() -> PathwayFile:
    return bundled_pathway(settings.CONTENT_DIR)


def frameworks() -> list[FrameworkSpec]:
    return list(content().frameworks)


def framework(slug: str) -> FrameworkSpec | None:
    return content().framework(slug)


def home_organisation(user: User) -> Organisation | None:
    """The organisation whose pathway a partner follows: where they are a candidate."""
    return organisations_of(user, MemberRole.CANDIDATE).order_by("pk").first()


def _bundled_step(pathway: PathwayFile, spec: StepSpec, extra: list[Resource]) -> Step:
    resources = [pathway.resource(slug) for slug in spec.resources]
    return Step(
        key=spec.slug,
        kind=spec.kind,
        text=spec.text,
        prompt=spec.prompt,
        resources=tuple(
            [Resource(r.title, r.kind, r.url or "", r.by or "") for r in resources if r] + extra
        ),
        framework=spec.framework or "",
    )


def pathway_for(organisation: Organisation | None) -> list[Stage]:
    """The stages and steps as `organisation`'s members see them (the bundled ones alone when
    there is none). Local steps come after the bundled ones of their stage."""
    pathway = content()
    local_steps = list(LocalStep.objects.filter(organisation=organisation)) if organisation else []
    extras: dict[str, list[Resource]] = {}
    if organisation is not None:
        for row in LocalResource.objects.filter(organisation=organisation):
            extras.setdefault(row.step, []).append(
                Resource(row.title, "local", row.url, row.note, local=True)
            )
    stages = []
    for stage in pathway.stages:
        steps = [_bundled_step(pathway, s, extras.get(s.slug, [])) for s in stage.steps]
        steps += [
            Step(
                row.key, row.kind, row.text, row.prompt, tuple(extras.get(row.key, [])), local=True
            )
            for row in local_steps
            if row.stage == stage.slug
        ]
        stages.append(Stage(stage.slug, stage.name, stage.summary, tuple(steps)))
    return stages


def step_keys(stages: list[Stage]) -> set[str]:
    return {step.key for stage in stages for step in stage.steps}


def stage_of(stages: list[Stage], key: str) -> Stage | None:
    return next((s for s in stages if any(step.key == key for step in s.steps)), None)


@dataclass
class StageProgress:
    stage: Stage
    done: dict[str, StepProgress] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    assessment: StageAssessment | None = None
    goals: list[Goal] = field(default_factory=list)

    @property
    def done_count(self) -> int:
        return sum(1 for step in self.stage.steps if step.key in self.done)

    @property
    def percent_done(self) -> int:
        return round(100 * self.done_count / max(1, len(self.stage.steps)))


def progress_of(partner: User, pairing: Pairing | None = None) -> list[StageProgress]:
    """The partner's progress per stage, with the assessment of `pairing`'s mentor (or of their
    latest active pairing when none is given). The caller has checked that it may be read."""
    stages = pathway_for(home_organisation(partner))
    rows = {row.step: row for row in StepProgress.objects.filter(user=partner)}
    if pairing is None:
        pairing = Pairing.objects.filter(partner=partner, status=Pairing.Status.ACTIVE).first()
    assessments = (
        {a.stage: a for a in StageAssessment.objects.filter(pairing=pairing)} if pairing else {}
    )
    goals = list(Goal.objects.filter(user=partner))
    out = []
    for stage in stages:
        item = StageProgress(stage, assessment=assessments.get(stage.slug))
        for step in stage.steps:
            row = rows.get(step.key)
            if row is not None and row.done_at:
                item.done[step.key] = row
            if row is not None and row.note:
                item.notes[step.key] = row.note
        item.goals = [g for g in goals if g.stage == stage.slug]
        out.append(item)
    return out
