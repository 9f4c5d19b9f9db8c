"""The interviewer of a mock interview: a person who would sit on that role's panel
(`personas.yaml`), chosen per interview so that two interviews need not meet the same one."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

PERSONAS_FILE = Path(__file__).with_name("personas.yaml")


@dataclass(frozen=True)
class Persona:
    name: str
    title: str
    ask: tuple[str, ...]  # questions the candidate could ask this interviewer at the end

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


@cache
def _personas() -> dict[str, tuple[Persona, ...]]:
    data = yaml.safe_load(PERSONAS_FILE.read_text(encoding="utf-8"))

    def read(items: list[dict]) -> tuple[Persona, ...]:
        return tuple(Persona(i["name"], i["title"], tuple(i.get("ask", ()))) for i in items)

    found = {slug: read(items) for slug, items in data["roles"].items()}
    found[""] = read(data["default"])
    return found


def persona_for(role_slug: str, interview_id: int) -> Persona:
    """The interviewer for interview `interview_id` of a role: the same on every page of one
    interview, and the next of the role's interviewers for the next interview."""
    choices = _personas().get(role_slug) or _personas()[""]
    return choices[interview_id % len(choices)]
