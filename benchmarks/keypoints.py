"""Talking points: does the coach mark the same points covered as an interviewer, with the same
sentence as evidence?

benchmarks/graded/keypoints*.yaml label, for graded answers, which of their question's talking
points an interviewer would tick and the sentence that says each best. Reports precision and
recall of the coach's "covered" marks, and how often its evidence span is the labelled sentence
(or overlaps it), for the points both call covered. The first file's labels set the coach's
covered threshold and evidence choice; the second, by another labeller on other answers, was
scored once afterwards.

    .venv/bin/python -m benchmarks.keypoints
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from coach import review

from .common import ROOT, table, write_report
from .graded import SETS, load

LABELS = {
    "tuned on (development, set-5)": ROOT / "benchmarks" / "graded" / "keypoints.yaml",
    "scored once (set-6, blind-9)": ROOT / "benchmarks" / "graded" / "keypoints2.yaml",
}


def labelled(path: Path) -> list[tuple[dict[str, Any], dict[int, str]]]:
    """Each labelled answer with its covered points and their evidence sentences."""
    labels = {
        a["id"]: {c["point"]: c["evidence"] for c in a["covered"] or []}
        for a in yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]
    }
    items = [item for name in SETS for item in load(name) if item["id"] in labels]
    return [(item, labels[item["id"]]) for item in items]


def measure(path: Path) -> list[str]:
    tp = fp = fn = same = overlap = 0
    answers = labelled(path)
    for item, covered in answers:
        feedback = review(item["question"], item["text"])
        for point in feedback.key_points:
            wanted = covered.get(point.index)
            if point.covered and wanted is not None:
                tp += 1
                evidence = point.evidence.text if point.evidence else ""
                same += evidence.strip() == wanted.strip()
                overlap += bool(evidence) and (evidence in wanted or wanted in evidence)
            elif point.covered:
                fp += 1
            elif wanted is not None:
                fn += 1
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return [
        str(len(answers)),
        f"{tp + fn} / {tp + fp}",
        f"{precision:.2f} / {recall:.2f} / {f1:.2f}",
        f"{same / max(tp, 1):.2f}",
        f"{overlap / max(tp, 1):.2f}",
    ]


def main() -> None:
    rows = [[name, *measure(path)] for name, path in LABELS.items() if path.exists()]
    headers = [
        "labels",
        "answers",
        "points ticked / marked covered",
        "precision / recall / F1",
        "evidence is the labelled sentence",
        "evidence overlaps it",
    ]
    report = "\n".join(
        [
            "Talking points an interviewer ticked, against the coach's covered marks (evidence: "
            "for points both call covered):",
            "",
            table(headers, rows),
            "",
        ]
    )
    print(report)
    write_report("keypoints", report)


if __name__ == "__main__":
    main()
