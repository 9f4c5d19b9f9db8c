"""The graded corpus: answers by many differently briefed authors, graded by separate graders.

    benchmarks/corpus/answers/<batch>.jsonl     {id, question_id, author, voice, text}: training
    benchmarks/corpus/grades/<batch>.<G>.jsonl  grader G's {id, grade 1-5, flags, note}
    benchmarks/corpus/grades/<batch>-sub.<G>.jsonl  a second grader on a subset (for agreement)
    benchmarks/corpus/eval/<set>.jsonl          held-out sets by authors with other briefs, each
    benchmarks/corpus/eval/<set>.<G>.jsonl      graded by two graders; never fitted or tuned on

No author grades their own answers and no grader sees another's grades (docs/benchmarks.md says
who wrote and graded what). An answer's grade is the mean of its graders'; its expected flags are
those any of its graders raised.

    .venv/bin/python -m benchmarks.corpus      # counts per batch, and the graders' agreement
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

from .common import ROOT, spearman, table, write_report

CORPUS = ROOT / "benchmarks" / "corpus"


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def grades_for(folder: Path, batch: str) -> dict[str, dict[str, dict[str, Any]]]:
    """answer id -> grader -> its grade line, from every grade file of `batch` in `folder`."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for path in sorted(folder.glob(f"{batch}.*.jsonl")) + sorted(
        folder.glob(f"{batch}-sub.*.jsonl")
    ):
        grader = path.name.split(".")[-2]
        for row in _read(path):
            found.setdefault(row["id"], {})[grader] = row
    return found


def load_batch(folder: Path, batch: str, bank: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The graded answers of `batch`, each with its question, grade, flags and graders."""
    answers = _read(folder / f"{batch}.jsonl")
    graded = grades_for(CORPUS / "grades" if folder.name == "answers" else folder, batch)
    items = []
    for answer in answers:
        by = graded.get(answer["id"], {})
        if not by:
            continue
        grades = [float(g["grade"]) for g in by.values()]
        items.append(
            {
                **answer,
                "batch": batch,
                "question": bank[answer["question_id"]],
                "grade": sum(grades) / len(grades),
                "flags": sorted({f for g in by.values() for f in g.get("flags", [])}),
                "graders": {name: g for name, g in by.items()},
                "kind": answer.get("voice", ""),
            }
        )
    return items


def batches(kind: str) -> list[str]:
    folder = CORPUS / kind
    return sorted(p.stem for p in folder.glob("*.jsonl") if "." not in p.stem)


def training(bank: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [i for b in batches("answers") for i in load_batch(CORPUS / "answers", b, bank)]


def held_out(name: str, bank: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return load_batch(CORPUS / "eval", name, bank)


def agreement(items: list[dict[str, Any]]) -> list[list[str]]:
    """Per pair of graders who graded the same answers: how many, Spearman, exact and within-one
    agreement, and the within-question pairwise ordering of one grader by the other."""
    names = sorted({g for i in items for g in i["graders"]})
    rows = []
    for a, b in combinations(names, 2):
        both = [i for i in items if a in i["graders"] and b in i["graders"]]
        if len(both) < 10:
            continue
        x = [float(i["graders"][a]["grade"]) for i in both]
        y = [float(i["graders"][b]["grade"]) for i in both]
        exact = sum(p == q for p, q in zip(x, y, strict=True)) / len(both)
        near = sum(abs(p - q) <= 1 for p, q in zip(x, y, strict=True)) / len(both)
        rows.append(
            [
                f"{a} / {b}",
                str(len(both)),
                f"{spearman(x, y):.3f}",
                f"{pairwise_by(both, x, y):.3f}",
                f"{exact:.2f}",
                f"{near:.2f}",
            ]
        )
    return rows


def pairwise_by(items: list[dict[str, Any]], predicted: list[float], truth: list[float]) -> float:
    """Share of same-question pairs that `truth` orders which `predicted` orders the same way."""
    right = total = 0.0
    by_question: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        by_question.setdefault(item["question_id"], []).append(index)
    for indices in by_question.values():
        for a, b in combinations(indices, 2):
            if truth[a] == truth[b]:
                continue
            total += 1
            diff = (predicted[a] - predicted[b]) * (truth[a] - truth[b])
            right += 1.0 if diff > 0 else 0.5 if diff == 0 else 0.0
    return right / total if total else float("nan")


AGREEMENT_HEADERS = ["graders", "answers", "Spearman", "pairwise", "exact", "within one"]


def main() -> None:
    from .graded import bank_questions

    bank = bank_questions()
    lines = ["Graded corpus:", ""]
    rows = []
    groups = [("answers", b, load_batch(CORPUS / "answers", b, bank)) for b in batches("answers")]
    groups += [("eval", b, held_out(b, bank)) for b in batches("eval")]
    for kind, name, items in groups:
        authors = len({i["author"] for i in items})
        grades = dict(sorted(Counter(round(i["grade"]) for i in items).items()))
        graders = ", ".join(sorted({g for i in items for g in i["graders"]}))
        rows.append([kind, name, str(len(items)), str(authors), graders, str(grades)])
    lines += [table(["use", "batch", "answers", "authors", "graders", "grades"], rows), ""]
    agree = [[name, *row] for _, name, items in groups for row in agreement(items)]
    lines += ["Graders' agreement where two graded the same answers:", ""]
    lines += [table(["batch", *AGREEMENT_HEADERS], agree), ""]
    report = "\n".join(lines)
    print(report)
    write_report("corpus", report)


if __name__ == "__main__":
    main()
