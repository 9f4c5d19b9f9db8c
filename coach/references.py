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

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

PATH = Path(__file__).resolve().parent / "data" / "references.npz"
# The nearest K graded answers count, weighted by a softmax of similarity at temperature TEMP
# (benchmarks/references.py compares K and TEMP by leaving each author batch out).
K, TEMP = 10, 0.05
# Fewer graded answers than this for a question, and its references say too little.
AT_LEAST = 8


# The author batch every lookup leaves out while set (benchmarks only: a graded answer must not
# find itself and its own batch among its references, or its own grade and flags leak in).
_LEFT_OUT: ContextVar[str] = ContextVar("references_left_out", default="")


@contextmanager
def leaving_out(batch: str) -> Iterator[None]:
    """Within this block every lookup leaves `batch` out (for measuring, never in use)."""
    token = _LEFT_OUT.set(batch)
    try:
        yield
    finally:
        _LEFT_OUT.reset(token)


@dataclass(frozen=True)
class Neighbours:
    """Where an answer sits among the graded answers to its question."""

    grade: float  # weighted mean grade of the nearest, 1..5
    similarity: float  # to the nearest one
    count: int  # graded answers to this question
    # flag code -> the weighted share of the nearest that an interviewer raised it on
    flags: Mapping[str, float] = field(default_factory=dict)
    # flag code -> the note of the nearest answer an interviewer raised it on
    notes: Mapping[str, str] = field(default_factory=dict)
    # flag code -> which way an answer moves when it reads more like the nearest graded answers
    # that raised the flag than like those that did not (unit vector; absent when the nearest
    # are all one or the other)
    towards: Mapping[str, np.ndarray] = field(default_factory=dict)
    # flag code -> similarity to the nearest answer an interviewer raised it on
    closest: Mapping[str, float] = field(default_factory=dict)

    @property
    def value(self) -> float:
        """The grade on 0..1, the term `overall` weighs."""
        return (self.grade - 1) / 4

    def share(self, code: str) -> float:
        return self.flags.get(code, 0.0)

    @property
    def unsafe(self) -> float:
        return self.share("unsafe_practice")


class References:
    def __init__(self, path: Path = PATH) -> None:
        data = np.load(path, allow_pickle=False)
        self.model = str(data["model"])
        self.vectors = data["vectors"].astype(np.float32)
        self.grades = data["grades"].astype(np.float32)
        if "flags" in data:
            self.codes = tuple(str(c) for c in data["flag_codes"])
            self.flags = data["flags"].astype(np.float32)
        else:  # references built before every flag was kept
            self.codes = ("unsafe_practice", "off_topic")
            self.flags = np.stack([data["unsafe"], data["off_topic"]], axis=1).astype(np.float32)
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
        without_batch = without_batch or _LEFT_OUT.get()
        if rows is not None and without_batch and self.batches is not None:
            rows = rows[self.batches[rows] != without_batch]
        if rows is None or len(rows) < AT_LEAST or model != self.model:
            return None
        similarity = self.vectors[rows] @ vector
        order = np.argsort(-similarity, kind="stable")[:K]
        nearest, close = rows[order], similarity[order]
        weight = np.exp((close - close.max()) / TEMP)
        weight /= weight.sum()
        shares = weight @ self.flags[nearest]
        notes, towards, closest = {}, {}, {}
        for j, code in enumerate(self.codes):
            raised = self.flags[nearest, j] > 0
            if not raised.any():
                continue
            notes[code] = self.notes[int(nearest[raised][0])]
            closest[code] = float(close[raised].max())
            if raised.all():
                continue
            way = self.vectors[nearest[raised]].mean(0) - self.vectors[nearest[~raised]].mean(0)
            towards[code] = way / max(float(np.linalg.norm(way)), 1e-9)
        return Neighbours(
            grade=float(weight @ self.grades[nearest]),
            similarity=float(close[0]),
            count=len(rows),
            flags={code: float(v) for code, v in zip(self.codes, shares, strict=True)},
            notes=notes,
            towards=towards,
            closest=closest,
        )


@cache
def references() -> References | None:
    """The shipped references, or None when the file is absent (a trimmed install)."""
    return References() if PATH.exists() else None
