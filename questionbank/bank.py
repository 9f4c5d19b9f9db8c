"""Writing content into the database and reading it back out as content-pack data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.db.models import QuerySet

from .content import Pack, read_pack
from .content_schema import LEVELS, Point, QuestionSpec, Scoped, Source, role_sort_key
from .jurisdictions import GENERAL
from .models import SCOPED_FIELDS, Competency, ExampleAnswer, Level, Question, Role
from .search import search_index_update


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def known_slugs() -> tuple[set[str], set[str]]:
    return (
        set(Role.objects.values_list("slug", flat=True)),
        set(Competency.objects.values_list("slug", flat=True)),
    )


def pack_read(path: Path) -> Pack:
    """Read a pack, resolving role and competency slugs against the database too."""
    roles, competencies = known_slugs()
    return read_pack(path, roles, competencies)


def levels_ensure() -> dict[str, Level]:
    levels = {}
    for order, (slug, name) in enumerate(LEVELS.items()):
        levels[slug], _ = Level.objects.update_or_create(
            slug=slug, defaults={"name": name, "order": order}
        )
    return levels


@transaction.atomic
def bank_load(*, pack: Pack) -> LoadReport:
    """Create or update everything in `pack`. Idempotent; all or nothing."""
    levels = levels_ensure()
    for role in pack.roles:
        order = role_sort_key(role.slug)[0]
        Role.objects.update_or_create(
            slug=role.slug,
            defaults={
                "name": role.name,
                "summary": role.summary,
                "level_notes": role.levels.model_dump(exclude_none=True),
                "order": order,
            },
        )
    for comp in pack.competencies:
        Competency.objects.update_or_create(
            slug=comp.slug,
            defaults={
                "name": comp.name,
                "definition": comp.definition,
                "anchor_1": comp.anchors.one,
                "anchor_3": comp.anchors.three,
                "anchor_5": comp.anchors.five,
            },
        )
    roles = {r.slug: r for r in Role.objects.all()}
    competencies = {c.slug: c for c in Competency.objects.all()}
    report = LoadReport()
    for order, (spec, origin) in enumerate(pack.questions):
        source = Path(origin.rpartition(":")[0]).name
        outcome = _question_upsert(spec, source, order, roles, competencies, levels)
        setattr(report, outcome, getattr(report, outcome) + 1)
    return report


def _question_upsert(
    spec: QuestionSpec,
    source: str,
    order: int,
    roles: dict[str, Role],
    competencies: dict[str, Competency],
    levels: dict[str, Level],
) -> str:
    existing = Question.objects.filter(slug=spec.id).first()
    if existing is not None and question_spec(existing) == spec:
        return "unchanged"
    question = existing or Question(slug=spec.id)
    question.text = spec.text
    question.type = spec.type
    question.competency = competencies[spec.competency]
    question.why_asked = spec.why_asked
    question.skills_tested = list(spec.skills_tested)
    question.key_points = [p.text for p in spec.key_points]
    question.what_not_to_say = list(spec.what_not_to_say)
    question.listen_for = list(spec.listen_for)
    question.red_flags = [p.text for p in spec.red_flags]
    question.point_notes = _point_notes(spec)
    question.jurisdiction = spec.jurisdiction
    question.legal = spec.legal
    question.sources = _sources_data(spec.sources)
    question.follow_ups = list(spec.follow_ups)
    question.level_guidance = spec.level_guidance.model_dump(exclude_none=True)
    question.source_file = source
    if existing is None:
        question.order = order
    # Indexed once below, with its example answers, rather than by the save signal as well.
    question.search_index_later = True  # type: ignore[attr-defined]
    question.save()
    question.roles.set([roles[slug] for slug in spec.roles])
    question.levels.set([levels[slug] for slug in spec.levels])
    question.example_answers.all().delete()
    ExampleAnswer.objects.bulk_create(
        ExampleAnswer(
            question=question,
            quality=a.quality,
            text=a.text,
            why=a.why,
            jurisdiction=a.jurisdiction,
            legal=a.legal,
            sources=_sources_data(a.sources),
            order=i,
        )
        for i, a in enumerate(spec.example_answers)
    )
    search_index_update(question)  # bulk_create sends no signal: index the new answers here
    return "updated" if existing else "created"


def _sources_data(sources: list[Source]) -> list[dict[str, Any]]:
    return [source.model_dump(mode="json", exclude_none=True) for source in sources]


def _scope_data(item: Scoped) -> dict[str, Any]:
    """An item's jurisdiction, legal mark and sources, leaving out the defaults."""
    data: dict[str, Any] = {}
    if item.jurisdiction != GENERAL:
        data["jurisdiction"] = item.jurisdiction
    if item.legal:
        data["legal"] = True
    if item.sources:
        data["sources"] = _sources_data(item.sources)
    return data


def _point_notes(spec: QuestionSpec) -> dict[str, dict[str, Any]]:
    notes: dict[str, dict[str, Any]] = {}
    for field in SCOPED_FIELDS:
        points: list[Point] = getattr(spec, field)
        scoped = {p.text: _scope_data(p) for p in points if not p.plain}
        if scoped:
            notes[field] = scoped
    return notes


def _points_data(question: Question, field: str) -> list[Any]:
    """A field's items as a pack writes them: plain text, or a mapping when scoped."""
    notes = (question.point_notes or {}).get(field, {})
    return [
        {"text": text, **notes[text]} if text in notes else text
        for text in getattr(question, field)
    ]


def _scoped_fields(obj: Question | ExampleAnswer) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if obj.jurisdiction != GENERAL:
        data["jurisdiction"] = obj.jurisdiction
    if obj.legal:
        data["legal"] = True
    if obj.sources:
        data["sources"] = obj.sources
    return data


def question_spec(question: Question) -> QuestionSpec:
    """A question from the database as the schema object it would be loaded from."""
    return QuestionSpec.model_validate(question_data(question))


def question_data(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.slug,
        "text": question.text,
        **_scoped_fields(question),
        "roles": [r.slug for r in question.roles.all()],
        "levels": [lv.slug for lv in question.levels.all()],
        "type": question.type,
        "competency": question.competency.slug,
        "why_asked": question.why_asked,
        "skills_tested": question.skills_tested,
        "key_points": _points_data(question, "key_points"),
        "example_answers": [
            {"quality": a.quality, "text": a.text, "why": a.why, **_scoped_fields(a)}
            for a in question.example_answers.all()
        ],
        "what_not_to_say": question.what_not_to_say,
        "listen_for": question.listen_for,
        "red_flags": _points_data(question, "red_flags"),
        "follow_ups": question.follow_ups,
    }
    if question.level_guidance:
        data["level_guidance"] = question.level_guidance
    return data


def with_guidance(questions: QuerySet[Question]) -> QuerySet[Question]:
    """`questions` with what `question_data` reads, fetched in a fixed number of queries."""
    return questions.select_related("competency").prefetch_related(
        "roles", "levels", "example_answers"
    )


def questions_export() -> list[dict[str, Any]]:
    return [question_data(q) for q in with_guidance(Question.objects.all())]


def roles_export() -> list[dict[str, Any]]:
    return [
        {"slug": r.slug, "name": r.name, "summary": r.summary, "levels": r.level_notes}
        for r in Role.objects.all()
    ]


def competencies_export() -> list[dict[str, Any]]:
    return [
        {
            "slug": c.slug,
            "name": c.name,
            "definition": c.definition,
            "anchors": {1: c.anchor_1, 3: c.anchor_3, 5: c.anchor_5},
        }
        for c in Competency.objects.all()
    ]


def yaml_dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def pack_write(folder: Path) -> list[Path]:
    """Write the whole bank as a pack folder, each question back in the file it came from."""
    (folder / "questions").mkdir(parents=True, exist_ok=True)
    written = [folder / "roles.yaml", folder / "competencies.yaml"]
    written[0].write_text(yaml_dump({"roles": roles_export()}), encoding="utf-8")
    written[1].write_text(yaml_dump({"competencies": competencies_export()}), encoding="utf-8")
    by_file: dict[str, list[dict[str, Any]]] = {}
    for question in with_guidance(Question.objects.all()):
        by_file.setdefault(question.source_file or "admin.yaml", []).append(question_data(question))
    for name, items in by_file.items():
        path = folder / "questions" / name
        path.write_text(yaml_dump({"questions": items}), encoding="utf-8")
        written.append(path)
    return written
