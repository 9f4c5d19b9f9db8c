"""Calibration statistics for interview panels: pure Python and numpy, no Django.

The web side hands in plain `Rating` rows (one interviewer's rating of one candidate on one
competency, or None for "not assessed") and gets back agreement and bias figures:

- Krippendorff's alpha per competency, ordinal, tolerant of missing ratings (the `krippendorff`
  package; checked against the worked example of Krippendorff's "Computing Krippendorff's
  Alpha-Reliability");
- ICC(2,1) and ICC(2,k) per competency on the largest complete block of the panel (two-way random
  effects, absolute agreement; Shrout & Fleiss 1979, checked against their worked example);
- each interviewer's leniency (mean difference from the rest of the panel on the same candidate
  and competency) and its drift (the slope of that difference over their interviews, in order);
- a warning when an interviewer's ratings track the order in which they saw candidates.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import krippendorff
import numpy as np

SCALE = (1, 2, 3, 4, 5)
# An order effect is reported only with enough interviews to mean something, and a strong trend.
ORDER_MIN_CANDIDATES = 5
ORDER_RHO = 0.7


@dataclass(frozen=True)
class Rating:
    candidate: Hashable  # one interview of one candidate: the unit being rated
    interviewer: Hashable
    competency: Hashable
    value: int | None  # 1-5, None when not assessed
    seen: int = 0  # the order in which this interviewer saw the candidate (any sortable number)


@dataclass(frozen=True)
class ICC:
    icc_2_1: float  # reliability of one interviewer's rating
    icc_2_k: float  # reliability of the panel's mean rating
    targets: int
    judges: int


@dataclass(frozen=True)
class Leniency:
    interviewer: Hashable
    mean_difference: float  # above 0: rates higher than the rest of the panel
    compared: int  # ratings that had at least one other panel rating to compare with
    drift: float | None  # change in that difference per interview, None with fewer than 3


@dataclass(frozen=True)
class OrderWarning:
    interviewer: Hashable
    rho: float  # Spearman correlation of mean rating with the order candidates were seen in
    candidates: int

    @property
    def message(self) -> str:
        trend = "rise" if self.rho > 0 else "fall"
        return (
            f"ratings {trend} with the order candidates were seen in "
            f"(Spearman {self.rho:+.2f} over {self.candidates} candidates)"
        )


def _matrix(ratings: Iterable[Rating]) -> tuple[np.ndarray, list[Hashable], list[Hashable]]:
    """Interviewers x candidates, NaN where a rating is missing."""
    rows = [r for r in ratings if r.value is not None]
    judges = sorted({r.interviewer for r in rows}, key=str)
    targets = sorted({r.candidate for r in rows}, key=str)
    data = np.full((len(judges), len(targets)), np.nan)
    for r in rows:
        data[judges.index(r.interviewer), targets.index(r.candidate)] = r.value
    return data, judges, targets


def _by_competency(ratings: Iterable[Rating]) -> dict[Hashable, list[Rating]]:
    grouped: dict[Hashable, list[Rating]] = defaultdict(list)
    for rating in ratings:
        grouped[rating.competency].append(rating)
    return grouped


Level = Literal["nominal", "ordinal", "interval", "ratio"]


def alpha(data: np.ndarray, level: Level = "ordinal") -> float | None:
    """Krippendorff's alpha of a reliability matrix (observers x units, NaN = missing) on the
    1-5 scale; None when it says nothing: fewer than two units with a pair of ratings (one unit
    always gives 0, its disagreement being all the disagreement there is), or no variation."""
    pairable = (np.sum(~np.isnan(data), axis=0) >= 2).sum()
    if data.size == 0 or pairable < 2:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # 0/0 when every rating is the same
        value = krippendorff.alpha(
            reliability_data=data, level_of_measurement=level, value_domain=list(SCALE)
        )
    return None if np.isnan(value) else float(value)


def alpha_by_competency(ratings: Iterable[Rating]) -> dict[Hashable, float | None]:
    return {comp: alpha(_matrix(rows)[0]) for comp, rows in _by_competency(ratings).items()}


def icc2(data: Sequence[Sequence[float]] | np.ndarray) -> ICC:
    """ICC(2,1) and ICC(2,k) of a complete targets x judges matrix (Shrout & Fleiss 1979, case 2:
    every target rated by the same k judges, who are a random sample of judges)."""
    x = np.asarray(data, dtype=float)
    n, k = x.shape
    if n < 2 or k < 2 or np.isnan(x).any():
        raise ValueError("ICC(2,k) needs a complete matrix of at least 2 targets x 2 judges")
    grand = x.mean()
    bms = k * ((x.mean(axis=1) - grand) ** 2).sum() / (n - 1)
    jms = n * ((x.mean(axis=0) - grand) ** 2).sum() / (k - 1)
    residual = x - x.mean(axis=1, keepdims=True) - x.mean(axis=0, keepdims=True) + grand
    ems = (residual**2).sum() / ((n - 1) * (k - 1))
    single = (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n)
    mean = (bms - ems) / (bms + (jms - ems) / n)
    return ICC(float(single), float(mean), n, k)


def complete_block(data: np.ndarray) -> np.ndarray | None:
    """The complete targets x judges block holding the most ratings (ties: more judges): a group
    of 2+ interviewers and every candidate they all rated; None when none has two candidates."""
    groups: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for column in range(data.shape[1]):
        raters = tuple(int(i) for i in np.flatnonzero(~np.isnan(data[:, column])))
        if len(raters) >= 2:
            groups[raters].append(column)
    # A block's candidates may also be fully rated by a larger group that includes it.
    best: tuple[int, int, tuple[int, ...]] | None = None
    for raters in groups:
        columns = [c for c in range(data.shape[1]) if not np.isnan(data[list(raters), c]).any()]
        size = (len(columns) * len(raters), len(raters))
        if len(columns) >= 2 and (best is None or size > best[:2]):
            best = (*size, raters)
    if best is None:
        return None
    chosen = list(best[2])
    kept = [c for c in range(data.shape[1]) if not np.isnan(data[chosen, c]).any()]
    return data[np.ix_(np.array(chosen), np.array(kept))].T


def icc_by_competency(ratings: Iterable[Rating]) -> dict[Hashable, ICC | None]:
    out: dict[Hashable, ICC | None] = {}
    for comp, rows in _by_competency(ratings).items():
        block = complete_block(_matrix(rows)[0])
        out[comp] = icc2(block) if block is not None else None
    return out


def _slope(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    if len(xs) < 3 or len(set(xs)) < 2:
        return None
    return float(np.polyfit(np.asarray(xs, float), np.asarray(ys, float), 1)[0])


def leniency(ratings: Iterable[Rating]) -> list[Leniency]:
    """Each interviewer's mean difference from the others' mean on the same candidate and
    competency, and its drift per interview seen (their own order)."""
    rows = [r for r in ratings if r.value is not None]
    cell: dict[tuple[Hashable, Hashable], list[Rating]] = defaultdict(list)
    for r in rows:
        cell[(r.candidate, r.competency)].append(r)
    per_interviewer: dict[Hashable, list[tuple[int, float]]] = defaultdict(list)
    for peers in cell.values():
        for r in peers:
            others = [o.value for o in peers if o.interviewer != r.interviewer and o.value]
            if others and r.value is not None:
                per_interviewer[r.interviewer].append((r.seen, r.value - float(np.mean(others))))
    result = []
    for who, diffs in sorted(per_interviewer.items(), key=lambda item: str(item[0])):
        by_interview: dict[int, list[float]] = defaultdict(list)
        for seen, diff in diffs:
            by_interview[seen].append(diff)
        order = sorted(by_interview)
        drift = _slope(list(range(len(order))), [float(np.mean(by_interview[s])) for s in order])
        mean = float(np.mean([d for _, d in diffs]))
        result.append(Leniency(who, mean, len(diffs), drift))
    return result


def _ranks(values: Sequence[float]) -> np.ndarray:
    """Ranks with ties given their average rank (as Spearman's rho needs)."""
    array = np.asarray(values, float)
    order = array.argsort(kind="stable")
    ranks = np.empty(len(array))
    ranks[order] = np.arange(1, len(array) + 1)
    for value in np.unique(array):
        tied = array == value
        ranks[tied] = ranks[tied].mean()
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    rx, ry = _ranks(xs), _ranks(ys)
    if rx.std() == 0 or ry.std() == 0:
        return None
    return float(np.corrcoef(rx, ry)[0, 1])


def order_effects(ratings: Iterable[Rating]) -> list[OrderWarning]:
    """Interviewers whose mean rating of a candidate rises or falls with the order they saw
    candidates in (|rho| >= 0.7 over at least five candidates): a sign of drift or fatigue rather
    than of the candidates."""
    means: dict[Hashable, dict[tuple[int, Hashable], list[int]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for r in ratings:
        if r.value is not None:
            means[r.interviewer][(r.seen, r.candidate)].append(r.value)
    found = []
    for who, per_candidate in sorted(means.items(), key=lambda item: str(item[0])):
        if len(per_candidate) < ORDER_MIN_CANDIDATES:
            continue
        keys = sorted(per_candidate, key=lambda key: key[0])
        rho = spearman(list(range(len(keys))), [float(np.mean(per_candidate[key])) for key in keys])
        if rho is not None and abs(rho) >= ORDER_RHO:
            found.append(OrderWarning(who, rho, len(keys)))
    return found
