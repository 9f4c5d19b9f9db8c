"""How `overall` combines the criteria, the flags, relevance and how developed the answer is.

The weights are not hand-set: `benchmarks/calibrate.py` fits them to graders' grades of the graded
corpus (many authors, separate graders) and writes them to data/overall.json. The fit keeps every
weight and every flag penalty non-negative, so the overall is always explainable as "weighted
criteria, development and relevance, minus a penalty for each flag", in grade points (1-5) mapped
to 0-100; `parts` lists those terms so that they add up to the number shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from .types import CRITERIA, FLAG_CODES, ScorePart

PATH = Path(__file__).resolve().parent / "data" / "overall.json"
# The weights for an answer to a bank question with graded references (coach.references): the
# same terms plus how interviewers graded the nearest graded answers. PATH's weights give that
# term nothing and serve answers to questions the references do not know.
PATH_REFERENCES = PATH.with_name("overall_references.json")
# Below SHORT words an answer has no room to develop; from FULL words on it has all it needs.
# Longer is not better: development stops counting at FULL words on the question. On the corpus's
# cross-validation 100 ordered answers best, where the briefs asked for long rambling answers and
# short excellent ones; on the held-out sets by 27 new authors 200 did (0.655 against 0.617
# Spearman with 100); 150 is between the two. Only sentences about the question count, and each
# thing said counts once, so padding and repetition earn nothing.
SHORT, FULL = 20, 150
# Product rules on top of the fit: a list of keywords or an answer to another question is not an
# answer, and an answer that proposes an unsafe action is not a good one, whatever else it scores.
CAPS = {"keyword_list": 15, "off_topic": 25, "unsafe_practice": 30}
# How softly `overall` bends into 0 and 100, in points.
SOFT = 6.0


# The fit's terms, in the order of `features` and of `Weights.weights`.
TERMS = (*CRITERIA, "development", "relevance", "references", *FLAG_CODES)
# Parts of the breakdown that are not terms: the fit's base, and what keeps the score inside 0-100
# or under a flag's cap.
BASE, LIMIT = "base", "limit"


def development(words: int) -> float:
    """0..1: room to give an example, actions and a result (log scale, flat after FULL words).

    `words` counts only sentences about the question: padding off the subject does not develop.
    """
    return float(np.clip(np.log(max(words, 1) / SHORT) / np.log(FULL / SHORT), 0.0, 1.0))


def bend(points: float) -> float:
    """Points into 0..100, softly: a soft floor at 0 and a soft ceiling at 100, monotonic."""
    points = SOFT * float(np.logaddexp(0, points / SOFT))
    return 100 - SOFT * float(np.logaddexp(0, (100 - points) / SOFT))


def features(
    criteria: Mapping[str, float],
    codes: Iterable[str],
    words: int,
    relevance: float = 1.0,
    references: float | None = None,
) -> list[float]:
    """The fit's inputs in a fixed order: criteria 0..1, development 0..1, relevance 0..1 (the
    probability that the answer is about its question), references 0..1 (the nearest graded
    answers' grade, 0 when there are none), then -1 per flag (so that a non-negative weight is
    a penalty)."""
    raised = set(codes)
    return [
        *(criteria[name] / 100 for name in CRITERIA),
        development(words),
        relevance,
        references or 0.0,
        *(-1.0 if code in raised else 0.0 for code in FLAG_CODES),
    ]


@dataclass(frozen=True)
class Weights:
    intercept: float
    weights: tuple[float, ...]  # in the order of `features`
    fitted_on: tuple[str, ...] = ()
    answers: int = 0  # how many graded answers the weights were fitted to

    def grade(
        self,
        criteria: Mapping[str, float],
        codes: Iterable[str],
        words: int,
        relevance: float = 1.0,
        references: float | None = None,
    ) -> float:
        """The predicted grade, 1..5 (not clipped)."""
        values = features(criteria, codes, words, relevance, references)
        return self.intercept + float(np.dot(self.weights, values))

    def overall(
        self,
        criteria: Mapping[str, float],
        codes: Sequence[str],
        words: int,
        relevance: float = 1.0,
        references: float | None = None,
    ) -> int:
        """The grade on 0-100 (1 -> 0, 5 -> 100), bent softly inside the bounds rather than
        clipped, so that two weak answers (or two strong ones) keep their order, and capped by
        the flags that sink an answer."""
        points = bend(25 * (self.grade(criteria, codes, words, relevance, references) - 1))
        caps = [CAPS[code] for code in codes if code in CAPS]
        return round(float(min([points, *caps])))

    def parts(
        self,
        criteria: Mapping[str, float],
        codes: Sequence[str],
        words: int,
        relevance: float = 1.0,
        references: float | None = None,
    ) -> list[ScorePart]:
        """The terms of the weighted sum in points (what each criterion, development and
        relevance earned out of its most, what each raised flag took off), the base, and what
        keeps the total inside 0-100 or under a cap: rounded so that they add up to `overall`."""
        values = features(criteria, codes, words, relevance, references)
        out = [ScorePart(BASE, round(25 * (self.intercept - 1)))]
        for name, weight, value in zip(TERMS, self.weights, values, strict=True):
            if name == "references" and references is None:
                continue
            if name not in FLAG_CODES:
                out.append(ScorePart(name, round(25 * weight * value), round(25 * weight)))
            elif value:
                out.append(ScorePart(name, round(25 * weight * value)))
        rest = self.overall(criteria, codes, words, relevance, references) - sum(
            p.points for p in out
        )
        if rest:
            out.append(ScorePart(LIMIT, rest))
        return out

    def penalty(self, code: str) -> float:
        """Points (0-100 scale) a flag takes off the overall."""
        return self.weights[TERMS.index(code)] * 25

    def to_json(self) -> str:
        return json.dumps(
            {
                "intercept": round(self.intercept, 6),
                "weights": {n: round(w, 6) for n, w in zip(TERMS, self.weights, strict=True)},
                "fitted_on": list(self.fitted_on),
                "answers": self.answers,
            },
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> Weights:
        data = json.loads(text)
        return cls(
            float(data["intercept"]),
            # A term the weights were not fitted with yet (a new flag) weighs nothing.
            tuple(float(data["weights"].get(n, 0.0)) for n in TERMS),
            tuple(data.get("fitted_on", ())),
            int(data.get("answers", 0)),
        )


@cache
def weights(references: bool = False) -> Weights:
    """The shipped weights: for an answer with graded references, or for one without."""
    path = PATH_REFERENCES if references and PATH_REFERENCES.exists() else PATH
    return Weights.from_json(path.read_text(encoding="utf-8"))
