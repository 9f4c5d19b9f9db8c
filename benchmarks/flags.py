"""Choose the thresholds of `off_topic` and `unsafe_practice` on the training corpus.

Precision and recall against the flags the corpus's graders raised, over a grid of thresholds,
on the training corpus only (benchmarks/corpus/answers): the held-out sets are never read.

    .venv/bin/python -m benchmarks.flags
"""

from __future__ import annotations

from itertools import product

from coach.analysis import Analysis
from coach.bank import use_bank
from coach.relevance import relevance
from coach.safety import readings
from coach.types import Question

from .common import cached_embedder, table, write_report
from .corpus import training
from .graded import bank_questions


def pr(raised: list[bool], expected: list[bool]) -> tuple[float, float, float]:
    tp = sum(r and e for r, e in zip(raised, expected, strict=True))
    precision = tp / max(sum(raised), 1)
    recall = tp / max(sum(expected), 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def main() -> None:
    embedder = cached_embedder()
    bank = bank_questions()
    use_bank(bank.values())
    items = training(bank)
    read, related = [], []
    for item in items:
        analysis = Analysis.build(Question.from_dict(item["question"]), item["text"], embedder)
        read.append(readings(analysis))
        related.append(relevance(analysis).probability if analysis.words else 1.0)
    embedder.save()
    lines = []
    unsafe = ["unsafe_practice" in i["flags"] for i in items]
    rows = []
    for at, question_at, margin in product(
        (0.6, 0.7, 0.8, 0.9), (0.4, 0.5, 0.6), (-0.05, 0.0, 0.05)
    ):
        raised = [any(r.unsafe(at, question_at, margin) for r in rs) for rs in read]
        p, r, f = pr(raised, unsafe)
        rows.append([f"{at}", f"{question_at}", f"{margin}", f"{p:.2f}", f"{r:.2f}", f"{f:.2f}"])
    rows.sort(key=lambda row: -float(row[-1]))
    lines += [f"unsafe_practice ({sum(unsafe)} of {len(items)} answers):", ""]
    lines += [table(["AT", "QUESTION_AT", "MARGIN", "precision", "recall", "F1"], rows[:12]), ""]
    off = ["off_topic" in i["flags"] for i in items]
    rows = []
    for cut in (0.3, 0.4, 0.5, 0.6, 0.7):
        p, r, f = pr([v < cut for v in related], off)
        rows.append([f"{cut}", f"{p:.2f}", f"{r:.2f}", f"{f:.2f}"])
    lines += [f"off_topic ({sum(off)} of {len(items)} answers):", ""]
    lines += [table(["OFF_TOPIC", "precision", "recall", "F1"], rows), ""]
    report = "\n".join(lines)
    print(report)
    write_report("flags", report)


if __name__ == "__main__":
    main()
