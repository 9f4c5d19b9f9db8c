"""Writes on interview kits: build from the bank or the organisation's own questions, check
every written question with the lawful-question guard, publish, and version."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from questionbank.models import Competency, Level, Question, Role

from .guard import check
from .models import (
    MAX_COMPETENCIES,
    MAX_QUESTIONS,
    MIN_COMPETENCIES,
    InterviewKit,
    KitCompetency,
    KitQuestion,
    KitStatus,
)

# The bank's levels, read as the recruiter seed's junior / mid / senior.
LEVEL_INDICATORS = {"entry": "junior", "experienced": "mid", "lead": "senior"}
INDICATOR_LEVELS = ("junior", "mid", "senior")


def guard_verdict(kit: InterviewKit, text: str) -> dict[str, Any]:
    """The guard's verdict on a question of this kit: the organisation's law, the kit's role."""
    verdict = check(text, jurisdiction=kit.organisation.jurisdiction, role=kit.role.slug)
    return verdict.as_dict()


def kit_create(
    *, organisation: Any, role: Role, level: Level, title: str, by: User | None
) -> InterviewKit:
    kit = InterviewKit(
        organisation=organisation, role=role, level=level, title=title, created_by=by
    )
    kit.full_clean()
    kit.save()
    return kit


def kit_competency_add(
    *,
    kit: InterviewKit,
    competency: Competency,
    weight: Decimal | None = None,
    weight_rationale: str = "",
) -> KitCompetency:
    """Add a competency with the bank's anchored 1/3/5 scale, copied so the kit keeps it."""
    if kit.competencies.count() >= MAX_COMPETENCIES:
        raise ValidationError(f"A kit has at most {MAX_COMPETENCIES} competencies.")
    if kit.competencies.filter(competency=competency).exists():
        raise ValidationError(f"{competency.name} is already in this kit.")
    item = KitCompetency(
        kit=kit,
        competency=competency,
        order=kit.competencies.count(),
        weight=weight,
        weight_rationale=weight_rationale.strip(),
        anchor_1=competency.anchor_1,
        anchor_3=competency.anchor_3,
        anchor_5=competency.anchor_5,
    )
    item.full_clean()
    item.save()
    return item


def kit_competency_weigh(
    *, item: KitCompetency, weight: Decimal | None, weight_rationale: str
) -> KitCompetency:
    item.weight, item.weight_rationale = weight, weight_rationale.strip()
    item.full_clean()
    item.save()
    return item


def _texts(items: Iterable[Any]) -> list[str]:
    """Bank lists hold plain text or {text, jurisdiction, ...}; a kit keeps the text."""
    return [item["text"] if isinstance(item, dict) else str(item) for item in items]


def bank_question_fields(question: Question) -> dict[str, Any]:
    """What a kit question takes from a bank question."""
    guidance = question.level_guidance or {}
    return {
        "text": question.text,
        "follow_ups": _texts(question.follow_ups),
        "listen_for": _texts(question.listen_for),
        "red_flags": _texts(question.red_flags),
        "level_indicators": {
            LEVEL_INDICATORS[level]: text
            for level, text in guidance.items()
            if level in LEVEL_INDICATORS
        },
    }


def _lines(value: Iterable[str] | None) -> list[str]:
    return [line.strip() for line in value or [] if line and line.strip()]


def kit_question_add(
    *,
    item: KitCompetency,
    text: str = "",
    bank_question: Question | None = None,
    follow_ups: Iterable[str] | None = None,
    listen_for: Iterable[str] | None = None,
    level_indicators: dict[str, str] | None = None,
    red_flags: Iterable[str] | None = None,
) -> KitQuestion:
    """Add a question from the bank (its probes, listen-fors and level guidance come along) or
    the organisation's own text. Either way the guard's verdict is stored with it."""
    if item.questions.count() >= MAX_QUESTIONS:
        raise ValidationError(f"A competency has at most {MAX_QUESTIONS} questions.")
    fields: dict[str, Any] = bank_question_fields(bank_question) if bank_question else {}
    if text.strip():
        fields["text"] = text.strip()
    if not fields.get("text"):
        raise ValidationError("Write the question, or choose one from the bank.")
    for name, value in (("follow_ups", follow_ups), ("listen_for", listen_for)):
        if value is not None:
            fields[name] = _lines(value)
    if red_flags is not None:
        fields["red_flags"] = _lines(red_flags)
    if level_indicators is not None:
        fields["level_indicators"] = _indicators(level_indicators)
    question = KitQuestion(
        kit_competency=item, bank_question=bank_question, order=item.questions.count(), **fields
    )
    question.guard = guard_verdict(item.kit, question.text)
    question.save()
    return question


def _indicators(value: dict[str, str]) -> dict[str, str]:
    return {
        level: value[level].strip() for level in INDICATOR_LEVELS if value.get(level, "").strip()
    }


def kit_question_edit(*, question: KitQuestion, **changes: Any) -> KitQuestion:
    """Change a question's text or notes; an edited text is checked by the guard again."""
    for name in ("follow_ups", "listen_for", "red_flags"):
        if name in changes:
            setattr(question, name, _lines(changes.pop(name)))
    if "level_indicators" in changes:
        question.level_indicators = _indicators(changes.pop("level_indicators"))
    if "text" in changes:
        text = changes.pop("text").strip()
        if not text:
            raise ValidationError("A question needs its text.")
        question.text = text
    if changes:
        raise TypeError(f"unknown fields: {', '.join(changes)}")
    question.guard = guard_verdict(question.kit_competency.kit, question.text)
    question.save()
    return question


def kit_problems(kit: InterviewKit) -> list[str]:
    """What stops the kit being published, in words a hiring manager can act on."""
    items = list(kit.competencies.select_related("competency").prefetch_related("questions"))
    problems = []
    if not MIN_COMPETENCIES <= len(items) <= MAX_COMPETENCIES:
        problems.append(
            f"A kit needs {MIN_COMPETENCIES} to {MAX_COMPETENCIES} competencies; "
            f"this one has {len(items)}."
        )
    for item in items:
        name = item.competency.name
        count = len(item.questions.all())
        if not 1 <= count <= MAX_QUESTIONS:
            problems.append(f"{name} needs one or two questions; it has {count}.")
        if item.weight is not None and not item.weight_rationale.strip():
            problems.append(f"{name} has a weight without a written rationale.")
        for question in item.questions.all():
            if not question.lawful:
                topics = ", ".join(t["name"] for t in question.guard.get("topics", []))
                problems.append(f'"{question.text}" asks about a protected topic ({topics}).')
    return problems


def kit_publish(*, kit: InterviewKit) -> InterviewKit:
    problems = kit_problems(kit)
    if problems:
        raise ValidationError(problems)
    kit.status, kit.published_at = KitStatus.PUBLISHED, timezone.now()
    kit.save()
    return kit


def lineage_root(kit: InterviewKit) -> InterviewKit:
    while kit.parent is not None:
        kit = kit.parent
    return kit


def kit_versions(kit: InterviewKit) -> list[InterviewKit]:
    """Every version descended from the same first kit, oldest first."""
    found, frontier = [], [lineage_root(kit)]
    while frontier:
        current = frontier.pop()
        found.append(current)
        frontier += list(current.children.all())
    return sorted(found, key=lambda k: k.version)


@transaction.atomic
def kit_new_version(*, kit: InterviewKit, by: User | None) -> InterviewKit:
    """A draft copy of `kit` (its competencies, scales and questions) numbered after the latest
    version; `kit` and the interviews scheduled with it stay as they are."""
    versions = kit_versions(kit)
    latest = max(v.version for v in versions)
    copy = InterviewKit.objects.create(
        organisation=kit.organisation,
        role=kit.role,
        level=kit.level,
        title=kit.title,
        version=latest + 1,
        parent=kit,
        created_by=by,
    )
    for item in kit.competencies.prefetch_related("questions"):
        questions = list(item.questions.all())
        item.pk, item.kit = None, copy
        item._state.adding = True
        item.save()
        for question in questions:
            question.pk, question.kit_competency = None, item
            question._state.adding = True
            question.save()
    return copy
