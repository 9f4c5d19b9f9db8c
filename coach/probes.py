"""Linear probes: small classifiers that read a sentence's MiniLM vector.

Each probe is a logistic regression trained by benchmarks/probes.py on sentences written for
CarePrep and labelled by hand (coach/data/*.yaml): does this sentence state an outcome, blame
someone, claim perfection, say nothing specific, or do what a "what not to say" item warns
against? They only run with the sentence model: word-overlap vectors mean nothing to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from .embeddings import MODEL_SHA256

PATH = Path(__file__).resolve().parent / "data" / "probes.npz"
NAMES = ("result", "blame", "absolute", "generic", "guidance")


@dataclass(frozen=True)
class Probe:
    weights: np.ndarray
    bias: float

    def probability(self, features: np.ndarray) -> np.ndarray:
        """One probability per row of `features`."""
        if not len(features):
            return np.zeros(0, dtype=np.float32)
        return 1.0 / (1.0 + np.exp(-(features @ self.weights + self.bias)))


@cache
def probes() -> dict[str, Probe]:
    """The trained probes, or none when the file is missing or was trained on another model."""
    if not PATH.exists():
        return {}
    data = np.load(PATH)
    if str(data["model_sha256"]) != MODEL_SHA256:
        return {}
    return {
        name: Probe(data[f"{name}_weights"], float(data[f"{name}_bias"]))
        for name in NAMES
        if f"{name}_weights" in data
    }


def probe(name: str) -> Probe | None:
    return probes().get(name)
