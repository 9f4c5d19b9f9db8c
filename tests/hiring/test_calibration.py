"""Calibration statistics against published worked examples (pure Python, no database)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from hiring.calibration import (
    Rating,
    alpha,
    alpha_by_competency,
    complete_block,
    icc2,
    icc_by_competency,
    leniency,
    order_effects,
    spearman,
)

NAN = math.nan
# Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): 4 observers x 12 units,
# values 1-5 with missing data. Published: nominal 0.743, ordinal 0.815, interval 0.849.
KRIPPENDORFF = np.array(
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
        [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
    ]
)
# Shrout & Fleiss (1979), Table 2: 6 targets x 4 judges. Published: ICC(2,1) 0.29, ICC(2,4) 0.62.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]


def test_alpha_matches_krippendorffs_worked_example() -> None:
    assert alpha(KRIPPENDORFF, "ordinal") == pytest.approx(0.815, abs=0.0005)
    assert alpha(KRIPPENDORFF, "nominal") == pytest.approx(0.743, abs=0.0005)
    assert alpha(KRIPPENDORFF, "interval") == pytest.approx(0.849, abs=0.0005)


def test_icc_matches_shrout_and_fleiss() -> None:
    result = icc2(SHROUT_FLEISS)
    assert round(result.icc_2_1, 2) == 0.29
    assert round(result.icc_2_k, 2) == 0.62
    assert (result.targets, result.judges) == (6, 4)


def test_icc_refuses_an_incomplete_panel() -> None:
    with pytest.raises(ValueError, match="complete"):
        icc2([[1, 2], [3, NAN]])


def _ratings(matrix: np.ndarray, competency: str = "listening") -> list[Rating]:
    return [
        Rating(f"c{unit}", f"i{obs}", competency, None if math.isnan(v) else int(v), unit)
        for obs, row in enumerate(matrix)
        for unit, v in enumerate(row)
    ]


def test_alpha_per_competency_reads_not_assessed_as_missing() -> None:
    ratings = _ratings(KRIPPENDORFF) + _ratings(np.array([[3, 3], [3, 3]]), "empathy")
    result = alpha_by_competency(ratings)
    assert result["listening"] == pytest.approx(0.815, abs=0.0005)
    assert result["empathy"] is None  # everyone gave 3: agreement is undefined, not perfect


def test_the_complete_block_is_the_one_holding_the_most_ratings() -> None:
    block = complete_block(KRIPPENDORFF)
    assert block is not None
    # Units 2-9 were rated by all four observers (32 ratings; units 1-9 by three make 27).
    assert block.shape == (8, 4)
    assert icc_by_competency(_ratings(KRIPPENDORFF))["listening"] is not None


def test_no_complete_block_gives_no_icc() -> None:
    ratings = [Rating("c1", "a", "x", 3), Rating("c1", "b", "x", 4), Rating("c2", "a", "x", 2)]
    assert icc_by_competency(ratings) == {"x": None}


def test_leniency_is_the_difference_from_the_rest_of_the_panel() -> None:
    ratings = []
    for seen in range(4):
        ratings += [
            Rating(seen, "soft", "x", 5, seen),
            Rating(seen, "fair", "x", 3, seen),
            Rating(seen, "harsh", "x", 1, seen),
        ]
    result = {row.interviewer: row for row in leniency(ratings)}
    assert result["soft"].mean_difference == pytest.approx(3.0)
    assert result["harsh"].mean_difference == pytest.approx(-3.0)
    assert result["fair"].mean_difference == pytest.approx(0.0)
    assert result["soft"].drift == pytest.approx(0.0)


def test_drift_shows_an_interviewer_growing_more_lenient() -> None:
    ratings = []
    for seen in range(5):
        ratings += [Rating(seen, "drifter", "x", 1 + seen, seen), Rating(seen, "steady", "x", 3)]
    drifter = next(r for r in leniency(ratings) if r.interviewer == "drifter")
    assert drifter.drift == pytest.approx(1.0)  # one point more lenient each interview


def test_it_warns_when_ratings_track_the_order_candidates_were_seen_in() -> None:
    ratings = [Rating(n, "tired", "x", max(1, 5 - n), n) for n in range(6)]
    ratings += [Rating(n, "even", "x", [3, 5, 2, 4, 3, 4][n], n) for n in range(6)]
    [warning] = order_effects(ratings)
    assert warning.interviewer == "tired"
    assert warning.rho < -0.7
    assert "fall" in warning.message


def test_no_order_warning_with_too_few_candidates() -> None:
    assert order_effects([Rating(n, "a", "x", n + 1, n) for n in range(4)]) == []


def test_spearman_handles_ties() -> None:
    assert spearman([1, 2, 3, 4], [1, 1, 2, 2]) == pytest.approx(0.894, abs=0.001)
    assert spearman([1, 2, 3], [2, 2, 2]) is None


def test_alpha_of_a_single_candidate_is_undefined_not_zero() -> None:
    assert alpha(np.array([[5.0], [2.0]])) is None
