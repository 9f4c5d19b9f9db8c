"""The debrief of one interview as plain data: who said what, where the panel agrees, where it
splits, what nobody rated, and weighted totals when the kit has weights.

Pure functions over plain rows (no Django), so the page, the API and the tests share them.
Reading the rows is `selectors.py`'s job, through the policy: whoever reaches this code has
already been allowed to see every scorecard handed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# Ratings more than this far apart on the 1-5 scale are a split worth discussing.
AGREEMENT_SPREAD = 1
YES_SIDE = {"yes", "strong_yes"}
NO_SIDE = {"no", "strong_no"}


@dataclass(frozen=True)
class CompetencyLine:
    key: int  # the kit competency's id
    name: str
    weight: float | None


@dataclass(frozen=True)
class Card:
    interviewer: str
    recommendation: str
    ratings: dict[int, tuple[int | None, str]]  # kit competency id -> (rating or None, evidence)
    label: str = ""  # the recommendation as people read it


@dataclass(frozen=True)
class Cell:
    interviewer: str
    rating: int | None
    evidence: str


@dataclass(frozen=True)
class Row:
    name: str
    weight: float | None
    cells: list[Cell]
    mean: float | None
    spread: int | None
    verdict: str  # agree | split | single | unrated

    @property
    def verdict_text(self) -> str:
        return {
            "agree": "Panel agrees",
            "split": "Panel splits",
            "single": "One rating",
            "unrated": "Nobody rated this",
        }[self.verdict]


@dataclass(frozen=True)
class Debrief:
    interviewers: list[str]
    rows: list[Row]
    recommendations: list[tuple[str, str, str]]  # interviewer, code, label
    totals: dict[str, float | None] = field(default_factory=dict)  # weighted, per interviewer
    panel_total: float | None = None
    weighted: bool = False

    @property
    def unrated(self) -> list[str]:
        return [row.name for row in self.rows if row.verdict == "unrated"]

    @property
    def splits(self) -> list[str]:
        return [row.name for row in self.rows if row.verdict == "split"]

    @property
    def agreed(self) -> list[str]:
        return [row.name for row in self.rows if row.verdict == "agree"]

    @property
    def recommendation_split(self) -> bool:
        said = {code for _, code, _ in self.recommendations}
        return bool(said & YES_SIDE) and bool(said & NO_SIDE)


def _row(line: CompetencyLine, cards: Sequence[Card]) -> Row:
    cells = [Cell(card.interviewer, *card.ratings.get(line.key, (None, ""))) for card in cards]
    values = [c.rating for c in cells if c.rating is not None]
    if not values:
        return Row(line.name, line.weight, cells, None, None, "unrated")
    spread = max(values) - min(values)
    verdict = "single" if len(values) == 1 else "agree" if spread <= AGREEMENT_SPREAD else "split"
    return Row(line.name, line.weight, cells, sum(values) / len(values), spread, verdict)


def weighted_total(lines: Sequence[CompetencyLine], ratings: dict[int, int | None]) -> float | None:
    """The weighted mean of the assessed competencies on the 1-5 scale; a competency without a
    weight counts 1 once any has a weight. None when nothing was assessed."""
    pairs = [
        (line.weight if line.weight is not None else 1.0, ratings[line.key])
        for line in lines
        if ratings.get(line.key) is not None
    ]
    total_weight = sum(w for w, _ in pairs)
    if not pairs or total_weight == 0:
        return None
    return sum(w * float(r) for w, r in pairs if r is not None) / total_weight


def debrief_build(lines: Sequence[CompetencyLine], cards: Sequence[Card]) -> Debrief:
    weighted = any(line.weight is not None for line in lines)
    totals: dict[str, float | None] = {}
    if weighted:
        for card in cards:
            totals[card.interviewer] = weighted_total(
                lines, {key: value for key, (value, _) in card.ratings.items()}
            )
    known = [t for t in totals.values() if t is not None]
    return Debrief(
        interviewers=[card.interviewer for card in cards],
        rows=[_row(line, cards) for line in lines],
        recommendations=[
            (card.interviewer, card.recommendation, card.label or card.recommendation)
            for card in cards
        ],
        totals=totals,
        panel_total=sum(known) / len(known) if known else None,
        weighted=weighted,
    )
