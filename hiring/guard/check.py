"""The guard's verdict on one interview question: deterministic, offline and explained."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .normalise import normalise
from .rules import JURISDICTIONS, RuleBook, Topic, rule_book

# Roles for which lived experience of care is the qualification (the patient partner's and the
# peer supporter's): an open invitation to share it passes, a demand for a diagnosis does not.
LIVED_EXPERIENCE_ROLES = frozenset({"patient-partner", "peer-supporter"})


@dataclass(frozen=True)
class TopicHit:
    """One protected topic the question asks about, and why that is not allowed."""

    topic: str
    name: str
    rule: str  # the law for the jurisdiction asked about, or each jurisdiction's on one line
    rules: dict[str, str]
    why: str
    matched: str  # the words of the question that triggered it


@dataclass(frozen=True)
class Verdict:
    question: str
    jurisdiction: str
    role: str | None
    lawful: bool
    topics: list[TopicHit] = field(default_factory=list)
    alternative: str | None = None
    notes: list[str] = field(default_factory=list)
    mode: str = "general"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def jurisdiction_code(value: str | None) -> str:
    """`us`, `uk`, `ca`, a nation or province (`uk-eng`, `ca-on`: their country's law), or `any`
    (no jurisdiction given: every country's rules apply)."""
    if not value or value in ("any", "all", "general"):
        return "any"
    country = value.lower().split("-", 1)[0]
    if country not in JURISDICTIONS:
        raise ValueError(f"unknown jurisdiction {value!r} (use us, uk, ca or any)")
    return country


def _rule_text(topic: Topic, jurisdiction: str) -> tuple[str, dict[str, str]]:
    if jurisdiction == "any":
        rules = dict(topic.rules)
        return " | ".join(f"{code.upper()}: {text}" for code, text in rules.items()), rules
    return topic.rules[jurisdiction], {jurisdiction: topic.rules[jurisdiction]}


def _topic_hit(
    topic: Topic, text: str, jurisdiction: str, patient_partner: bool, notes: list[str]
) -> TopicHit | None:
    allow = topic.allow
    if patient_partner and topic.patient_partner is not None:
        allow = allow + topic.patient_partner.allow
    # A lawful form earns its note (how to ask it well) even when nothing protected is named.
    passed = next((a for a in allow if a.pattern.search(text)), None)
    if passed is not None:
        notes.append(passed.note)
    found = next((m for p in topic.patterns if (m := p.search(text))), None)
    if found is None or passed is not None:
        return None
    rule, rules = _rule_text(topic, jurisdiction)
    return TopicHit(topic.slug, topic.name, rule, rules, topic.why, found.group(0))


def _alternative(hits: list[TopicHit], book: RuleBook, patient_partner: bool) -> str | None:
    if not hits:
        return None
    topic = next(t for t in book.topics if t.slug == hits[0].topic)
    if patient_partner and topic.patient_partner is not None:
        return topic.patient_partner.alternative
    return topic.alternative


def check(question: str, *, jurisdiction: str | None = None, role: str | None = None) -> Verdict:
    """Which protected topics `question` asks a candidate about, under which rule, and what to
    ask instead. A question about patients (a patient's faith, a patient's disability) is
    job-related and passes; so do the lawful forms each topic lists (right to work, legal minimum
    age, tasks the job involves). For the patient-partner and peer-supporter roles lived
    experience is the qualification: an open invitation to share it passes, a demand for a
    diagnosis does not."""
    code = jurisdiction_code(jurisdiction)
    book = rule_book()
    text = normalise(question)
    patient_partner = role in LIVED_EXPERIENCE_ROLES
    notes: list[str] = []
    hits = [
        hit
        for topic in book.topics
        if (hit := _topic_hit(topic, text, code, patient_partner, notes)) is not None
    ]
    if not hits:
        notes += [c.note for c in book.cautions if c.pattern.search(text)]
    return Verdict(
        question=question,
        jurisdiction=code,
        role=role,
        lawful=not hits,
        topics=hits,
        alternative=_alternative(hits, book, patient_partner),
        notes=list(dict.fromkeys(notes)),
        mode="patient_partner" if patient_partner else "general",
    )
