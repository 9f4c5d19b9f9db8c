"""Legal claims in the bank: which text names a law, and whether its sources are recent enough.

A legal or regulatory claim is marked in the content with `legal: true` and backed by `sources`
(content/SCHEMA.md). Two checks keep that honest, without a database:
- `unmarked_claims`: text that names a statute, a regulation or a rule set (HIPAA, 45 CFR 92.201,
  the Equality Act 2010...) must sit in an item marked legal, or, for the question's own text
  (why_asked, listen_for, what not to say, follow-ups, level guidance), in a question marked legal;
- `stale_sources`: a source last checked longer ago than the review age needs checking again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .content_schema import QuestionSpec, Scoped

# A year's review cycle: laws on records access, accessibility and privacy change most years.
REVIEW_AGE_DAYS = 365

# Names of laws, regulations and official rule sets the bank refers to, and citation forms.
LAW_PATTERNS = [
    r"\bHIPAA\b",
    r"\b\d+\s*CFR\b",
    r"\bC\.?F\.?R\.?\s+(?:Part|§)",
    r"\bU\.?S\.?C\.?\b",
    r"§",
    r"\bSection (?:1557|504|501\(r\))",
    r"\b[A-Z][A-Za-z'’]+(?: [A-Z][A-Za-z'’]+)* Act(?: of)? (?:19|20)\d\d\b",
    r"\bRegulations? (?:19|20)\d\d\b",
    r"\bConditions of Participation\b",
    r"\bNo Surprises Act\b",
    r"\bCures Act\b",
    r"\binformation[- ]blocking (?:rule|law|regulation)s?\b",
    r"\bPart 2\b",
    r"\bAmericans with Disabilities Act\b|\bthe ADA\b",
    r"\bPHIPA\b",
    r"\bPIPEDA\b",
    r"\bHCCA\b|\bHealth Care Consent Act\b",
    r"\bAODA\b",
    r"\b(?:UK )?GDPR\b",
    r"\bData Protection Act\b",
    r"\bEquality Act\b",
    r"\bMental Capacity Act\b",
    r"\bMental Health Act\b",
    r"\bCare Act\b",
    r"\bChildren Act\b",
    r"\bAccessible Information Standard\b",
    r"\bCaldicott\b",
    r"\bGillick\b",
    r"\bMartha['’]s Rule\b",
    r"\b(?:statutory )?duty of candour\b",
    r"\bMontgomery\b",
    r"\bTitle VI\b",
    r"\bFreedom of Information\b",
    r"\bCMS (?:guidance|rules?|regulations?)\b",
    r"\b(?:federal|state|provincial) (?:law|rules?|regulations?)\b",
    r"\bthe law (?:says|requires|allows|lets)\b",
    r"\blegal(?:ly)? (?:right|duty|requirement|required|obligation)\b",
    r"\b(?:complaints|grievance) regulations\b",
]
_LAW = re.compile("|".join(LAW_PATTERNS))


def names_a_law(text: str) -> str:
    """The first law-like reference in `text`, or an empty string."""
    found = _LAW.search(text)
    return found.group(0) if found else ""


@dataclass(frozen=True)
class ClaimProblem:
    question: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.question}: {self.where}: {self.message}"


def _own_text(spec: QuestionSpec) -> list[tuple[str, str]]:
    """The question's text that has no jurisdiction or sources of its own."""
    parts = [("text", spec.text), ("why_asked", spec.why_asked)]
    parts += [(f"skills_tested[{i}]", t) for i, t in enumerate(spec.skills_tested)]
    parts += [(f"what_not_to_say[{i}]", t) for i, t in enumerate(spec.what_not_to_say)]
    parts += [(f"listen_for[{i}]", t) for i, t in enumerate(spec.listen_for)]
    parts += [(f"follow_ups[{i}]", t) for i, t in enumerate(spec.follow_ups)]
    guidance = spec.level_guidance.model_dump(exclude_none=True)
    parts += [(f"level_guidance.{level}", t) for level, t in guidance.items()]
    return parts


def _items(spec: QuestionSpec) -> list[tuple[str, Scoped, str]]:
    items: list[tuple[str, Scoped, str]] = []
    items += [(f"key_points[{i}]", p, p.text) for i, p in enumerate(spec.key_points)]
    items += [(f"red_flags[{i}]", p, p.text) for i, p in enumerate(spec.red_flags)]
    items += [
        (f"example_answers[{i}]", a, f"{a.text}\n{a.why}")
        for i, a in enumerate(spec.example_answers)
    ]
    return items


def unmarked_claims(spec: QuestionSpec) -> list[ClaimProblem]:
    """Text naming a law in an item (or question) not marked `legal: true` with sources."""
    problems = []
    for where, text in _own_text(spec):
        law = names_a_law(text)
        if law and not spec.legal:
            problems.append(ClaimProblem(spec.id, where, f"names {law!r}; mark the question legal"))
    for where, item, text in _items(spec):
        law = names_a_law(text)
        if law and not item.legal:
            problems.append(ClaimProblem(spec.id, where, f"names {law!r} but is not legal: true"))
    return problems


def stale_sources(
    spec: QuestionSpec, today: date, max_age_days: int = REVIEW_AGE_DAYS
) -> list[ClaimProblem]:
    """Sources last checked more than `max_age_days` before `today`."""
    scoped: list[tuple[str, Scoped]] = [("question", spec)]
    scoped += [(where, item) for where, item, _ in _items(spec)]
    problems = []
    for where, item in scoped:
        for source in item.sources:
            age = (today - source.checked).days
            if age > max_age_days:
                problems.append(
                    ClaimProblem(
                        spec.id,
                        where,
                        f"source {source.title!r} ({source.section}) was checked "
                        f"{source.checked.isoformat()}, {age} days ago; check it again",
                    )
                )
    return problems
