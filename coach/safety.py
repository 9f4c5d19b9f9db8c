"""`unsafe_practice`: the answer proposes or endorses an action that breaks safe practice.

The reading that decides is trained on interviewers' judgements of whole answers
(benchmarks/unsafe_answers.py, coach/data/unsafe_answers.npz): a sentence probe fitted so that a
flagged answer's most unsafe sentence reads as unsafe and every sentence of the other answers as
safe. An answer is unsafe when one of its sentences reads so at ANSWER_AT or more, unless the
sentence refuses, stops or conditions the action. The library below names the principle broken
(what to do instead) and serves when the answer-level reading is missing.

In the library reading, a sentence is unsafe when two independent readings agree: the `unsafe`
probe (trained on a library of unsafe statements across privacy, identity checks, consent and
autonomy, safety, records, boundaries, rights and scope, with hard negatives that refuse,
correct, escalate or state the rule in the same words) reads it as proposing the action, and the
sentence is nearer the library's unsafe statements than its safe ones. The question's own red
flags and "what not to say" items lower the bar for sentences that are close to them. Refusing,
correcting or escalating such an action is good practice and never raises the flag.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from .analysis import Analysis
from .embeddings import MODEL_SHA256
from .probes import Probe, unsafe_library
from .rules import guidance_core, refused
from .types import FlagResult

# The unsafe probe's probability from which a sentence proposes an unsafe action (AT), from which
# the coach says it is not sure (UNSURE_AT), and the probability with which a sentence close to
# one of the question's own red flags or "what not to say" items (NEAR_QUESTION) is unsafe.
# benchmarks/flags.py measures them on the training corpus: on real candidates' answers no
# setting of this sentence-level reading reaches a useful precision (at best about 0.15; issue
# #8's note), so the bars are set high: the flag caps an answer at 30 only when the reading is
# very sure, and between UNSURE_AT and the bar the feedback says the coach is unsure.
AT, UNSURE_AT = 0.9, 0.6
QUESTION_AT, NEAR_QUESTION = 0.8, 0.6
# A sentence must be at least this much nearer the unsafe statements than the safe ones.
MARGIN = 0.0
# With a refusal in the sentence (rules.REFUSAL) the probe must be surer: the library's hard
# negatives teach most of this; the words are a second guard.
REFUSED_AT = 0.99
# The answer-level reading: from ANSWER_AT a sentence makes the answer unsafe; from
# ANSWER_UNSURE_AT the feedback says the coach is not sure. Leaving each author batch of the
# corpus out, 0.95 flags about one answer in 20 at precision 0.32 and recall 0.21, and 0.9 twice
# as many at precision 0.23 (benchmarks/unsafe_answers.py; the sentence library alone reached
# about 0.12 precision).
ANSWER_AT, ANSWER_UNSURE_AT = 0.95, 0.9
ANSWERS_PATH = Path(__file__).resolve().parent / "data" / "unsafe_answers.npz"


@cache
def answer_probe() -> Probe | None:
    """The answer-level reading, or None when missing or trained on another model."""
    if not ANSWERS_PATH.exists():
        return None
    data = np.load(ANSWERS_PATH)
    if str(data["model_sha256"]) != MODEL_SHA256:
        return None
    return Probe(data["weights"].astype(np.float32), float(data["bias"]))


@dataclass(frozen=True)
class Safety:
    flag: FlagResult | None
    unsure: bool


@dataclass(frozen=True)
class Reading:
    """One sentence as the unsafe check reads it."""

    probability: float  # the unsafe probe's
    margin: float  # nearest unsafe library sentence minus nearest safe one
    refused: bool  # the speaker refuses, stops or conditions the action
    near_question: float  # best similarity to the question's red flags and "what not to say"
    principle: int  # the nearest unsafe sentence's principle

    def bar(self, at: float = AT, question_at: float = QUESTION_AT) -> float:
        """The probability from which this sentence counts as unsafe."""
        if self.refused:
            return REFUSED_AT
        return min(at, question_at) if self.near_question >= NEAR_QUESTION else at

    def unsafe(
        self, at: float = AT, question_at: float = QUESTION_AT, margin: float = MARGIN
    ) -> bool:
        return self.probability >= self.bar(at, question_at) and self.margin >= margin


def readings(analysis: Analysis) -> list[Reading]:
    """Each sentence's reading, or none without the sentence model or the trained library."""
    library = unsafe_library()
    probability = analysis.probe("unsafe")
    if library is None or probability is None or not analysis.sentences:
        return []
    matrix = analysis.sentence_matrix
    to_unsafe = matrix @ library.unsafe.T
    margin = to_unsafe.max(axis=1) - (matrix @ library.safe.T).max(axis=1)
    nearest = library.principle[to_unsafe.argmax(axis=1)]
    near_question = _near_question(analysis)
    return [
        Reading(
            float(probability[i]),
            float(margin[i]),
            refused(sentence.text),
            float(near_question[i]),
            int(nearest[i]),
        )
        for i, sentence in enumerate(analysis.sentences)
    ]


def unsafe_practice(analysis: Analysis) -> Safety:
    read = readings(analysis)
    library = unsafe_library()
    if not read or library is None:
        return Safety(None, False)
    answers = answer_probe()
    if answers is not None:
        scores = answers.probability(analysis.sentence_matrix)
        pairs = list(zip(scores, read, strict=True))
        marked = [p >= (REFUSED_AT if r.refused else ANSWER_AT) for p, r in pairs]
        # The library reading alone is too often wrong to flag (precision about 0.12) but is
        # worth a word of doubt, as it was before the answer-level reading.
        unsure = any(
            (p >= ANSWER_UNSURE_AT or r.probability >= UNSURE_AT) and not r.refused
            for p, r in pairs
        )
    else:
        marked = [r.unsafe() for r in read]
        unsure = any(r.probability >= UNSURE_AT and not r.refused for r in read)
    hits = [
        (sentence.span, library.principles[r.principle])
        for sentence, r, hit in zip(analysis.sentences, read, marked, strict=True)
        if hit
    ]
    if not hits:
        return Safety(None, unsure)
    rules = list(dict.fromkeys(rule for _, rule in hits))
    return Safety(
        FlagResult(
            "unsafe_practice",
            "Part of the answer proposes something a hospital would not allow. "
            + " ".join(_sentence(rule) for rule in rules[:2]),
            tuple(span for span, _ in hits),
            "say what you would do instead: " + _lower_first(rules[0]),
        ),
        False,
    )


def _near_question(analysis: Analysis) -> np.ndarray:
    """Per sentence, its best similarity to the question's red flags and "what not to say"."""
    items = [*analysis.question.red_flags, *map(guidance_core, analysis.question.what_not_to_say)]
    items = [item for item in items if len(item.split()) >= 3]
    if not items:
        return np.zeros(len(analysis.sentences))
    codes = analysis.embedder.encode(items)
    return (analysis.sentence_matrix @ np.vstack([c.vector for c in codes]).T).max(axis=1)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(".") else text + "."


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text
