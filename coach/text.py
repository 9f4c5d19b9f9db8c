"""Splitting an answer into sentences and words, keeping character offsets for evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import Span

# Invisible and bidirectional-control characters people paste from other apps.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*•\d])")
_ABBREVIATIONS = frozenset(
    ("e.g.", "i.e.", "dr.", "mr.", "mrs.", "ms.", "etc.", "vs.", "st.", "no.")
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*%?")

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "so",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "into",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "is",
        "was",
        "were",
        "be",
        "been",
        "being",
        "are",
        "am",
        "i",
        "me",
        "my",
        "we",
        "our",
        "us",
        "you",
        "your",
        "he",
        "she",
        "they",
        "them",
        "their",
        "his",
        "her",
        "him",
        "who",
        "which",
        "what",
        "when",
        "where",
        "how",
        "why",
        "not",
        "no",
        "do",
        "did",
        "does",
        "done",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "just",
        "also",
        "very",
        "there",
        "here",
        "all",
        "any",
        "some",
        "each",
        "more",
        "most",
        "about",
        "after",
        "before",
        "while",
        "because",
        "until",
        "up",
        "out",
        "over",
        "again",
        "once",
        "only",
        "own",
        "same",
        "too",
    ]
)


def clean(text: str) -> str:
    return _INVISIBLE.sub("", text).replace("\r\n", "\n").strip()


def words(text: str) -> list[str]:
    return WORD.findall(text)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


def sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; a bullet or a blank line also ends one."""
    out: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].split()
        if before and before[-1].lower().lstrip("(\"'") in _ABBREVIATIONS:
            continue  # "Dr. Okafor", not the end of "I did my best."
        _add(out, text, start, match.start())
        start = match.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip().lstrip("-*• ").strip()
    if not words(stripped):
        return
    offset = start + chunk.find(stripped)
    out.append(Sentence(offset, offset + len(stripped), stripped))


def stem(word: str) -> str:
    """A light suffix stripper: enough for word-overlap evidence, not linguistics."""
    w = word.lower().strip("'’")
    for suffix in (
        "ations",
        "ation",
        "ings",
        "ing",
        "ies",
        "ied",
        "ness",
        "ment",
        "ers",
        "er",
        "ed",
        "es",
        "ly",
        "s",
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return w


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w.lower() not in FUNCTION_WORDS and len(w) > 2}


def shorten(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"
