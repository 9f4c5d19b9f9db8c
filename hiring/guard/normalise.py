"""Lemma-ish normalisation: enough to let one pattern match the ways people phrase a question.

Lower case, typographic quotes made plain, contractions expanded ("what's" -> "what is"), British
spellings mapped to the American ones the patterns use, and punctuation other than sentence ends
dropped. No stemming library is installed, and the patterns spell out the inflections they need.
"""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_CONTRACTIONS = (
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bcan't\b"), "cannot"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"\b(what|where|who|how|that|it|there|here)'s\b"), r"\1 is"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"'s\b"), "s"),  # possessive: "patient's" -> "patients"
    (re.compile(r"s'(?=\s|$)"), "s"),
)
_SPELLING = {
    "colour": "color",
    "colours": "colors",
    "authorised": "authorized",
    "authorisation": "authorization",
    "hospitalised": "hospitalized",
    "counsellor": "counselor",
    "practise": "practice",
    "practising": "practicing",
    "fiancé": "fiance",
    "fiancée": "fiancee",
    "organisation": "organization",
    "organisations": "organizations",
}
_WORD = re.compile(r"[a-zà-ÿ0-9]+|[.?!]")


def normalise(text: str) -> str:
    """The question as the patterns read it: words and sentence ends separated by single spaces."""
    lowered = text.translate(_QUOTES).lower()
    for pattern, replacement in _CONTRACTIONS:
        lowered = pattern.sub(replacement, lowered)
    words = [_SPELLING.get(word, word) for word in _WORD.findall(lowered)]
    return " ".join(words)
