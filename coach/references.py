"""Graded answers to the bank's questions, as the coach compares a new answer with them.

Talking points say what an answer should cover; they do not say how interviewers judge the many
ways of covering it. The graded corpus does (benchmarks/corpus: answers by many differently
briefed authors, each graded 1-5 by interviewers who did not write it, with the flags they
raised). For each bank question the coach ships those answers as vectors, never their text
(coach/data/references.npz, built by benchmarks/references.py). A new answer to a bank question
is placed among its nearest graded answers: how interviewers graded them is one term of
`overall`, and the share of them an interviewer judged unsafe, with that interviewer's note,
backs the `unsafe_practice` flag. A question the bank does not know (one a user wrote) has no
references, and the coach scores it without this term.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

PATH = Path(__file__).resolve().parent / "data" / "references.npz"
# The nearest K graded answers count, weighted by a softmax of similarity at temperature TEMP
# (benchmarks/references.py compares K and TEMP by leaving each author batch out).
K, TEMP = 10, 0.05
# Fewer graded answers than this for a question, and its references say too little.
AT_LEAST = 8


@dataclass(frozen=True)
class Neighbours:
    """Where an answer sits among the graded answers to its question."""

    grade: float  # weighted mean grade of the nearest, 1..5
    unsafe: float  # weighted share of them that an interviewer judged unsafe
    off_topic: float  # ... judged to answer another question
    similarity: float  # to the nearest one
    count: int  # graded answers to this question
    unsafe_note: str  # the note of the nearest answer judged unsafe ("" when none near)

    @property
    def value(self) -> float:
        """The grade on 0..1, the term `overall` weighs."""
        return (self.grade - 1) / 4


class References:
    def __init__(self, path: Path = PATH) -> None:
        data = np.load(path, allow_pickle=False)
        self.model = str(data["model"])
        self.vectors = data["vectors"].astype(np.float32)
        self.grades = data["grades"].astype(np.float32)
        self.unsafe = data["unsafe"].astype(np.float32)
        self.off_topic = data["off_topic"].astype(np.float32)
        self.notes = [str(n) for n in data["notes"]]
        # Which author batch each answer came from: benchmarks leave a batch out with it.
        self.batches = data["batches"].astype(str) if "batches" in data else None
        questions = [str(q) for q in data["questions"]]
        self.rows: dict[str, np.ndarray] = {}
        for index, question in enumerate(questions):
            self.rows.setdefault(question, np.zeros(0, dtype=np.int64))
            self.rows[question] = np.append(self.rows[question], index)

    def near(
        self, question_id: str, vector: np.ndarray, model: str, without_batch: str = ""
    ) -> Neighbours | None:
        """The answer's neighbours among the graded answers to `question_id`, or None when
        there are too few or they were encoded by another model than the one in use.
        `without_batch` leaves one author batch out (for measuring, never in use)."""
        rows = self.rows.get(question_id)
        if rows is not None and without_batch and self.batches is not None:
            rows = rows[self.batches[rows] != without_batch]
        if rows is None or len(rows) < AT_LEAST or model != self.model:
            return None
        similarity = self.vectors[rows] @ vector
        order = np.argsort(-similarity, kind="stable")[:K]
        nearest, close = rows[order], similarity[order]
        weight = np.exp((close - close.max()) / TEMP)
        weight /= weight.sum()
        unsafe_rows = [int(r) for r, w in zip(nearest, weight, strict=True) if self.unsafe[r]]
        return Neighbours(
            grade=float(weight @ self.grades[nearest]),
            unsafe=float(weight @ self.unsafe[nearest]),
            off_topic=float(weight @ self.off_topic[nearest]),
            similarity=float(close[0]),
            count=len(rows),
            unsafe_note=self.notes[unsafe_rows[0]] if unsafe_rows else "",
        )


@cache
def references() -> References | None:
    """The shipped references, or None when the file is absent (a trimmed install)."""
    return References() if PATH.exists() else None
