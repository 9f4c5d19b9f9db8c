"""Turning stored feedback into what the pages show: highlighted answers, bars, charts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from coach.overall import FULL

from .progress_chart import trend_panels
from .selectors import CompetencyTrend

CRITERION_HELP = {
    "coverage": "How many of the talking points you covered, in your own words.",
    "structure": "STAR for stories; a clear sequence for 'what would you do'; reasons for "
    "technical answers.",
    "specificity": "A real example, numbers, named tools, and what you did yourself.",
    "clarity": "Short sentences, few fillers or hedges, no repetition.",
    "language": "Person-first, plain and respectful words about patients.",
}
# The parts of the overall score, as the feedback page names them (flags use FLAG_TITLES).
PART_LABELS = {
    "coverage": "Coverage of the talking points",
    "structure": "Structure",
    "specificity": "Specificity",
    "clarity": "Clarity",
    "language": "Language",
    "development": f"A developed answer (words on the question, up to {FULL})",
    "relevance": "About the question asked",
    "references": "How interviewers graded answers like yours to this question",
}
# Parts that are not weighted terms: where the fit starts, and what keeps the score in 0-100 or
# under the cap of a flag that sinks an answer (coach.overall).
EXTRA_LABELS = {
    "base": "Starting point",
    "limit": "Kept within 0-100, or capped by a flag",
}
FLAG_TITLES = {
    "off_topic": "Off topic",
    "too_short": "Too short",
    "rambling": "Rambling",
    "keyword_list": "A list of keywords",
    "jargon": "Jargon",
    "stigmatizing_language": "Stigmatising language",
    "confidentiality_risk": "Confidentiality risk",
    "blame": "Blaming others",
    "absolute_claims": "Absolute claims",
    "missing_result": "No result",
    "contradicts_guidance": "Goes against the guidance",
    "generic": "Too general",
    "unsafe_practice": "Unsafe practice",
}


@dataclass
class Segment:
    text: str
    point: int | None = None  # index of the talking point this span covers


def highlighted(answer: str, key_points: list[dict[str, Any]]) -> list[Segment]:
    """The answer cut into plain text and spans that cover a talking point."""
    spans = sorted(
        (k["evidence"]["start"], k["evidence"]["end"], k["index"])
        for k in key_points
        if k.get("covered") and k.get("evidence")
    )
    segments: list[Segment] = []
    cursor = 0
    for start, end, index in spans:
        if start < cursor:
            continue  # one sentence covering two points is marked once
        if start > cursor:
            segments.append(Segment(answer[cursor:start]))
        segments.append(Segment(answer[start:end], index))
        cursor = end
    if cursor < len(answer):
        segments.append(Segment(answer[cursor:]))
    return segments


def score_rows(parts: list[dict]) -> list[tuple[str, str, str]]:
    """The feedback page's "how this score is made" rows: part, points, most possible. Parts
    with no weight are left out (they add nothing); the rows add up to the overall score."""
    rows = []
    for part in parts:
        points = round(part["points"])
        signed = f"−{-points}" if points < 0 else str(points)
        if part["name"] in PART_LABELS:
            possible = round(part["possible"])
            if possible:
                rows.append((PART_LABELS[part["name"]], signed, str(possible)))
        elif part["name"] in EXTRA_LABELS:
            rows.append((EXTRA_LABELS[part["name"]], signed, "–"))
        else:
            rows.append((FLAG_TITLES.get(part["name"], part["name"]), signed, "–"))
    return rows


def criteria_rows(criteria: dict[str, int], parts: list[dict]) -> list[tuple]:
    """Per criterion: name, score, band, help, and whether it counts in the overall score (a
    criterion the fit gives no weight is shown as advice, not as part of the score)."""
    weighted = {p["name"] for p in parts if p.get("possible")}
    return [
        (name, score, band(score), CRITERION_HELP[name], not parts or name in weighted)
        for name, score in criteria.items()
    ]


def band(score: int) -> str:
    return "strong" if score >= 75 else "fair" if score >= 50 else "weak"


def trend_svg(trends: list[CompetencyTrend]) -> SafeString:
    """The progress chart (a panel per competency, see progress_chart) and its data table."""
    panels = trend_panels(trends)
    return render_to_string("practice/_trend_chart.html", {"panels": panels, "trends": trends})
