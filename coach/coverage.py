"""Coverage: which talking points the answer addresses, in other words or its own, and where."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .analysis import Analysis
from .types import KeyPointResult

# Token recall and sentence similarity of a talking point, mixed (token recall carries the
# detail; the sentence similarity catches paraphrase with other words).
TOKEN_WEIGHT = 0.7
# A mix at FLOOR or below scores nothing, at CEILING or above full marks; chosen on Mohler
# assignments 1-2 (benchmarks/mohler.py), where the linear middle keeps the ordering of answers.
FLOOR, CEILING = 0.1, 0.8
# The mix at which a talking point counts as said (and gets an evidence span): chosen on the
# talking points an interviewer ticked in 144 graded answers (benchmarks/keypoints.py), where it
# gives the best F1 (0.66; 0.60 at the earlier 0.42).
COVERED_AT = 0.38
STAR_POINT = re.compile(r"\bSTAR\b|situation,? task,? action,? (?:and )?result", re.IGNORECASE)


@dataclass(frozen=True)
class Coverage:
    score: float  # 0..1
    key_points: list[KeyPointResult]
    relevance: float  # the answer's similarity to the question itself, -1..1
    sentence_relevance: np.ndarray  # per sentence: its best similarity to the question's content
    focus: float  # how much of what the answer says is about the question (token precision)


def scale(value: float, floor: float = FLOOR, ceiling: float = CEILING) -> float:
    return float(np.clip((value - floor) / (ceiling - floor), 0.0, 1.0))


def coverage(analysis: Analysis, star_parts: int) -> Coverage:
    relevance = float(analysis.answer_vector @ analysis.question_code.vector)
    targets = [analysis.question_code.vector] + [c.vector for c in analysis.key_point_codes]
    if analysis.example_code is not None:
        targets.append(analysis.example_code.vector)
    # Every sentence against the question, each talking point and the example, in one product.
    similarity = analysis.sentence_matrix @ np.vstack(targets).T
    per_sentence = similarity.max(axis=1) if len(similarity) else np.zeros(0)
    results = [
        _key_point(analysis, index, star_parts, similarity[:, 1 + index])
        for index in range(len(analysis.key_point_codes))
    ]
    parts: list[float] = []
    if results:
        parts.append(checklist(results))
    if analysis.example_code is not None:
        recall, _ = analysis.token_recall(analysis.example_code)
        parts.append(scale(recall))
    if not parts:
        # A question with only a text: judge topical relevance to the question itself.
        parts.append(scale(relevance, 0.15, 0.6))
    weights = [0.75, 0.25] if len(parts) == 2 else [1.0]
    score = float(np.dot(parts, weights))
    return Coverage(score, results, relevance, per_sentence, _focus(analysis))


# A covered talking point earns from COVERED_SHARE to all of its share by how strongly it is said;
# a missing one at most (1 - COVERED_SHARE) of it, so coverage agrees with the checklist shown:
# four of five points covered is never below 4 x 0.5 / 5 = 40 from the points.
COVERED_SHARE = 0.5


def checklist(results: list[KeyPointResult]) -> float:
    """0..1 from the talking points: each covered one counts for most of its share."""
    earned = [
        COVERED_SHARE + (1 - COVERED_SHARE) * r.similarity
        if r.covered
        else (1 - COVERED_SHARE) * r.similarity
        for r in results
    ]
    return float(np.mean(earned))


def _focus(analysis: Analysis) -> float:
    topic = [analysis.question_code.token_vectors] + [
        c.token_vectors for c in analysis.key_point_codes
    ]
    topic_tokens = np.vstack([t for t in topic if len(t)] or [np.zeros((0, 1))])
    if not len(analysis.answer_tokens) or not len(topic_tokens):
        return 0.0
    return float((analysis.answer_tokens @ topic_tokens.T).max(axis=1).mean())


def _key_point(
    analysis: Analysis, index: int, star_parts: int, by_sentence: np.ndarray
) -> KeyPointResult:
    code = analysis.key_point_codes[index]
    text = analysis.question.key_points[index]
    if not analysis.sentences:
        return KeyPointResult(index, text, 0.0, False)
    recall, votes = analysis.token_recall(code)
    mixed = TOKEN_WEIGHT * recall + (1 - TOKEN_WEIGHT) * float(by_sentence.max())
    strength = scale(mixed)
    covered = mixed >= COVERED_AT
    # "Use the STAR method" is covered by doing it, not by naming it.
    if STAR_POINT.search(text) and star_parts >= 3:
        strength, covered = max(strength, 0.8), True
    # The sentence that holds most of the point's best-matching tokens, with its similarity to
    # the point breaking near-ties (benchmarks/keypoints.py: the interviewer's choice 66% of the
    # time, against 59% when the votes were divided by sentence length).
    best = int(np.argmax(votes + by_sentence))
    evidence = analysis.sentences[best].span if covered else None
    return KeyPointResult(index, text, round(strength, 3), covered, evidence)
