"""The guard's question tables (`cases.yaml`, `heldout.yaml`) and their scores: shared by the
tests and `benchmarks/guard.py`, so both measure the same thing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .check import check

HERE = Path(__file__).parent
TABLES = {"cases": HERE / "cases.yaml", "heldout": HERE / "heldout.yaml"}


@dataclass(frozen=True)
class Case:
    question: str
    lawful: bool
    topics: frozenset[str]
    jurisdiction: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Score:
    """Unlawful is the positive class: precision is how often a flag is right, recall how many
    unlawful questions are caught. `topic_hits` counts flagged unlawful questions that name every
    expected topic."""

    cases: int
    true_pos: int
    false_pos: int
    false_neg: int
    topic_hits: int

    @property
    def precision(self) -> float:
        flagged = self.true_pos + self.false_pos
        return self.true_pos / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        unlawful = self.true_pos + self.false_neg
        return self.true_pos / unlawful if unlawful else 1.0


def read_table(name: str) -> list[Case]:
    rows = yaml.safe_load(TABLES[name].read_text(encoding="utf-8"))["cases"]
    return [
        Case(
            question=row["q"],
            lawful=row["lawful"],
            topics=frozenset(row.get("topics", [])),
            jurisdiction=row.get("jurisdiction"),
            role=row.get("role"),
        )
        for row in rows
    ]


def score(cases: list[Case]) -> tuple[Score, list[tuple[Case, bool, set[str]]]]:
    """The table's score and its mistakes (case, verdict's lawful, topics found)."""
    tp = fp = fn = topic_hits = 0
    mistakes = []
    for case in cases:
        verdict = check(case.question, jurisdiction=case.jurisdiction, role=case.role)
        found = {hit.topic for hit in verdict.topics}
        flagged, unlawful = not verdict.lawful, not case.lawful
        tp += flagged and unlawful
        fp += flagged and not unlawful
        fn += unlawful and not flagged
        topic_hits += flagged and unlawful and case.topics <= found
        if flagged != unlawful or (unlawful and not case.topics <= found):
            mistakes.append((case, verdict.lawful, found))
    return Score(len(cases), tp, fp, fn, topic_hits), mistakes
