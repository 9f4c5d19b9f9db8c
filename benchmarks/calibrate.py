"""Fit how `overall` weighs the criteria, development and flags to interviewers' grades.

The calibration sets (benchmarks/graded.CALIBRATION) are by different authors. For each set the
report gives the agreement when the weights are fitted on the *other* sets only: the honest
figure for an author the coach has not seen. The weights fitted on all of them are what the coach
ships, in coach/data/overall.json. A ridge regression with every weight non-negative (so each flag
can only take points off), on the criteria and flags the coach itself computes.

    .venv/bin/python -m benchmarks.calibrate           # fit, write overall.json, report
    .venv/bin/python -m benchmarks.calibrate --check   # fail if overall.json is out of date
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.linear_model import Ridge

from coach import FLAG_CODES, review
from coach.overall import PATH, TERMS, Weights, features

from .common import spearman, table, write_report
from .graded import CALIBRATION, load, pairwise

# Ridge strength, chosen by the leave-one-set-out figures on the first four sets (0.1-1 all within
# 0.01 of each other; 0.3 in the middle).
ALPHA = 0.3


@dataclass
class Observed:
    items: list[dict[str, Any]]
    x: np.ndarray
    grades: np.ndarray


def observe(name: str) -> Observed:
    items = load(name)
    rows = []
    for item in items:
        fb = review(item["question"], item["text"])
        rows.append(features(fb.criteria, fb.flag_codes, fb.on_topic_words))
    return Observed(items, np.array(rows), np.array([i["grade"] for i in items], dtype=float))


def fit(data: list[Observed], names: tuple[str, ...] = ()) -> Weights:
    """Weights fitted to `data`'s grades (`names`: the sets, recorded in overall.json)."""
    x = np.vstack([d.x for d in data])
    y = np.concatenate([d.grades for d in data])
    model = Ridge(alpha=ALPHA, positive=True).fit(x, y)
    coefficients = tuple(float(w) for w in model.coef_)
    return Weights(float(model.intercept_), coefficients, names, len(y))


def agreement(weights: Weights, data: Observed) -> tuple[float, float]:
    predicted = list(weights.intercept + data.x @ np.array(weights.weights))
    return spearman(predicted, list(data.grades)), pairwise(data.items, predicted)


def main() -> None:
    data = {name: observe(name) for name in CALIBRATION}
    rows, figures = [], []
    for held in data:
        others = [d for name, d in data.items() if name != held]
        rho, pairs = agreement(fit(others), data[held])
        figures.append((rho, pairs))
        rows.append([held, str(len(data[held].items)), f"{rho:.3f}", f"{pairs:.3f}"])
    mean_rho, mean_pairs = np.mean(figures, axis=0)
    rows.append(["**mean over the sets**", "", f"{mean_rho:.3f}", f"{mean_pairs:.3f}"])
    shipped = fit(list(data.values()), CALIBRATION)
    if "--check" in sys.argv:
        current = PATH.read_text(encoding="utf-8").strip()
        if current != shipped.to_json():
            sys.exit(f"{PATH} is out of date: run python -m benchmarks.calibrate")
        print(f"{PATH.name} matches a fresh fit.")
        return
    PATH.write_text(shipped.to_json() + "\n", encoding="utf-8")
    weight_rows = [
        [name, f"{w * 25:.1f} points at 100%"]
        for name, w in zip(TERMS, shipped.weights, strict=True)
        if name not in FLAG_CODES
    ]
    weight_rows += [[code, f"−{shipped.penalty(code):.1f} points"] for code in FLAG_CODES]
    report = "\n".join(
        [
            "Each set scored with weights fitted on the other sets only (leave one author out):",
            "",
            table(["held-out set", "answers", "Spearman", "within-question pairwise"], rows),
            "",
            f"Shipped weights (fitted on all {len(data)} sets, "
            f"{sum(len(d.items) for d in data.values())} answers; intercept "
            f"{(shipped.intercept - 1) * 25:.1f} points):",
            "",
            table(["term", "weight"], weight_rows),
            "",
        ]
    )
    print(report)
    write_report("calibrate", report)


if __name__ == "__main__":
    main()
