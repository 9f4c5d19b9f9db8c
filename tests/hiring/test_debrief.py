"""The debrief's arithmetic, pure Python: agreement, splits, unrated competencies, weights."""

from __future__ import annotations

import pytest

from hiring.debrief import Card, CompetencyLine, debrief_build, weighted_total

LINES = [
    CompetencyLine(1, "Listening", 2.0),
    CompetencyLine(2, "Advocacy", None),
    CompetencyLine(3, "Privacy", 1.0),
]


def test_it_finds_agreement_splits_and_what_nobody_rated() -> None:
    cards = [
        Card("ann", "yes", {1: (4, "a"), 2: (5, "b"), 3: (None, "")}),
        Card("bob", "strong_no", {1: (5, "c"), 2: (2, "d"), 3: (None, "")}),
    ]
    debrief = debrief_build(LINES, cards)
    assert debrief.agreed == ["Listening"]
    assert debrief.splits == ["Advocacy"]
    assert debrief.unrated == ["Privacy"]
    assert debrief.recommendation_split
    assert debrief.rows[1].spread == 3 and debrief.rows[1].mean == pytest.approx(3.5)


def test_weighted_total_counts_an_unweighted_competency_once_and_skips_not_assessed() -> None:
    assert weighted_total(LINES, {1: 5, 2: 2, 3: None}) == pytest.approx((2 * 5 + 2) / 3)
    assert weighted_total(LINES, {1: None, 2: None, 3: None}) is None


def test_no_weights_means_no_weighted_total() -> None:
    lines = [CompetencyLine(1, "Listening", None)]
    debrief = debrief_build(lines, [Card("ann", "no_decision", {1: (3, "x")})])
    assert not debrief.weighted and debrief.totals == {} and debrief.panel_total is None
    assert not debrief.recommendation_split
    assert debrief.rows[0].verdict == "single"
