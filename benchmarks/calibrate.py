"""Fit how `overall` weighs the criteria, development, relevance and flags to graders' grades.

Fitted on the graded corpus (benchmarks/corpus: many differently briefed authors, each answer
graded by a grader who did not write it) and on the earlier graded sets (benchmarks/graded, each
by its own author). Cross-validated by author *and* by question: authors and questions are each
split into five groups, and every answer is predicted by weights fitted on answers by none of
its author group and to none of its question group, so the figure is for a new author on a new
question. A ridge regression with every weight non-negative (each flag can only take points off).
The held-out sets (benchmarks/corpus/eval) are never read here.

    .venv/bin/python -m benchmarks.calibrate           # fit, write overall.json, report
    .venv/bin/python -m benchmarks.calibrate --check   # fail if overall.json is out of date
"""

from __future__ import annotations

import sys
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.linear_model import Ridge

from coach import FLAG_CODES, review
from coach.bank import use_bank
from coach.overall import CAPS, PATH, TERMS, Weights, bend, features

from .common import cached_embedder, spearman, table, write_report
from .corpus import pairwise_by, training
from .graded import SETS, bank_questions, load

# Ridge strength; the cross-validated figures are flat from 0.1 to 3.
ALPHA = 0.3
FOLDS = 5


@dataclass
class Observed:
    items: list[dict[str, Any]]
    x: np.ndarray
    grades: np.ndarray


def corpus_items() -> list[dict[str, Any]]:
    """Every graded answer the weights may be fitted to, each with its author and question."""
    bank = bank_questions()
    use_bank(bank.values())
    items = training(bank)
    for name in SETS:
        items += [{**item, "author": name, "batch": "graded"} for item in load(name)]
    return items


def observe(items: list[dict[str, Any]]) -> Observed:
    rows = []
    for item in items:
        fb = review(item["question"], item["text"])
        rows.append(features(fb.criteria, fb.flag_codes, fb.on_topic_words, fb.relevance))
    return Observed(items, np.array(rows), np.array([i["grade"] for i in items], dtype=float))


def fit(x: np.ndarray, y: np.ndarray, names: tuple[str, ...] = ()) -> Weights:
    model = Ridge(alpha=ALPHA, positive=True).fit(x, y)
    return Weights(float(model.intercept_), tuple(float(w) for w in model.coef_), names, len(y))


def _group(key: str) -> int:
    return zlib.crc32(key.encode()) % FOLDS


def shown(weights: Weights, row: np.ndarray) -> float:
    """The overall a candidate would see for an answer with these features: the fitted grade
    bent into 0-100 and capped by the flags that sink an answer, as coach.overall does."""
    codes = [c for c, v in zip(TERMS, row, strict=True) if c in FLAG_CODES and v]
    points = bend(25 * (weights.intercept + float(row @ np.array(weights.weights)) - 1))
    return min([points, *(CAPS[c] for c in codes if c in CAPS)])


def cross_validated(data: Observed) -> np.ndarray:
    """Each answer's overall from weights fitted without its author group and without its
    question group."""
    authors = np.array([_group(i["author"]) for i in data.items])
    questions = np.array([_group(i["question_id"]) for i in data.items])
    predicted = np.full(len(data.items), np.nan)
    for a in range(FOLDS):
        for q in range(FOLDS):
            train = (authors != a) & (questions != q)
            test = (authors == a) & (questions == q)
            if test.any():
                weights = fit(data.x[train], data.grades[train])
                predicted[test] = [shown(weights, row) for row in data.x[test]]
    return predicted


def report_rows(data: Observed, predicted: np.ndarray) -> list[list[str]]:
    rows = []
    batches = sorted({i["batch"] for i in data.items})
    for batch in [*batches, "all"]:
        keep = [k for k, i in enumerate(data.items) if batch in ("all", i["batch"])]
        items = [data.items[k] for k in keep]
        truth = [float(data.grades[k]) for k in keep]
        guess = [float(predicted[k]) for k in keep]
        length = [float(len(i["text"].split())) for i in items]
        rows.append(
            [
                f"**{batch}**" if batch == "all" else batch,
                str(len(items)),
                str(len({i["author"] for i in items})),
                f"{spearman(guess, truth):.3f} / {pairwise_by(items, guess, truth):.3f}",
                f"{spearman(length, truth):.3f} / {pairwise_by(items, length, truth):.3f}",
            ]
        )
    return rows


def main() -> None:
    embedder = cached_embedder()
    data = observe(corpus_items())
    embedder.save()
    shipped = fit(data.x, data.grades, ("corpus", *SETS))
    if "--check" in sys.argv:
        current = PATH.read_text(encoding="utf-8").strip()
        if current != shipped.to_json():
            sys.exit(f"{PATH} is out of date: run python -m benchmarks.calibrate")
        print(f"{PATH.name} matches a fresh fit.")
        return
    PATH.write_text(shipped.to_json() + "\n", encoding="utf-8")
    predicted = cross_validated(data)
    weight_rows = [
        [name, f"{w * 25:.1f} points at 100%"]
        for name, w in zip(TERMS, shipped.weights, strict=True)
        if name not in FLAG_CODES
    ]
    weight_rows += [[code, f"−{shipped.penalty(code):.1f} points"] for code in FLAG_CODES]
    headers = ["batch", "answers", "authors", "coach (Spearman / pairwise)", "length (baseline)"]
    report = "\n".join(
        [
            "Cross-validated by author and by question (5 x 5 groups: every answer predicted by "
            "weights fitted on no answer of its author group and none of its question group):",
            "",
            table(headers, report_rows(data, predicted)),
            "",
            f"Shipped weights (fitted on all {len(data.items)} answers; base "
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
