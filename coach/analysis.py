"""Everything the criteria read, computed once per review: sentences, words, encodings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from .embeddings import Embedder, Encoded
from .probes import probe
from .text import FUNCTION_WORDS, Sentence, clean, sentences, words
from .types import Question

BEHAVIOURAL_OPENERS = re.compile(
    r"^\s*(?:tell me about|describe|give (?:me )?an example|can you (?:share|describe|tell)|"
    r"share (?:an|a time)|talk (?:me )?(?:through|about) a time|walk me through a time)",
    re.IGNORECASE,
)
SITUATIONAL_OPENERS = re.compile(
    r"^\s*(?:what would you do|how would you|imagine|if you|suppose|what steps would)",
    re.IGNORECASE,
)


def question_type(question: Question) -> str:
    """The question's type, or a best guess from its wording when none is given."""
    if question.type in ("behavioural", "behavioral"):
        return "behavioural"
    if question.type in ("situational", "technical", "motivation"):
        return question.type
    if BEHAVIOURAL_OPENERS.search(question.text) or "a time when" in question.text.lower():
        return "behavioural"
    if SITUATIONAL_OPENERS.search(question.text):
        return "situational"
    return "general"


@dataclass
class Analysis:
    question: Question
    answer: str
    sentences: list[Sentence]
    sentence_codes: list[Encoded]
    question_code: Encoded
    key_point_codes: list[Encoded]
    example_code: Encoded | None
    embedder: Embedder
    _probed: dict[str, np.ndarray | None] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, question: Question, answer: str, embedder: Embedder) -> Analysis:
        answer = clean(answer)
        parts = sentences(answer)
        texts = [s.text for s in parts] + [question.text, *question.key_points]
        if question.example_answer:
            texts.append(question.example_answer)
        codes = embedder.encode(texts)
        n, k = len(parts), len(question.key_points)
        return cls(
            question=question,
            answer=answer,
            sentences=parts,
            sentence_codes=codes[:n],
            question_code=codes[n],
            key_point_codes=codes[n + 1 : n + 1 + k],
            example_code=codes[n + 1 + k] if question.example_answer else None,
            embedder=embedder,
        )

    @cached_property
    def type(self) -> str:
        return question_type(self.question)

    @cached_property
    def words(self) -> list[str]:
        return words(self.answer)

    @cached_property
    def lower(self) -> str:
        return self.answer.lower()

    @property
    def word_count(self) -> int:
        return len(self.words)

    @cached_property
    def function_word_ratio(self) -> float:
        if not self.words:
            return 0.0
        return sum(w.lower() in FUNCTION_WORDS for w in self.words) / len(self.words)

    @cached_property
    def sentence_matrix(self) -> np.ndarray:
        if not self.sentence_codes:
            return np.zeros((0, self.question_code.vector.shape[0]), dtype=np.float32)
        return np.vstack([c.vector for c in self.sentence_codes])

    @cached_property
    def self_similarity(self) -> np.ndarray:
        """Every sentence against every other (cosine), for repetition."""
        return self.sentence_matrix @ self.sentence_matrix.T

    @cached_property
    def answer_vector(self) -> np.ndarray:
        """The whole answer: the normalised mean of its sentence vectors (no length limit)."""
        if not len(self.sentence_matrix):
            return np.zeros_like(self.question_code.vector)
        mean = self.sentence_matrix.mean(axis=0)
        return mean / max(float(np.linalg.norm(mean)), 1e-9)

    @cached_property
    def answer_tokens(self) -> np.ndarray:
        rows = [c.token_vectors for c in self.sentence_codes if len(c.token_vectors)]
        if not rows:
            return np.zeros((0, self.question_code.vector.shape[0]), dtype=np.float32)
        return np.vstack(rows)

    @cached_property
    def token_owner(self) -> np.ndarray:
        """For each row of answer_tokens, the index of its sentence."""
        owners = [i for i, c in enumerate(self.sentence_codes) for _ in range(len(c.token_vectors))]
        return np.array(owners, dtype=np.int64)

    @cached_property
    def question_tokens(self) -> frozenset[str]:
        return frozenset(t.lower() for t in self.question_code.tokens)

    def token_recall(self, code: Encoded) -> tuple[float, np.ndarray]:
        """How much of `code`'s content the answer says, token by token (soft recall).

        Returns the recall and, per answer sentence, how many of its tokens were the best match.
        Tokens that merely repeat the question count less: saying the question back is not content.
        """
        votes = np.zeros(len(self.sentences), dtype=np.float32)
        if not len(code.token_vectors) or not len(self.answer_tokens):
            return 0.0, votes
        similarity = code.token_vectors @ self.answer_tokens.T
        best = similarity.max(axis=1)
        weights = np.array(
            [0.4 if t.lower() in self.question_tokens else 1.0 for t in code.tokens],
            dtype=np.float32,
        )
        np.add.at(votes, self.token_owner[similarity.argmax(axis=1)], weights * best)
        return float((best * weights).sum() / weights.sum()), votes

    def probe(self, name: str) -> np.ndarray | None:
        """Per sentence, the probability from the named sentence probe (coach.probes); None with
        the word-overlap fallback or without the trained probes."""
        if name not in self._probed:
            found = probe(name) if self.embedder.semantic else None
            self._probed[name] = None if found is None else found.probability(self.sentence_matrix)
        return self._probed[name]

    def sentence_similarity(self, vector: np.ndarray) -> np.ndarray:
        return self.sentence_matrix @ vector if len(self.sentence_matrix) else np.zeros(0)
