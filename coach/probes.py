"""Linear probes: small classifiers that read a sentence's MiniLM vector.

Each probe is a logistic regression trained by benchmarks/probes.py on sentences written for
CarePrep and labelled by hand (coach/data/*.yaml): does this sentence state an outcome, blame
someone, claim perfection, say nothing specific, or do what a "what not to say" item warns
against? They only run with the sentence model: word-overlap vectors mean nothing to them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .embeddings import MODEL_SHA256

PATH = Path(__file__).resolve().parent / "data" / "probes.npz"
# For each "what not to say" item of the bank: vectors of sentences that do what it warns against
# and of sentences on the same topic that do not (coach/data/guidance_pairs.yaml).
EXAMPLES = PATH.with_name("guidance_examples.npz")
# The library of unsafe-practice sentences and their hard negatives (data/unsafe_practice.yaml).
UNSAFE_EXAMPLES = PATH.with_name("unsafe_examples.npz")
NAMES = ("result", "blame", "absolute", "generic", "guidance", "unsafe")


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


def item_key(item: str) -> str:
    return hashlib.sha1(" ".join(item.split()).encode("utf-8")).hexdigest()


@cache
def _examples() -> Any:
    if not EXAMPLES.exists():
        return None
    data = np.load(EXAMPLES)
    return data if str(data["model_sha256"]) == MODEL_SHA256 else None


@lru_cache(maxsize=2048)
def guidance_examples(item: str) -> tuple[np.ndarray, np.ndarray] | None:
    """Vectors of sentences that do and that do not do what `item` warns against, or None for an
    item the examples were not written for (a question added or edited after training)."""
    data = _examples()
    key = item_key(item)
    if data is None or f"does_{key}" not in data:
        return None
    # Stored as float16 (half the size); compared as float32 like every other vector.
    return data[f"does_{key}"].astype(np.float32), data[f"does_not_{key}"].astype(np.float32)


@dataclass(frozen=True)
class UnsafeLibrary:
    unsafe: np.ndarray  # (u, d) sentences that propose or endorse an unsafe action
    principle: np.ndarray  # (u,) the index of each one's principle
    safe: np.ndarray  # (s, d) sentences on the same topics that refuse, correct or state the rule
    principles: tuple[str, ...]  # each principle, in plain words: what to do instead


@cache
def unsafe_library() -> UnsafeLibrary | None:
    if not UNSAFE_EXAMPLES.exists():
        return None
    data = np.load(UNSAFE_EXAMPLES)
    if str(data["model_sha256"]) != MODEL_SHA256:
        return None
    return UnsafeLibrary(
        data["unsafe"].astype(np.float32),
        data["unsafe_principle"],
        data["safe"].astype(np.float32),
        tuple(str(p) for p in data["principles"]),
    )
