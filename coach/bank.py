"""The question bank, as the coach compares answers with it.

An answer is about its question when it is closer to that question (its text, talking points and
example answers) than to the other questions of the bank. The web app and the command line hand
the coach their bank once (`use_bank`); the coach never reads the web app's database. Without a
bank the coach judges relevance against the answer's own question alone.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .embeddings import Embedder
from .types import Question

# Bank questions whose text is this close to the question asked are the same question in other
# words (three roles ask "How do you handle the emotional demands?"): never "another topic". A
# question a user wrote themselves is the same as a bank question from a lower similarity: it
# is most often a bank question put in their own words.
SAME_QUESTION, SAME_AS_OWN = 0.85, 0.7


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


# Kinds of target vectors.
TEXT, POINT, EXAMPLE = 0, 1, 2


@dataclass(frozen=True)
class Targets:
    """What questions are about, as one matrix: for each question (in order) its text, then its
    talking points, then its example answers; `starts` gives where each question's rows begin."""

    matrix: np.ndarray  # (rows, d)
    kinds: np.ndarray  # (rows,) TEXT, POINT or EXAMPLE
    starts: np.ndarray  # (questions,)

    @classmethod
    def build(cls, groups: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> Targets:
        """From (text (d,), points (k, d), examples (e, d)) per question."""
        rows: list[np.ndarray] = []
        kinds: list[int] = []
        starts: list[int] = []
        for text, points, examples in groups:
            starts.append(sum(len(r) for r in rows))
            rows += [text[None, :], points, examples]
            kinds += [TEXT] + [POINT] * len(points) + [EXAMPLE] * len(examples)
        return cls(np.vstack(rows), np.array(kinds), np.array(starts, dtype=np.int64))

    @property
    def texts(self) -> np.ndarray:
        return self.matrix[self.starts]


def encode_targets(
    question: Question, embedder: Embedder
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    examples = [e for e in (question.example_answer, *question.other_examples) if e]
    codes = embedder.encode([question.text, *question.key_points, *examples])
    vectors = np.vstack([c.vector for c in codes])
    k = len(question.key_points)
    return vectors[0], vectors[1 : 1 + k], vectors[1 + k :]


class Bank:
    def __init__(self, questions: Iterable[Question | dict[str, Any]]) -> None:
        self.questions = [
            q if isinstance(q, Question) else Question.from_dict(q) for q in questions
        ]
        self._by_text = {_normal(q.text): i for i, q in enumerate(self.questions)}
        self._by_id = {q.id: i for i, q in enumerate(self.questions) if q.id}
        self._encoded: dict[str, Targets] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.questions)

    def find(self, question: Question) -> int | None:
        """The bank's index of `question` (by id, else by its text), or None."""
        if question.id and question.id in self._by_id:
            return self._by_id[question.id]
        return self._by_text.get(_normal(question.text))

    def targets(self, embedder: Embedder) -> Targets:
        """Every question's targets (encoded once per embedder)."""
        with self._lock:
            found = self._encoded.get(embedder.name)
        if found is not None:
            return found
        built = Targets.build([encode_targets(q, embedder) for q in self.questions])
        with self._lock:
            self._encoded[embedder.name] = built
        return built

    def others(
        self, question: Question, question_vector: np.ndarray, embedder: Embedder
    ) -> list[int]:
        """Indexes of bank questions on other topics than `question`."""
        texts = self.targets(embedder).texts
        own = self.find(question)
        same = SAME_QUESTION if own is not None else SAME_AS_OWN
        similar = texts @ question_vector
        return [i for i in range(len(self)) if i != own and float(similar[i]) < same]


_bank: Bank | None = None
_bank_lock = threading.Lock()


def use_bank(questions: Iterable[Question | dict[str, Any]] | None) -> Bank | None:
    """Make `questions` the bank every review compares with (None: no bank)."""
    global _bank
    bank = Bank(questions) if questions is not None else None
    with _bank_lock:
        _bank = bank
    return bank


def current_bank() -> Bank | None:
    with _bank_lock:
        return _bank
