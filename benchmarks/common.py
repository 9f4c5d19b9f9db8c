"""Shared pieces of the coach benchmarks: paths, the reference split, correlations, tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.stats import pearsonr, spearmanr

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
