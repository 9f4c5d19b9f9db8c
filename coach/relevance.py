"""Is the answer about its question? Compared with the rest of the bank, not by one cosine.

A well-told story about another topic in the same field sits as close to a question's wording as
a right answer does, so one similarity cannot tell them apart. What tells them apart is
*contrast*: a right answer is closer to its own question's talking points and example answers
than to any other question's; an answer to another question is closer to that one. The coach
scores the answer against its own question and against every other bank question the same way,
and a small logistic model (benchmarks/relevance.py, coach/data/relevance.json) turns the own
score and the contrast into the probability that the answer is about its question.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from .analysis import Analysis
from .bank import EXAMPLE, POINT, TEXT, Bank, Targets, current_bank, encode_targets

PATH = Path(__file__).resolve().parent / "data" / "relevance.json"
# Below OFF_TOPIC the answer is about something else; up to UNSURE the coach says it is not sure.
# On new authors' answers (E1-E3, refitted model, 213-question bank) 0.5 flagged four answers
# graded 3.1 on average and none a grader called off the question; 0.3 flags two of them and still
# catches 190 of 213 strong answers given to a question on another competency (0.1: 147).
OFF_TOPIC, UNSURE = 0.3, 0.5


@dataclass(frozen=True)
class Relevance:
    probability: float  # that the answer is about its own question
    own: float  # the answer's score against its own question
    best_other: float  # ... against the closest other question of the bank (own when no bank)
    closest: str  # the text of that closest other question ("" when none)
    features: tuple[float, ...]

    @property
    def off_topic(self) -> bool:
        return self.probability < OFF_TOPIC

    @property
    def unsure(self) -> bool:
        return OFF_TOPIC <= self.probability < UNSURE


def scores(sentences: np.ndarray, answer: np.ndarray, targets: Targets) -> np.ndarray:
    """For each question of `targets`: how much the answer is about it (0..1-ish), the mean of
    its talking points' best sentence, its text's best sentence, the share of the answer near
    any of its targets, and the whole answer's nearest example answer."""
    if not len(sentences):
        return np.zeros(len(targets.starts))
    similarity = sentences @ targets.matrix.T  # (n, rows)
    best = similarity.max(axis=0)
    owner = np.repeat(np.arange(len(targets.starts)), np.diff(np.append(targets.starts, len(best))))
    questions = len(targets.starts)
    points = targets.kinds == POINT
    point_count = np.bincount(owner[points], minlength=questions)
    point_mean = np.bincount(owner[points], weights=best[points], minlength=questions)
    text = best[targets.kinds == TEXT]
    point_score = np.where(point_count > 0, point_mean / np.maximum(point_count, 1), text)
    focus = np.maximum.reduceat(similarity, targets.starts, axis=1).mean(axis=0)
    whole = answer @ targets.matrix.T
    whole = np.where(targets.kinds == EXAMPLE, whole, -1.0)
    example = np.maximum.reduceat(whole, targets.starts)
    example = np.where(example > -1.0, example, text)
    return (point_score + text + focus + example) / 4


@dataclass(frozen=True)
class Model:
    with_bank: tuple[float, ...]  # intercept, then one weight per feature
    alone: tuple[float, ...]

    def probability(self, features: tuple[float, ...], bank: bool) -> float:
        weights = self.with_bank if bank else self.alone
        z = weights[0] + float(np.dot(weights[1:], features))
        return float(1 / (1 + np.exp(-z)))


@cache
def model() -> Model:
    data = json.loads(PATH.read_text(encoding="utf-8"))
    return Model(tuple(data["with_bank"]), tuple(data["alone"]))


def features(analysis: Analysis, bank: Bank | None) -> tuple[tuple[float, ...], float, str]:
    """The relevance model's inputs, the closest other question's score and its text."""
    question = analysis.question
    own_targets = Targets.build([encode_targets(question, analysis.embedder)])
    own = float(scores(analysis.sentence_matrix, analysis.answer_vector, own_targets)[0])
    if bank is None or not len(bank):
        return (own,), own, ""
    others = bank.others(question, analysis.question_code.vector, analysis.embedder)
    if not others:
        return (own,), own, ""
    every = scores(
        analysis.sentence_matrix, analysis.answer_vector, bank.targets(analysis.embedder)
    )
    other = every[others]
    top = int(np.argmax(other))
    best = float(other[top])
    above = float(np.mean(other >= own))
    return (own, best, own - best, above), best, bank.questions[others[top]].text


def relevance(analysis: Analysis) -> Relevance:
    bank = current_bank()
    values, best, closest = features(analysis, bank)
    probability = model().probability(values, bank=len(values) > 1)
    return Relevance(probability, values[0], best, closest, values)
