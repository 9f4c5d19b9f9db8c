"""Shared pieces of the coach benchmarks: paths, the reference split, correlations, tables."""

from __future__ import annotations

import pickle
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy.stats import pearsonr, spearmanr

from coach.embeddings import MODEL_SHA256
from coach.text import sentences

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"
OUT = ROOT / "benchmarks" / "out"


def split_reference(reference: str) -> list[str]:
    """Key points by a mechanical split of a reference answer: sentences, then clauses.

    Nothing hand-written: the PRODUCT.md protocol for the external benchmarks.
    """
    points: list[str] = []
    for sentence in sentences(reference):
        clauses = re.split(r";|:|, and |, or | and | or ", sentence.text)
        kept = [c.strip(" ,.") for c in clauses if len(c.split()) >= 2]
        points += kept or [sentence.text]
    return points or [reference]


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    return float(pearsonr(np.asarray(x, float), np.asarray(y, float))[0])


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    return float(spearmanr(np.asarray(x, float), np.asarray(y, float))[0])


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def write_report(name: str, text: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.md"
    path.write_text(text + "\n", encoding="utf-8")
    return path


class CachedEmbedder:
    """The coach's sentence model with its encodings kept on disk between benchmark runs
    (benchmarks/out/encodings.pkl), so that re-scoring the corpus after a change to the rules or
    the weights does not re-run the model on texts it has already seen. Same results: it stores
    exactly what the model returned, keyed by the text and the model's checksum."""

    def __init__(self, base: Any) -> None:
        self.base = base
        self.name = base.name
        self.semantic = base.semantic
        self.path = OUT / "encodings.pkl"
        self.store: dict[str, Any] = {}
        if self.path.exists():
            with self.path.open("rb") as handle:
                saved = pickle.load(handle)
            if saved.get("model") == MODEL_SHA256:
                self.store = saved["codes"]
        self.fresh = 0

    def encode(self, texts: list[str]) -> list[Any]:
        todo = [t for t in dict.fromkeys(texts) if t not in self.store]
        if todo:
            self.store.update(zip(todo, self.base.encode(todo), strict=True))
            self.fresh += len(todo)
        return [self.store[t] for t in texts]

    def save(self) -> None:
        if not self.fresh:
            return
        OUT.mkdir(parents=True, exist_ok=True)
        if self.path.exists():  # another run may have saved since this one loaded: keep both
            with self.path.open("rb") as handle:
                saved = pickle.load(handle)
            if saved.get("model") == MODEL_SHA256:
                self.store = {**saved["codes"], **self.store}
        partial = self.path.with_suffix(".part")
        with partial.open("wb") as handle:
            pickle.dump({"model": MODEL_SHA256, "codes": self.store}, handle)
        partial.replace(self.path)
        self.fresh = 0


def cached_embedder() -> CachedEmbedder:
    """Make the process-wide embedder a disk-cached one (for benchmark runs); call .save()."""
    from coach.embeddings import get_embedder, set_embedder

    base, why = get_embedder()
    if isinstance(base, CachedEmbedder):
        return base
    cached = CachedEmbedder(base)
    set_embedder(cached, why)
    return cached
