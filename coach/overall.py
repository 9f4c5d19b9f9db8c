"""How `overall` combines the criteria, the flags and how developed the answer is.

The weights are not hand-set: `benchmarks/calibrate.py` fits them to interviewers' grades of the
graded answer sets (several authors) and writes them to data/overall.json. The fit keeps every
weight and every flag penalty non-negative, so the overall is always explainable as "weighted
criteria plus development, minus a penalty for each flag", in grade points (1-5) mapped to 0-100.
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
# Below SHORT words an answer has no room to develop; from FULL words on it has all it needs.
# Longer is not better: development stops counting at FULL words.
SHORT, FULL = 30, 100
# Product rules on top of the fit: a list of keywords or an answer to another question is not an
# answer, whatever else it scores.
CAPS = {"keyword_list": 15, "off_topic": 25}
# How softly `overall` bends into 0 and 100, in points.
SOFT = 6.0


# The fit's terms, in the order of `features` and of `Weights.weights`.
TERMS = (*CRITERIA, "development", *FLAG_CODES)


def development(words: int) -> float:
    """0..1: room to give an example, actions and a result (log scale, flat after FULL words).

    `words` counts only sentences about the question: padding off the subject does not develop.
    """
    return float(np.clip(np.log(max(words, 1) / SHORT) / np.log(FULL / SHORT), 0.0, 1.0))


def bend(points: float) -> float:
    """Points into 0..100, softly: a soft floor at 0 and a soft ceiling at 100, monotonic."""
    points = SOFT * float(np.logaddexp(0, points / SOFT))
    return 100 - SOFT * float(np.logaddexp(0, (100 - points) / SOFT))


def features(criteria: Mapping[str, float], codes: Iterable[str], words: int) -> list[float]:
    """The fit's inputs in a fixed order: criteria 0..1, development 0..1, then -1 per flag (so
    that a non-negative weight is a penalty)."""
    raised = set(codes)
    return [
        *(criteria[name] / 100 for name in CRITERIA),
        development(words),
        *(-1.0 if code in raised else 0.0 for code in FLAG_CODES),
    ]


@dataclass(frozen=True)
class Weights:
    intercept: float
    weights: tuple[float, ...]  # in the order of `features`
    fitted_on: tuple[str, ...] = ()
    answers: int = 0  # how many graded answers the weights were fitted to

    def grade(self, criteria: Mapping[str, float], codes: Iterable[str], words: int) -> float:
        """The predicted interviewer grade, 1..5 (not clipped)."""
        return self.intercept + float(np.dot(self.weights, features(criteria, codes, words)))

    def overall(self, criteria: Mapping[str, float], codes: Sequence[str], words: int) -> int:
        """The grade on 0-100 (1 -> 0, 5 -> 100), bent softly inside the bounds rather than
        clipped, so that two weak answers (or two strong ones) keep their order."""
        points = bend(25 * (self.grade(criteria, codes, words) - 1))
        caps = [CAPS[code] for code in codes if code in CAPS]
        return round(float(min([points, *caps])))

    def parts(
        self, criteria: Mapping[str, float], codes: Iterable[str], words: int
    ) -> list[ScorePart]:
        """The terms of the weighted sum in points: what each criterion and development earned
        out of its most, then what each raised flag took off."""
        values = features(criteria, codes, words)
        out = []
        for name, weight, value in zip(TERMS, self.weights, values, strict=True):
            if name not in FLAG_CODES:
                out.append(ScorePart(name, round(25 * weight * value, 1), round(25 * weight, 1)))
            elif value:
                out.append(ScorePart(name, round(25 * weight * value, 1)))
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
            tuple(float(data["weights"][n]) for n in TERMS),
            tuple(data.get("fitted_on", ())),
            int(data.get("answers", 0)),
        )


@cache
def weights() -> Weights:
    return Weights.from_json(PATH.read_text(encoding="utf-8"))
