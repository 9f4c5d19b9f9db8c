"""The progress chart: one small panel per competency, scores over time, drawn as inline SVG on
the server (no script, nothing fetched), with the same facts in words for a screen reader.

Small panels instead of one chart with many lines: no legend to cut off or overlap, each panel
stays readable on a 390 px phone (its viewBox is about a phone's width, so its 12 px text is
drawn at about 12 px), and every panel shares one date axis so that they can be compared.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from statistics import mean

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .selectors import CompetencyTrend

WIDTH, HEIGHT = 320, 150
LEFT, RIGHT, TOP, BOTTOM = 30, 16, 14, 28
REVIEW_LINE = 70  # the plan brings back competencies whose recent average is under this


@dataclass(frozen=True)
class Day:
    day: date
    score: int  # the day's average
    answers: int


@dataclass(frozen=True)
class Panel:
    slug: str
    name: str
    days: list[Day]
    answers: int
    first: int
    latest: int
    recent: int  # average of the last three answers
    svg: SafeString

    @property
    def change(self) -> int:
        return self.latest - self.first

    @property
    def change_text(self) -> str:
        if self.answers < 2 or self.change == 0:
            return "no change yet" if self.answers < 2 else "no change"
        return f"up {self.change}" if self.change > 0 else f"down {-self.change}"


def short_date(day: date, with_year: bool = False) -> str:
    return f"{day.day} {day:%b %Y}" if with_year else f"{day.day} {day:%b}"


def daily(trend: CompetencyTrend) -> list[Day]:
    """A competency's answers as one point a day (the day's average), oldest first."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for iso, score in trend.points:
        by_day[date.fromisoformat(iso)].append(score)
    return [Day(d, round(mean(s)), len(s)) for d, s in sorted(by_day.items())]


class Axis:
    """Where a date and a score sit in a panel; every panel shares the first and last date."""

    def __init__(self, start: date, end: date) -> None:
        self.start, self.span = start, (end - start).days
        self.inner_w, self.inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(self, day: date) -> float:
        if self.span == 0:
            return LEFT + self.inner_w / 2
        return LEFT + self.inner_w * (day - self.start).days / self.span

    def y(self, score: float) -> float:
        return TOP + self.inner_h * (1 - score / 100)

    def ticks(self) -> list[date]:
        """Up to four dates, first and last included, a whole number of days apart."""
        count = min(4, self.span + 1)
        if count <= 1:
            return [self.start]
        days = {round(self.span * i / (count - 1)) for i in range(count)}
        return [date.fromordinal(self.start.toordinal() + d) for d in sorted(days)]


def _frame(axis: Axis, with_year: bool) -> list[str]:
    parts = []
    for value in (0, 50, 100):
        y = axis.y(value)
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{LEFT - 5}" y="{y + 4:.1f}" text-anchor="end" class="axis">{value}</text>'
        )
    y = axis.y(REVIEW_LINE)
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="target"/>'
        f'<text x="{LEFT - 5}" y="{y + 4:.1f}" text-anchor="end" class="axis">{REVIEW_LINE}</text>'
    )
    ticks = axis.ticks()
    for n, tick in enumerate(ticks):
        x = axis.x(tick)
        anchor = "middle"
        if len(ticks) > 1:
            anchor = "start" if n == 0 else "end" if n == len(ticks) - 1 else "middle"
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM + 4}" '
            f'class="tick"/><text x="{x:.1f}" y="{HEIGHT - 8}" text-anchor="{anchor}" '
            f'class="axis">{short_date(tick, with_year and n == len(ticks) - 1)}</text>'
        )
    return parts


def panel_svg(slug: str, name: str, days: list[Day], axis: Axis, summary: str) -> SafeString:
    with_year = axis.start.year != date.fromordinal(axis.start.toordinal() + axis.span).year
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" class="trend-chart" role="img" '
        f'aria-labelledby="trend-{slug}-title trend-{slug}-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="trend-{slug}-title">{escape(name)}</title>',
        f'<desc id="trend-{slug}-desc">{escape(summary)}</desc>',
        *_frame(axis, with_year),
    ]
    points = [(axis.x(d.day), axis.y(d.score)) for d in days]
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" class="line"/>')
    for day, (x, y) in zip(days, points, strict=True):
        label = (
            f"{short_date(day.day)}: {day.score} ({day.answers} answer{'s' * (day.answers > 1)})"
        )
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" class="dot"><title>{label}</title>')
        parts.append("</circle>")
    x, y = points[-1]
    anchor = "end" if x > WIDTH - RIGHT - 20 else "middle"
    label_y = y - 8 if y > TOP + 12 else y + 18
    parts.append(
        f'<text x="{x:.1f}" y="{label_y:.1f}" text-anchor="{anchor}" class="value">'
        f"{days[-1].score}</text></svg>"
    )
    return mark_safe("".join(parts))  # numbers, and names and dates that went through escape()


def summary_of(name: str, days: list[Day], answers: int, first: int, latest: int) -> str:
    if len(days) > 1:
        when = f"between {short_date(days[0].day)} and {short_date(days[-1].day, True)}"
    else:
        when = f"on {short_date(days[0].day, True)}"
    scores = f"scored {latest}" if answers == 1 else f"first {first}, latest {latest}"
    return f"{name}: {answers} answer{'s' * (answers > 1)} {when}; {scores}."


def trend_panels(trends: list[CompetencyTrend]) -> list[Panel]:
    """A panel per competency with answers, in the order given (weakest recent first)."""
    shown = [(t, daily(t)) for t in trends if t.points]
    if not shown:
        return []
    start = min(days[0].day for _, days in shown)
    end = max(days[-1].day for _, days in shown)
    axis = Axis(start, end)
    panels = []
    for trend, days in shown:
        scores = [score for _, score in trend.points]
        summary = summary_of(trend.name, days, len(scores), scores[0], scores[-1])
        panels.append(
            Panel(
                slug=trend.slug,
                name=trend.name,
                days=days,
                answers=len(scores),
                first=scores[0],
                latest=scores[-1],
                recent=round(trend.recent),
                svg=panel_svg(trend.slug, trend.name, days, axis, summary),
            )
        )
    return panels
