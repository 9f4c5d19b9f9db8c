"""`careprep guard "QUESTION"`: the lawful-question guard on the command line (no database)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from .check import Verdict, check


class Jurisdiction(StrEnum):
    any = "any"
    us = "us"
    uk = "uk"
    ca = "ca"


def render(verdict: Verdict) -> str:
    """The verdict as a person reads it: topic, rule and why, then what to ask instead."""
    head = "LAWFUL" if verdict.lawful else "UNLAWFUL"
    lines = [f"{head} ({verdict.jurisdiction}): {verdict.question}"]
    for hit in verdict.topics:
        lines += [
            f"  - {hit.name}: {hit.rule}",
            f"    why: {hit.why}",
            f'    matched: "{hit.matched}"',
        ]
    if verdict.alternative:
        lines.append(f"  ask instead: {verdict.alternative}")
    lines += [f"  note: {note}" for note in verdict.notes]
    return "\n".join(lines)


def guard(
    question: Annotated[str, typer.Argument(help='The question, or "-" to read one a line.')],
    jurisdiction: Annotated[
        Jurisdiction, typer.Option(help="Whose law to apply (any: all three).")
    ] = Jurisdiction.any,
    role: Annotated[
        str | None,
        typer.Option(help="Role slug; patient-partner and peer-supporter accept lived experience."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per question.")] = False,
) -> None:
    """Check interview questions for protected topics (US, UK, Canada); exit 1 if any is unlawful.

    Not legal advice: a screening aid that names the topic and rule and suggests a lawful,
    job-related alternative.
    """
    if question == "-":
        questions = [line.strip() for line in sys.stdin if line.strip()]
    else:
        questions = [question]
    unlawful = 0
    for text in questions:
        verdict = check(text, jurisdiction=jurisdiction.value, role=role)
        unlawful += not verdict.lawful
        if as_json:
            typer.echo(json.dumps(verdict.as_dict(), ensure_ascii=False))
        else:
            typer.echo(render(verdict))
    if unlawful:
        raise typer.Exit(1)
