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
from coach.analysis import Analysis
from coach.bank import use_bank
from coach.embeddings import get_embedder
from coach.overall import CAPS, PATH, PATH_REFERENCES, TERMS, Weights, bend, features
from coach.references import References, leaving_out
from coach.types import Question

from .common import cached_embedder, spearman, table, write_report
from .corpus import pairwise_by, training
from .graded import SETS, bank_questions, load

# Ridge strength; the cross-validated figures are flat from 0.1 to 3.
ALPHA = 0.3
FOLDS = 5


REFERENCES = TERMS.index("references")


@dataclass
class Observed:
    items: list[dict[str, Any]]
    x: np.ndarray
    grades: np.ndarray
    referenced: np.ndarray  # whether the answer's question has graded references

    def without_references(self) -> np.ndarray:
        x = self.x.copy()
        x[:, REFERENCES] = 0.0
        return x


def corpus_items() -> list[dict[str, Any]]:
    """Every graded answer the weights may be fitted to, each with its author and question."""
    bank = bank_questions()
    use_bank(bank.values())
    items = training(bank)
    for name in SETS:
        items += [{**item, "author": name, "batch": "graded"} for item in load(name)]
    return items


def observe(items: list[dict[str, Any]]) -> Observed:
    """Each answer's features. Its references leave its own author batch out: an answer is
    never placed among answers by its own batch's authors (nor beside itself)."""
    found = References()
    embedder, _ = get_embedder()
    rows, referenced = [], []
    for item in items:
        # The flags the references back (unsafe_practice, contradicts_guidance) are read with the
        # answer's own batch left out too, as its references term is.
        with leaving_out(item["batch"]):
            fb = review(item["question"], item["text"])
        vector = Analysis.build(Question.from_dict(item["question"]), item["text"], embedder)
        near = found.near(
            item.get("question_id", ""), vector.answer_vector, embedder.name, item["batch"]
        )
        peers = near.value if near is not None else None
        rows.append(features(fb.criteria, fb.flag_codes, fb.on_topic_words, fb.relevance, peers))
        referenced.append(near is not None)
    grades = np.array([i["grade"] for i in items], dtype=float)
    return Observed(items, np.array(rows), grades, np.array(referenced))


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


def fit_both(
    data: Observed, keep: np.ndarray, names: tuple[str, ...] = ()
) -> tuple[Weights, Weights]:
    """Weights for answers with references (fitted on those) and for answers without (fitted on
    every answer, the references term left out)."""
    with_refs = keep & data.referenced
    return (
        fit(data.x[with_refs], data.grades[with_refs], names),
        fit(data.without_references()[keep], data.grades[keep], names),
    )


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
                with_refs, without = fit_both(data, train)
                predicted[test] = [
                    shown(with_refs if ref else without, row)
                    for row, ref in zip(data.x[test], data.referenced[test], strict=True)
                ]
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
    every = np.ones(len(data.items), dtype=bool)
    shipped_refs, shipped = fit_both(data, every, ("corpus", *SETS))
    if "--check" in sys.argv:
        for path, fitted in ((PATH, shipped), (PATH_REFERENCES, shipped_refs)):
            if path.read_text(encoding="utf-8").strip() != fitted.to_json():
                sys.exit(f"{path} is out of date: run python -m benchmarks.calibrate")
        print(f"{PATH.name} and {PATH_REFERENCES.name} match a fresh fit.")
        return
    PATH.write_text(shipped.to_json() + "\n", encoding="utf-8")
    PATH_REFERENCES.write_text(shipped_refs.to_json() + "\n", encoding="utf-8")
    predicted = cross_validated(data)
    weight_rows = [
        [name, f"{w * 25:.1f}", f"{r * 25:.1f}"]
        for name, w, r in zip(TERMS, shipped.weights, shipped_refs.weights, strict=True)
        if name not in FLAG_CODES
    ]
    weight_rows += [
        [code, f"−{shipped.penalty(code):.1f}", f"−{shipped_refs.penalty(code):.1f}"]
        for code in FLAG_CODES
    ]
    headers = ["batch", "answers", "authors", "coach (Spearman / pairwise)", "length (baseline)"]
    report = "\n".join(
        [
            "Cross-validated by author and by question (5 x 5 groups: every answer predicted by "
            "weights fitted on no answer of its author group and none of its question group):",
            "",
            table(headers, report_rows(data, predicted)),
            "",
            f"Shipped weights, in points at 100% (or taken off by a flag): without references "
            f"fitted on all {len(data.items)} answers (base {(shipped.intercept - 1) * 25:.1f}); "
            f"with references on the {int(data.referenced.sum())} answers to questions that "
            f"have them (base {(shipped_refs.intercept - 1) * 25:.1f}):",
            "",
            table(["term", "without references", "with references"], weight_rows),
            "",
        ]
    )
    print(report)
    write_report("calibrate", report)


if __name__ == "__main__":
    main()
