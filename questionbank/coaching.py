"""The bank's questions as the answer coach reads them (coach.Question), from files or the database.

Framework-free on the file side, so the command line and the benchmarks can hand the coach the
bundled bank without a database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .content import read_pack
from .content_schema import QuestionSpec

# Example answers that show what the question is about (a weak one may be about something else).
ON_TOPIC_QUALITIES = ("strong", "adequate")


def coach_question(
    *,
    id: str,
    text: str,
    type: str,
    competency: str,
    key_points: list[str],
    examples: list[tuple[str, str]],
    what_not_to_say: list[str],
    red_flags: list[str],
) -> dict[str, Any]:
    """`examples` as (quality, text) pairs: the first strong one is the example answer."""
    strong = [t for q, t in examples if q == "strong"]
    others = [t for q, t in examples if q in ON_TOPIC_QUALITIES and t not in strong[:1]]
    return {
        "id": id,
        "text": text,
        "type": type,
        "competency": competency,
        "key_points": list(key_points),
        "example_answer": strong[0] if strong else "",
        "other_examples": others,
        "what_not_to_say": list(what_not_to_say),
        "red_flags": list(red_flags),
    }


def from_spec(spec: QuestionSpec) -> dict[str, Any]:
    return coach_question(
        id=spec.id,
        text=spec.text,
        type=spec.type,
        competency=spec.competency,
        key_points=[str(p) for p in spec.key_points],
        examples=[(a.quality, a.text) for a in spec.example_answers],
        what_not_to_say=list(spec.what_not_to_say),
        red_flags=[str(p) for p in spec.red_flags],
    )


def pack_questions(path: Path) -> list[dict[str, Any]]:
    """Every question of the content pack at `path`, as the coach reads it."""
    return [from_spec(spec) for spec, _ in read_pack(path).questions]
