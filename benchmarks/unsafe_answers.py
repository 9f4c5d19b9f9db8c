"""Train the answer-level unsafe reading (coach/data/unsafe_answers.npz) on the graded corpus,
and measure it by leaving each author batch out.

Interviewers flag an answer as unsafe, not a sentence. The reading is a sentence probe trained as
multiple-instance learning on those answer labels: a first fit takes every sentence of a flagged
answer as unsafe and every sentence of the other answers as safe; each next fit keeps, of every
flagged answer, only the sentence the previous fit found most unsafe (the one the interviewer
flagged, most likely). The bank's own example answers, checked by reviewers, are safe too. An
answer reads as unsafe as its most unsafe sentence. The held-out sets
(benchmarks/corpus/eval) are never read here.

    .venv/bin/python -m benchmarks.unsafe_answers
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

from coach.embeddings import MODEL_SHA256, get_embedder
from coach.safety import ANSWER_AT, ANSWER_UNSURE_AT, ANSWERS_PATH
from coach.text import clean, sentences

from .common import cached_embedder, table, write_report
from .corpus import training
from .graded import bank_questions

# Regularisation and refits, chosen by the leave-batch-out figures below (C 0.3 to 3 and 0 or 2
# refits were compared; 0.3 with 2 refits ranked flagged answers best).
C, REFITS = 0.3, 2
# How much each sentence of the bank's example answers weighs as safe against one of a graded
# answer (1, 5 and 20 were compared: at 20 no strong example reads as unsafe, and precision
# falls from about 0.48 to 0.32 while recall rises from 0.13 to 0.19 at 0.95).
SAFE_WEIGHT = 20.0


def sentence_vectors(items: list[dict[str, Any]]) -> list[np.ndarray]:
    embedder, _ = get_embedder()
    out = []
    for item in items:
        texts = [s.text for s in sentences(clean(item["text"]))] or [item["text"]]
        out.append(np.vstack([c.vector for c in embedder.encode(texts)]))
    return out


def _fit(x: list[np.ndarray], y: list[int], safe: list[np.ndarray]) -> LogisticRegression:
    """One fit on `x` (labels `y`) and on the known-safe sentences, weighted SAFE_WEIGHT."""
    rows = sum(len(b) for b in x)
    known = sum(len(b) for b in safe)
    weight = np.concatenate([np.ones(rows), np.full(known, SAFE_WEIGHT)])
    model = LogisticRegression(C=C, max_iter=2000, class_weight="balanced")
    return model.fit(np.vstack([*x, *safe]), [*y, *([0] * known)], sample_weight=weight)


def train(
    bags: list[np.ndarray], flagged: np.ndarray, safe: list[np.ndarray]
) -> LogisticRegression:
    """`bags`: each answer's sentence vectors; `flagged`: whether a grader judged it unsafe;
    `safe`: sentence vectors of answers known to be safe (the bank's examples)."""
    x: list[np.ndarray] = list(bags)
    y = [int(f) for bag, f in zip(bags, flagged, strict=True) for _ in range(len(bag))]
    model = _fit(x, y, safe)
    for _ in range(REFITS):
        x, y = [], []
        for bag, f in zip(bags, flagged, strict=True):
            if f:
                x.append(bag[[int(np.argmax(model.predict_proba(bag)[:, 1]))]])
                y.append(1)
            else:
                x.append(bag)
                y += [0] * len(bag)
        model = _fit(x, y, safe)
    return model


def answer_scores(model: LogisticRegression, bags: list[np.ndarray]) -> np.ndarray:
    return np.array([float(model.predict_proba(bag)[:, 1].max()) for bag in bags])


def main() -> None:
    cached = cached_embedder()
    bank = bank_questions()
    items = training(bank)
    bags = sentence_vectors(items)
    examples = [
        {"text": text}
        for q in bank.values()
        for text in (q["example_answer"], *q.get("other_examples", []))
        if text
    ]
    safe = sentence_vectors(examples)
    cached.save()
    flagged = np.array(["unsafe_practice" in i["flags"] for i in items])
    batch = np.array([i["batch"] for i in items])
    predicted = np.zeros(len(items))
    for name in sorted(set(batch)):
        keep = np.flatnonzero(batch != name)
        model = train([bags[k] for k in keep], flagged[keep], safe)
        out = np.flatnonzero(batch == name)
        predicted[out] = answer_scores(model, [bags[k] for k in out])
    rows = []
    for at in sorted({0.8, ANSWER_UNSURE_AT, ANSWER_AT, 0.98}):
        raised = predicted >= at
        hits = int((raised & flagged).sum())
        rows.append(
            [
                f"{at:g}",
                str(int(raised.sum())),
                f"{hits / max(int(raised.sum()), 1):.2f}",
                f"{hits / max(int(flagged.sum()), 1):.2f}",
            ]
        )
    shipped = train(bags, flagged, safe)
    np.savez_compressed(
        ANSWERS_PATH,
        model_sha256=np.array(MODEL_SHA256),
        weights=shipped.coef_[0].astype(np.float32),
        bias=np.array(float(shipped.intercept_[0])),
    )
    report = "\n".join(
        [
            f"Answer-level unsafe reading: {len(items)} graded answers, {int(flagged.sum())} "
            "flagged unsafe by a grader. Each author batch left out in turn: ROC AUC "
            f"{roc_auc_score(flagged, predicted):.3f}, average precision "
            f"{average_precision_score(flagged, predicted):.3f} (a random reading: "
            f"{flagged.mean():.3f}).",
            "",
            table(["from", "answers flagged", "precision", "recall"], rows),
            "",
        ]
    )
    print(report)
    write_report("unsafe_answers", report)


if __name__ == "__main__":
    main()
