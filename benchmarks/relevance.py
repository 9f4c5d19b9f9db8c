"""Fit and test the relevance model (coach/relevance.py): is an answer about its own question?

Training data, none of it from the sets the coach's figures are quoted on:
  - each bank question's example answers, scored against their own question *without* that
    example among its targets (on topic), and against questions of other competencies (not);
  - the calibration sets' answers (benchmarks/graded.CALIBRATION) and the training corpus's
    (benchmarks/corpus/answers): on topic unless their grader flagged them off_topic, and some
    of them answered against a question of another competency (not on topic). The held-out sets
    are never read.
Cross-validated by question (no question in both the training and the test folds), then the
product test: every bank question answered with the strong example answer of another question on
a different competency must be flagged, and no strong example answer to its own question may be.

    .venv/bin/python -m benchmarks.relevance         # fit, write coach/data/relevance.json, report
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict

from coach.analysis import Analysis
from coach.bank import use_bank
from coach.embeddings import get_embedder
from coach.relevance import OFF_TOPIC, PATH, features, model
from coach.types import Question

from .common import cached_embedder, table, write_report
from .corpus import training
from .graded import CALIBRATION, bank_questions, load

C = 1.0


def without(question: Question, example: str) -> Question:
    """The question with `example` taken out of its example answers."""
    others = tuple(e for e in question.other_examples if e != example)
    main = "" if question.example_answer == example else question.example_answer
    return replace(question, example_answer=main, other_examples=others)


def observe(
    question: Question, answer: str, bank: Any
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    embedder, _ = get_embedder()
    analysis = Analysis.build(question, answer, embedder)
    with_bank, _, _ = features(analysis, bank)
    alone, _, _ = features(analysis, None)
    return with_bank, alone


def examples(bank_data: dict[str, dict[str, Any]]) -> list[tuple[str, str, str, bool]]:
    """(question id, answer text, the id it was written for, on topic?) rows."""
    rng = random.Random(8)
    ids = sorted(bank_data)
    rows = []
    for qid in ids:
        q = bank_data[qid]
        written = [q["example_answer"], *q["other_examples"]]
        rows += [(qid, text, qid, True) for text in written if text]
        far = [o for o in ids if bank_data[o]["competency"] != q["competency"]]
        for other in rng.sample(far, 3):
            rows.append((qid, bank_data[other]["example_answer"], other, False))
    graded = [item for name in CALIBRATION for item in load(name)]
    for item in graded + training(bank_data):
        qid = item["question_id"]
        rows.append((qid, item["text"], qid, "off_topic" not in item["flags"]))
        if rng.random() < 0.3:
            far = [o for o in ids if bank_data[o]["competency"] != bank_data[qid]["competency"]]
            rows.append((rng.choice(far), item["text"], qid, False))
    return rows


def main() -> None:
    embedder = cached_embedder()
    bank_data = bank_questions()
    bank = use_bank(bank_data.values())
    questions = {k: Question.from_dict(v) for k, v in bank_data.items()}
    rows = examples(bank_data)
    x_bank, x_alone, y, groups = [], [], [], []
    for qid, text, written_for, on_topic in rows:
        question = without(questions[qid], text) if written_for == qid else questions[qid]
        with_bank, alone = observe(question, text, bank)
        x_bank.append(with_bank)
        x_alone.append(alone)
        y.append(on_topic)
        groups.append(qid)
    y_arr = np.array(y)
    fitted = {}
    report_rows = []
    for name, x in (("with_bank", np.array(x_bank)), ("alone", np.array(x_alone))):
        lr = LogisticRegression(C=C, max_iter=2000)
        predicted = cross_val_predict(
            lr, x, y_arr, groups=groups, cv=GroupKFold(5), method="predict_proba"
        )[:, 1]
        flagged = predicted < OFF_TOPIC
        off = ~y_arr
        precision = (flagged & off).sum() / max(flagged.sum(), 1)
        recall = (flagged & off).sum() / max(off.sum(), 1)
        report_rows.append(
            [name, str(len(y)), str(int(off.sum())), f"{precision:.3f}", f"{recall:.3f}"]
        )
        lr.fit(x, y_arr)
        fitted[name] = [float(lr.intercept_[0]), *(float(w) for w in lr.coef_[0])]
    embedder.save()
    PATH.write_text(json.dumps(fitted, indent=2) + "\n", encoding="utf-8")
    model.cache_clear()
    report = "\n".join(
        [
            "Relevance model, 5-fold cross-validated by question (off_topic = probability < "
            f"{OFF_TOPIC}):",
            "",
            table(["model", "answers", "off topic", "precision", "recall"], report_rows),
            "",
            product_test(bank_data, questions),
            "",
        ]
    )
    print(report)
    write_report("relevance", report)


def product_test(bank_data: dict[str, dict[str, Any]], questions: dict[str, Question]) -> str:
    """Each bank question answered with another competency's strong example answer, and with
    its own, through the whole coach."""
    from coach import review

    rng = random.Random(1)
    ids = sorted(bank_data)
    wrong_flagged = own_flagged = 0
    wrong_scores = []
    for qid in ids:
        far = [o for o in ids if bank_data[o]["competency"] != bank_data[qid]["competency"]]
        other = rng.choice(far)
        fb = review(questions[qid], bank_data[other]["example_answer"])
        wrong_flagged += "off_topic" in fb.flag_codes
        wrong_scores.append(fb.overall)
        own = review(questions[qid], bank_data[qid]["example_answer"])
        own_flagged += "off_topic" in own.flag_codes
    return (
        f"Product test over {len(ids)} bank questions: another competency's strong example "
        f"answer flagged off_topic {wrong_flagged}/{len(ids)} (highest overall "
        f"{max(wrong_scores)}); the question's own strong example flagged {own_flagged}/{len(ids)}."
    )


if __name__ == "__main__":
    main()
