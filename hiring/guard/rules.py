"""The guard's rules, read once from `rules.yaml` beside this module (data, not code)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

JURISDICTIONS = ("us", "uk", "ca")
RULES_FILE = Path(__file__).with_name("rules.yaml")


@dataclass(frozen=True)
class Allowance:
    """A job-related form of a question that passes, with a note on how to ask it well."""

    pattern: re.Pattern[str]
    note: str


@dataclass(frozen=True)
class Mode:
    """How a topic is treated for one role (today only patient partners have a mode)."""

    allow: tuple[Allowance, ...]
    alternative: str


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    why: str
    rules: dict[str, str]
    patterns: tuple[re.Pattern[str], ...]
    allow: tuple[Allowance, ...]
    alternative: str
    patient_partner: Mode | None = None


@dataclass(frozen=True)
class RuleBook:
    topics: tuple[Topic, ...]
    cautions: tuple[Allowance, ...]


def _allowances(items: list[dict[str, str]] | None) -> tuple[Allowance, ...]:
    return tuple(Allowance(re.compile(item["pattern"]), item["note"]) for item in items or [])


def _topic(slug: str, data: dict[str, Any]) -> Topic:
    missing = {"name", "why", "rules", "patterns", "alternative"} - set(data)
    if missing:
        raise ValueError(f"{RULES_FILE.name}: topic {slug!r} lacks {', '.join(sorted(missing))}")
    if set(data["rules"]) != set(JURISDICTIONS):
        raise ValueError(f"{RULES_FILE.name}: topic {slug!r} needs a rule for each of us, uk, ca")
    mode = data.get("patient_partner")
    return Topic(
        slug=slug,
        name=data["name"],
        why=" ".join(data["why"].split()),
        rules=dict(data["rules"]),
        patterns=tuple(re.compile(p) for p in data["patterns"]),
        allow=_allowances(data.get("allow")),
        alternative=data["alternative"],
        patient_partner=Mode(_allowances(mode.get("allow")), mode["alternative"]) if mode else None,
    )


@cache
def rule_book(path: Path = RULES_FILE) -> RuleBook:
    """Parse and compile the rules; a malformed file fails loudly, naming the topic."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    topics = tuple(_topic(slug, body) for slug, body in data["topics"].items())
    return RuleBook(topics=topics, cautions=_allowances(data.get("cautions")))
