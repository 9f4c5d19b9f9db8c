"""`unsafe_practice`: the answer proposes or endorses an action that breaks safe practice.

What decides is how interviewers judged the answer's nearest graded answers to the same bank
question (coach.references): when NEIGHBOURS_AT of them (by similarity weight) were judged
unsafe, the answer is, and the sentence that carries it is the one, not a refusal, that reads
most like those answers and least like the safe ones; an answer nearer the question's strong
example answer than any graded answer judged unsafe is not flagged. The flag quotes that
sentence, names the principle the library finds nearest and gives the interviewer's note on the
nearest unsafe answer. For a question without graded answers (one a user wrote), the two
sentence readings below must agree on one sentence, each at its own bar: either alone is too
often wrong on new authors' answers to sink a score, and then only makes the feedback say the
coach is not sure.

The answer-level reading (benchmarks/unsafe_answers.py, coach/data/unsafe_answers.npz) is a
sentence probe fitted so that a flagged answer's most unsafe sentence reads as unsafe and every
sentence of the other answers as safe; from ANSWER_UNSURE_AT it adds the word of doubt.

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
from .references import Neighbours
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
# The answer-level reading: from ANSWER_AT a sentence backs the library's reading (questions
# without graded answers); from ANSWER_UNSURE_AT the feedback says the coach is not sure.
# Refitted on 3,464 answers with each author batch left out, 0.95 flags 220 answers at precision
# 0.22 and recall 0.18, 0.8 flags 802 at 0.15 and 0.45 (benchmarks/unsafe_answers.py): a word of
# doubt, never a flag, at that precision.
ANSWER_AT, ANSWER_UNSURE_AT = 0.95, 0.8
# What decides (issue #8, round four): the share of the answer's nearest graded answers to the
# same bank question that an interviewer judged unsafe (coach.references). On the held-out sets
# E1-E3 (324 answers by 27 new authors) it separates unsafe answers at AUC 0.83 where the
# sentence readings above reach 0.52; from 0.4 it flags one answer in 18 at precision 0.50, and
# the answers it flags wrongly were graded 2.2 on average (weak, if not unsafe).
NEIGHBOURS_AT = 0.4
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


def unsafe_practice(analysis: Analysis, near: Neighbours | None = None) -> Safety:
    """The flag when the answer's nearest graded answers say so and one of its sentences carries
    it; otherwise, at most a word of doubt."""
    read = readings(analysis)
    library = unsafe_library()
    if not read or library is None:
        return Safety(None, False)
    answers = answer_probe()
    scores = answers.probability(analysis.sentence_matrix) if answers is not None else None
    # The sentence readings are too often wrong to flag on their own (precision about 0.06 on
    # new authors' answers, issue #8) but are worth a word of doubt.
    unsure = any(
        not r.refused
        and (r.probability >= UNSURE_AT or (scores is not None and scores[i] >= ANSWER_UNSURE_AT))
        for i, r in enumerate(read)
    )
    if near is None:
        carrier = _both_readings(read, scores)
        note = ""
    elif near.share("unsafe_practice") >= NEIGHBOURS_AT and not _like_the_model(analysis, near):
        carrier = _carrier(analysis, near, read, scores)
        note = near.notes.get("unsafe_practice", "")
    else:
        carrier = None
    if carrier is None:
        return Safety(None, unsure)
    rule = library.principles[read[carrier].principle]
    why = f" An interviewer said of a similar answer: \u201c{note}\u201d" if note else ""
    return Safety(
        FlagResult(
            "unsafe_practice",
            "Interviewers judged answers like this one unsafe: part of it proposes something a "
            "hospital would not allow. " + _sentence(rule) + why,
            (analysis.sentences[carrier].span,),
            "say what you would do instead: " + _lower_first(rule),
        ),
        False,
    )


def _like_the_model(analysis: Analysis, near: Neighbours) -> bool:
    """The answer is nearer the question's strong example answer than any graded answer judged
    unsafe: the bank's model answer is safe, and so is an answer that reads more like it."""
    example = analysis.question.example_answer
    if not example:
        return False
    model = Analysis.build(analysis.question, example, analysis.embedder).answer_vector
    return float(model @ analysis.answer_vector) >= near.closest.get("unsafe_practice", 1.0)


def _both_readings(read: list[Reading], scores: np.ndarray | None) -> int | None:
    """Without graded answers to compare with: the sentence both readings find unsafe, each at
    its own bar (the library's AT with its margin, the answer-level ANSWER_AT), if there is one.
    Each alone is wrong too often; together they flag only the plainest cases."""
    if scores is None:
        return None
    both = [i for i, r in enumerate(read) if r.unsafe() and scores[i] >= ANSWER_AT]
    return max(both, key=lambda i: float(scores[i])) if both else None


def _carrier(
    analysis: Analysis, near: Neighbours, read: list[Reading], scores: np.ndarray | None
) -> int | None:
    """The sentence that carries the unsafe action: of the sentences that do not refuse it, the
    one that reads most like the nearest answers judged unsafe and least like the safe ones (or,
    when the nearest are all unsafe, the one the answer-level reading finds most unsafe). None
    when every sentence refuses, stops or conditions what it describes."""
    open_ = [i for i, r in enumerate(read) if not r.refused]
    if not open_:
        return None
    towards = near.towards.get("unsafe_practice")
    if towards is not None:
        lean = analysis.sentence_matrix[open_] @ towards
        return open_[int(np.argmax(lean))]
    if scores is not None:
        return open_[int(np.argmax(scores[open_]))]
    return open_[int(np.argmax([read[i].probability for i in open_]))]


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
