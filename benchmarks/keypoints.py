"""Talking points: does the coach mark the same points covered as an interviewer, with the same
sentence as evidence?

benchmarks/graded/keypoints.yaml labels, for graded answers, which of their question's talking
points an interviewer would tick and the sentence that says each best. Reports precision and
recall of the coach's "covered" marks, and how often its evidence span is the labelled sentence
(or overlaps it), for the points both call covered.

    .venv/bin/python -m benchmarks.keypoints
"""

from __future__ import annotations

from typing import Any

import yaml

from coach import review

from .common import ROOT, table, write_report
from .graded import SETS, load

LABELS = ROOT / "benchmarks" / "graded" / "keypoints.yaml"


def labelled() -> list[tuple[dict[str, Any], dict[int, str]]]:
    """Each labelled answer with its covered points and their evidence sentences."""
    labels = {
        a["id"]: {c["point"]: c["evidence"] for c in a["covered"] or []}
        for a in yaml.safe_load(LABELS.read_text(encoding="utf-8"))["answers"]
    }
    items = [item for name in SETS for item in load(name) if item["id"] in labels]
    return [(item, labels[item["id"]]) for item in items]


def main() -> None:
    tp = fp = fn = same = overlap = 0
    for item, covered in labelled():
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
    rows = [
        ["points the interviewer ticked", str(tp + fn)],
        ["points the coach marked covered", str(tp + fp)],
        ["precision / recall / F1", f"{precision:.2f} / {recall:.2f} / {f1:.2f}"],
        ["evidence is the labelled sentence (both covered)", f"{same / max(tp, 1):.2f}"],
        ["evidence overlaps the labelled sentence", f"{overlap / max(tp, 1):.2f}"],
    ]
    report = "\n".join(
        [
            f"{len(labelled())} answers with talking points labelled by an interviewer:",
            "",
            table(["measure", "value"], rows),
            "",
        ]
    )
    print(report)
    write_report("keypoints", report)


if __name__ == "__main__":
    main()
