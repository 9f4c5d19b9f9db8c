"""Turning stored feedback into what the pages show: highlighted answers, bars, charts."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe

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
    "development": "A developed answer (words on the question, up to 100)",
    "relevance": "About the question asked",
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


PALETTE = ["#0b5a7a", "#9b1c1c", "#1d6b3a", "#8a4b00", "#5b3a8c", "#35566b"]


def trend_svg(trends: list[CompetencyTrend], width: int = 640, height: int = 240) -> SafeString:
    """A line chart of scores over attempts, one line per competency, as inline SVG."""
    shown = [t for t in trends if t.points][:6]
    left, right, top, bottom = 40, 12, 12, 28
    inner_w, inner_h = width - left - right, height - top - bottom
    longest = max((len(t.points) for t in shown), default=1)
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="trend-title" '
        f'class="trend-chart" xmlns="http://www.w3.org/2000/svg">',
        '<title id="trend-title">Scores by competency over your attempts (table below)</title>',
    ]
    for value in (0, 25, 50, 75, 100):
        y = top + inner_h * (1 - value / 100)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="axis">{value}</text>'
        )
    for n, trend in enumerate(shown):
        color = PALETTE[n % len(PALETTE)]
        step = inner_w / max(longest - 1, 1)
        points = [
            (left + i * step, top + inner_h * (1 - score / 100))
            for i, (_, score) in enumerate(trend.points)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2.5"/>')
        for x, y in points:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{color}"/>')
        parts.append(
            f'<text x="{left + 4}" y="{height - 8 - 0 * n}" class="legend" fill="{color}" '
            f'transform="translate({n * 105} 0)">{escape(trend.name[:16])}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # built only from numbers and escaped names
