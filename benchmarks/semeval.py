"""SemEval-2013 Task 7, 2-way (correct / incorrect), zero-shot on unseen questions and domains.

Each reference answer becomes an `example_answer` (key points by a mechanical split); an answer's
score is its best `coverage` over the question's references. One threshold is chosen on the
training answers (SciEntsBank and Beetle together) to maximise macro-F1, then applied unchanged to
the unseen-questions and unseen-domains test sets.

    .venv/bin/python -m benchmarks.semeval
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

from coach import review

from .common import SHARED, split_reference, table, write_report

ROOT = SHARED / "semeval2013_task7"


def read(folder: Path) -> list[tuple[float, int]]:
    """(score, label) for every student answer in every question file of `folder`."""
    out = []
    for path in sorted(folder.glob("*.xml")):
        question = ET.parse(path).getroot()
        text = question.findtext("questionText") or ""
        references = [r.text or "" for r in question.iter("referenceAnswer") if r.text]
        questions = [
            {"text": text, "key_points": split_reference(ref), "example_answer": ref}
            for ref in references
        ]
        for answer in question.iter("studentAnswer"):
            best = max(review(q, answer.text or "").criteria["coverage"] for q in questions)
            out.append((float(best), int(answer.get("accuracy") == "correct")))
    return out


def macro_f1(scored: list[tuple[float, int]], threshold: float) -> float:
    labels = [label for _, label in scored]
    predicted = [int(score >= threshold) for score, _ in scored]
    return float(f1_score(labels, predicted, average="macro"))


def main() -> None:
    train = read(ROOT / "training/2way/sciEntsBank") + read(ROOT / "training/2way/beetle")
    threshold = max(np.arange(0, 101, 1.0), key=lambda t: macro_f1(train, t))
    rows = [
        ["training (threshold chosen here)", str(len(train)), f"{macro_f1(train, threshold):.3f}"]
    ]
    for corpus, split in (
        ("sciEntsBank", "test-unseen-questions"),
        ("sciEntsBank", "test-unseen-domains"),
        ("beetle", "test-unseen-questions"),
    ):
        scored = read(ROOT / "test/2way" / corpus / split)
        share = float(np.mean([label for _, label in scored]))
        majority = max(share, 1 - share)
        rows.append(
            [
                f"{corpus} {split}",
                str(len(scored)),
                f"{macro_f1(scored, threshold):.3f} (majority-class accuracy {majority:.2f})",
            ]
        )
    report = "\n".join(
        [
            f"SemEval-2013 Task 7, 2-way, zero-shot `coverage` with one threshold "
            f"({threshold:.0f}/100) chosen on training.",
            "",
            table(["set", "answers", "macro-F1"], rows),
        ]
    )
    print(report)
    write_report("semeval", report)


if __name__ == "__main__":
    main()
