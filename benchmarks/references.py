"""Build the coach's references (coach/data/references.npz) from the graded corpus, and measure
how well the nearest graded answers predict a new author's grades.

Each training answer of benchmarks/corpus/answers becomes one row: its question's id, the
answer's vector (the mean of its sentence vectors, as the coach computes it), the mean of its
graders' grades, whether a grader judged it unsafe or off the question, and that grader's note.
No answer text is shipped. The held-out sets (benchmarks/corpus/eval) are never read here.

The report leaves each author batch out in turn: every answer is placed among the graded answers
of the other batches only, so the figure is for an author the references have never seen.

    .venv/bin/python -m benchmarks.references          # build, write the npz, report
    .venv/bin/python -m benchmarks.references --check  # fail if the npz is out of date
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np

from coach.analysis import Analysis
from coach.bank import use_bank
from coach.embeddings import get_embedder
from coach.references import PATH, TEMP, References
from coach.types import FLAG_CODES, Question

from .common import cached_embedder, spearman, table, write_report
from .corpus import pairwise_by, training
from .graded import bank_questions

# Whose note a reference keeps: the grader who raised one of these first.
SINKING = ("unsafe_practice", "off_topic", "contradicts_guidance", "keyword_list")


def _note(item: dict[str, Any]) -> str:
    """The note of the grader who raised the gravest flag (in FLAG_CODES' order of the coach's
    sinking flags first), or "" when no grader raised one."""
    graders = list(item["graders"].values())
    for flag in (*SINKING, *FLAG_CODES):
        for grade in graders:
            if flag in grade.get("flags", []):
                return str(grade.get("note", ""))
    return ""


def rows(items: list[dict[str, Any]]) -> dict[str, np.ndarray]:
    embedder, _ = get_embedder()
    vectors = [
        Analysis.build(Question.from_dict(i["question"]), i["text"], embedder).answer_vector
        for i in items
    ]
    return {
        "model": np.array(embedder.name),
        "questions": np.array([i["question_id"] for i in items]),
        "vectors": np.vstack(vectors).astype(np.float16),
        "grades": np.array([i["grade"] for i in items], dtype=np.float16),
        "flag_codes": np.array(FLAG_CODES),
        "flags": np.array([[code in i["flags"] for code in FLAG_CODES] for i in items]),
        "notes": np.array([_note(i) for i in items]),
        "batches": np.array([i["batch"] for i in items]),
    }


def leave_batch_out(data: dict[str, np.ndarray], k: int, temp: float) -> np.ndarray:
    """Each answer's predicted grade from the graded answers of the other batches only."""
    vectors = data["vectors"].astype(np.float32)
    grades = data["grades"].astype(np.float32)
    predicted = np.full(len(grades), np.nan)
    for n in range(len(grades)):
        rows_ = np.flatnonzero(
            (data["questions"] == data["questions"][n]) & (data["batches"] != data["batches"][n])
        )
        if not len(rows_):
            continue
        similarity = vectors[rows_] @ vectors[n]
        order = np.argsort(-similarity, kind="stable")[:k]
        weight = np.exp((similarity[order] - similarity[order].max()) / temp)
        predicted[n] = float(weight @ grades[rows_[order]] / weight.sum())
    return predicted


def main() -> None:
    cached = cached_embedder()
    bank = bank_questions()
    use_bank(bank.values())
    items = training(bank)
    data = rows(items)
    cached.save()
    if "--check" in sys.argv:
        shipped = References()
        fresh = data["vectors"].astype(np.float32)
        if shipped.vectors.shape != fresh.shape or not np.allclose(
            shipped.vectors, fresh, atol=1e-3
        ):
            sys.exit(f"{PATH} is out of date: run python -m benchmarks.references")
        print(f"{PATH.name} matches the corpus.")
        return
    np.savez_compressed(PATH, **data)  # type: ignore[arg-type]  # (numpy stubs: **arrays)
    lines = []
    for k in (3, 5, 10, 15):
        for temp in (0.02, TEMP, 0.1):
            predicted = leave_batch_out(data, k, temp)
            # Questions answered by one batch only have no references once it is left out.
            known = [n for n, p in enumerate(predicted) if not np.isnan(p)]
            scored = [items[n] for n in known]
            truth = [scored_item["grade"] for scored_item in scored]
            guess = [float(predicted[n]) for n in known]
            lines.append(
                [
                    str(k),
                    f"{temp:g}",
                    f"{spearman(guess, truth):.3f} / {pairwise_by(scored, guess, truth):.3f}",
                ]
            )
    length = [float(len(i["text"].split())) for i in scored]
    lines.append(
        ["length", "", f"{spearman(length, truth):.3f} / {pairwise_by(scored, length, truth):.3f}"]
    )
    report = "\n".join(
        [
            f"References: {len(items)} graded answers to {len(set(data['questions']))} bank "
            "questions. Each answer's grade predicted from its nearest graded answers by the "
            "other author batches (Spearman / within-question pairwise; answers to questions "
            f"that only one batch answered are left out: {len(items) - len(scored)}):",
            "",
            table(["nearest", "temperature", "leave-batch-out"], lines),
            "",
        ]
    )
    print(report)
    write_report("references", report)


if __name__ == "__main__":
    main()
