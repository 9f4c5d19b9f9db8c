"""review(question, answer) -> Feedback: the answer coach's one entry point."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from . import lexicon, rules
from .analysis import Analysis
from .bank import current_bank
from .coverage import Coverage, coverage
from .criteria import (
    Scored,
    clarity,
    language,
    platitudes,
    repetition,
    specificity,
    star,
    structure,
)
from .embeddings import Embedder, get_embedder
from .overall import weights
from .probes import guidance_examples, probes
from .references import Neighbours, references
from .relevance import Relevance, relevance
from .safety import unsafe_practice
from .text import words
from .types import CRITERIA, Feedback, FlagResult, Question, Span, Suggestion

# Flags in the order the feedback lists them: the ones that sink an answer first.
FLAG_ORDER = (
    "unsafe_practice",
    "off_topic",
    "keyword_list",
    "too_short",
    "rambling",
    "confidentiality_risk",
    "stigmatizing_language",
    "blame",
    "absolute_claims",
    "contradicts_guidance",
    "generic",
    "missing_result",
    "jargon",
)
FLAG_CRITERION = {
    "off_topic": "coverage",
    "too_short": "coverage",
    "rambling": "clarity",
    "keyword_list": "structure",
    "jargon": "language",
    "stigmatizing_language": "language",
    "confidentiality_risk": "language",
    "blame": "language",
    "absolute_claims": "specificity",
    "missing_result": "structure",
    "contradicts_guidance": "coverage",
    "generic": "specificity",
    "unsafe_practice": "coverage",
}
SHORT_WORDS = 30
# A sentence this similar to the question, a talking point or the example answer is about the
# question; development counts only such sentences' words (chosen with benchmarks/calibrate.py).
ON_TOPIC = 0.15
# An answer is generic when this share of its sentences reads as a platitude to the generic probe
# with this probability (chosen on the calibration sets of benchmarks/graded).
GENERIC_AT, GENERIC_SHARE = 0.7, 1 / 3
OFF_TOPIC_RELEVANCE = 0.22
# The share of the nearest graded answers an interviewer found doing what the question's "what
# not to say" warns against, from which the sentence match counts (issue #8, round four).
GUIDANCE_BACKED = 0.3
# Flags that the held-out sets showed wrong more often than right (precision 0.0-0.16 on 27 new
# authors' answers: blame fired on answers graded 4.1 on average): their reading is offered as a
# note, and takes nothing off the score.
TENTATIVE = frozenset({"blame", "missing_result", "rambling"})
TENTATIVE_NOTE = (
    "Worth a check (the coach is not sure, so it does not count in the score): {message}"
)
# Below this relevance probability even a short answer is about something else.
SURELY = 0.15
# Rambling is wandering, not length: from RAMBLING_FROM words an answer rambles when DRIFT_SHARE
# of its words are in sentences this far (DRIFT) from the question, its talking points and its
# example, when it repeats itself (criteria.repetition), or when PADDED_SHARE of its sentences are
# platitudes.
RAMBLING_FROM = 80
DRIFT, DRIFT_SHARE = 0.25, 0.5
PADDED_SHARE = 0.5
# Below this token precision against the question and its talking points, a long answer has
# drifted (benchmarks/graded.py shows where on-topic long answers sit).
RAMBLING_FOCUS = 0.36
# Low focus alone marks an answer as rambling only from this length (a long excellent answer with
# many concrete details can sit near RAMBLING_FOCUS; the rambling answers of the graded sets are
# all longer).
UNFOCUSED_WORDS = 280
# Past this many words (about two and a half minutes spoken at 130-160 words a minute) an answer
# is too long for an interview whatever it says; no graded answer graded excellent is this long.
TOO_LONG_WORDS = 320
DIGRESSION = lexicon.any_of(lexicon.DIGRESSION)
UNSURE_NOTE = (
    "The coach is not sure this answer addresses the question: parts of it are closer to other "
    "questions. Check that your first sentences answer what was asked; the score may be off."
)
UNSAFE_NOTE = (
    "Part of this answer may describe an action that breaks privacy, consent or safety rules; the "
    "coach is not sure. Make clear what you would and would not do, and why."
)
FALLBACK_NOTE = (
    "Feedback is word-based this time: {why} Talking points said in other words may be missed."
)


def review(
    question: Question | dict[str, Any], answer: str, *, embedder: Embedder | None = None
) -> Feedback:
    """Score an answer to a question and explain the score. Deterministic for the same input."""
    if isinstance(question, dict):
        question = Question.from_dict(question)
    question = _from_bank(question)
    notes: list[str] = []
    if embedder is None:
        embedder, why = get_embedder()
        if why:
            notes.append(FALLBACK_NOTE.format(why=why))
    analysis = Analysis.build(question, answer, embedder)
    if not analysis.words:
        return _empty(question, notes, embedder)
    parts = star(analysis)
    cover = coverage(analysis, parts.parts)
    near = _neighbours(analysis)
    flags = _wording_flags(analysis, near)
    codes = {f.code for f in flags}
    stigma_hits = next((len(f.evidence) for f in flags if f.code == "stigmatizing_language"), 0)
    scores: dict[str, Scored] = {
        "coverage": Scored(100 * cover.score),
        "structure": structure(analysis, parts),
        "specificity": specificity(analysis),
        "clarity": clarity(analysis),
        "language": language(analysis, stigma_hits, "jargon" in codes),
    }
    related = relevance(analysis) if embedder.semantic else None
    if related is not None and related.unsure:
        notes.append(UNSURE_NOTE)
    safety = unsafe_practice(analysis, near)
    if safety.flag is not None:
        flags.append(safety.flag)
    elif safety.unsure:
        notes.append(UNSAFE_NOTE)
    flags += _shape_flags(analysis, cover, parts, scores, codes, related)
    tentative = [f for f in flags if f.code in TENTATIVE]
    notes += [TENTATIVE_NOTE.format(message=f.message) for f in tentative]
    flags = [f for f in flags if f.code not in TENTATIVE]
    criteria = {name: round(scores[name].score) for name in CRITERIA}
    on_topic = _on_topic_words(analysis, cover.sentence_relevance)
    codes_raised = [f.code for f in flags]
    related_p = related.probability if related is not None else 1.0
    peers = near.value if near is not None else None
    fitted = weights(near is not None)
    overall = fitted.overall(criteria, codes_raised, on_topic, related_p, peers)
    return Feedback(
        overall=overall,
        criteria=criteria,
        flags=sorted(flags, key=lambda f: FLAG_ORDER.index(f.code)),
        key_points=cover.key_points,
        suggestions=_suggestions(flags, cover.key_points, scores),
        strengths=[item for name in CRITERIA for item in scores[name].found][:6],
        notes=notes,
        method="embedding" if embedder.semantic else "lexical",
        word_count=analysis.word_count,
        on_topic_words=on_topic,
        score_parts=fitted.parts(criteria, codes_raised, on_topic, related_p, peers),
        relevance=round(related_p, 3),
        references_grade=round(near.grade, 2) if near is not None else None,
        references_count=near.count if near is not None else 0,
        tentative=tentative,
    )


def _neighbours(analysis: Analysis) -> Neighbours | None:
    """Where the answer sits among the graded answers to its bank question, if there are any."""
    found = references()
    if found is None or not analysis.question.id or not analysis.embedder.semantic:
        return None
    return found.near(analysis.question.id, analysis.answer_vector, analysis.embedder.name)


def prepare(question: Question | dict[str, Any]) -> None:
    """Embed what every review of `question` needs, so the first answer to it is as fast as the
    rest (a server warms its whole bank this way at start)."""
    if isinstance(question, dict):
        question = Question.from_dict(question)
    question = _from_bank(question)
    embedder, _ = get_embedder()
    texts = [question.text, *question.key_points, question.example_answer]
    texts += [*question.other_examples, *question.red_flags]
    texts += [rules.guidance_core(item) for item in question.what_not_to_say]
    embedder.encode([t for t in texts if t])
    bank = current_bank()
    if bank is not None:
        bank.targets(embedder)
    probes()  # the trained probes, and the examples for this question's guidance items
    for item in question.what_not_to_say:
        guidance_examples(item)


def _on_topic_words(analysis: Analysis, relevance: np.ndarray) -> int:
    """Words in sentences about the question, each thing said counted once."""
    similar = analysis.self_similarity
    total = 0
    for i, sentence in enumerate(analysis.sentences):
        repeats = i and analysis.embedder.semantic and float(similar[i, :i].max()) > 0.9
        if relevance[i] >= ON_TOPIC and not repeats:
            total += len(words(sentence.text))
    return total


def _wording_flags(analysis: Analysis, near: Neighbours | None) -> list[FlagResult]:
    detectors = (
        rules.keyword_list,
        rules.jargon,
        rules.stigmatizing,
        rules.confidentiality,
        rules.blame,
        rules.absolute_claims,
    )
    flags = [flag for detect in detectors if (flag := detect(analysis)) is not None]
    guidance = rules.contradicts_guidance(analysis)
    # For a bank question with graded answers, the sentence match must be backed by how
    # interviewers judged the nearest ones: alone it is right about one time in five on new
    # authors' answers, backed about one time in two.
    if guidance is not None and (near is None or near.share(guidance.code) >= GUIDANCE_BACKED):
        flags.append(guidance)
    return flags


def _from_bank(question: Question) -> Question:
    """`question` with what the bank knows of it (its red flags, its other example answers) when
    the caller handed only its text and talking points."""
    bank = current_bank()
    index = bank.find(question) if bank is not None else None
    if bank is None or index is None:
        return question
    known = bank.questions[index]
    return replace(
        question,
        id=question.id or known.id,
        red_flags=question.red_flags or known.red_flags,
        other_examples=question.other_examples or known.other_examples,
        what_not_to_say=question.what_not_to_say or known.what_not_to_say,
    )


def _shape_flags(analysis, cover, parts, scores, codes, related) -> list[FlagResult]:
    """Flags about the answer's shape: its length, whether it stays on the question, whether it
    says anything specific and whether its story ends."""
    off_topic = _off_topic(cover) if related is None else _unrelated(related)
    if related is not None and analysis.word_count < SHORT_WORDS and related.probability > SURELY:
        off_topic = None  # hard to tell what so short an answer is about: too_short is enough
    flags = [
        flag
        for flag in (_too_short(analysis, codes), off_topic, _rambling(analysis, cover))
        if flag is not None
    ]
    if "keyword_list" in codes or analysis.word_count < SHORT_WORDS:
        return flags
    generic = _generic(analysis, scores["specificity"], cover)
    if generic is not None:
        flags.append(
            FlagResult(
                "generic",
                "The answer stays general: it could be anyone's. There is no real example, "
                "number or detail that shows your own experience.",
                generic,
                "replace general claims with one specific example of your own",
            )
        )
    # An interviewer asks for the end of a story, not of an answer that tells none.
    storyless = {"generic", "absolute_claims", "off_topic", "rambling"}
    raised = codes | {f.code for f in flags}
    if analysis.type == "behavioural" and not parts.result and not raised & storyless:
        flags.append(
            FlagResult(
                "missing_result",
                "The story stops before the outcome: the interviewer cannot tell what changed.",
                replacement="add what happened in the end, ideally with a number, "
                "and what you learned",
            )
        )
    return flags


def _too_short(analysis: Analysis, codes: set[str]) -> FlagResult | None:
    words = analysis.word_count
    if words >= SHORT_WORDS or "keyword_list" in codes:
        return None
    return FlagResult(
        "too_short",
        f"At {words} words the answer is too short to show what you would do or did.",
        replacement="aim for 120-250 words: an example, your actions, the result",
    )


def _off_topic(cover: Coverage) -> FlagResult | None:
    relevance = cover.sentence_relevance
    wandering = float(np.mean(relevance < 0.3)) if len(relevance) else 0.0
    # Two independent signs, both strong: the answer as a whole is far from the question, and
    # most of its sentences are far from the question and its talking points. Answers that tell
    # a specific story can sit far from the question's wording, so one sign alone misfires.
    if cover.relevance >= OFF_TOPIC_RELEVANCE or wandering < 0.6:
        return None
    return FlagResult(
        "off_topic",
        "The answer does not address what the question asks.",
        replacement="re-read the question and answer it in your first sentence",
    )


def _unrelated(related: Relevance) -> FlagResult | None:
    if not related.off_topic:
        return None
    closer = (
        f" It is closer to another question: \u201c{related.closest}\u201d"
        if related.closest
        else ""
    )
    return FlagResult(
        "off_topic",
        "The answer does not address what the question asks." + closer,
        replacement="re-read the question and answer it in your first sentence",
    )


def _rambling(analysis: Analysis, cover: Coverage) -> FlagResult | None:
    """Wandering, at any length from RAMBLING_FROM words: a good share of the answer is about
    something else, or it digresses, repeats itself or pads with platitudes; or it is simply
    far too long to be heard out."""
    words = analysis.word_count
    if words < RAMBLING_FROM:
        return None
    drifting = np.flatnonzero(cover.sentence_relevance < DRIFT)
    drift_words = sum(len(analysis.sentences[i].text.split()) for i in drifting) / words
    digressions = len(DIGRESSION.findall(analysis.answer))
    said = rules.probed(analysis, "generic", GENERIC_AT)
    padded = len(said) >= 3 and len(said) >= PADDED_SHARE * len(analysis.sentences)
    repeats = repetition(analysis)
    unfocused = cover.focus < RAMBLING_FOCUS and words > UNFOCUSED_WORDS
    wandering = drift_words >= DRIFT_SHARE or digressions >= 2 or repeats >= 3 or padded
    if not (wandering or unfocused or words > TOO_LONG_WORDS):
        return None
    if drift_words >= DRIFT_SHARE or digressions:
        why = "parts of it move away from the question and the point gets lost"
    elif repeats >= 3:
        why = "it says the same thing more than once"
    elif padded:
        why = "general statements crowd out what you did"
    else:
        why = "it runs well past two minutes spoken and the point gets lost"
    evidence = [analysis.sentences[i].span for i in drifting] or said
    return FlagResult(
        "rambling",
        f"At {words} words, {why}. Interviewers prefer an answer that stays on the question.",
        tuple(evidence[:5]),
        "keep to one example, told in order, and cut what does not answer the question",
    )


def _generic(analysis: Analysis, spec: Scored, cover: Coverage) -> tuple[Span, ...] | None:
    """Evidence that the answer stays general, or None. With the sentence model: a third or
    more of its sentences read as platitudes to the generic probe. Without it: stock phrases
    and little that is specific."""
    said = rules.probed(analysis, "generic", GENERIC_AT)
    if analysis.probe("generic") is not None:
        enough = len(said) >= GENERIC_SHARE * len(analysis.sentences)
        return tuple(said) if said and enough else None
    stock = platitudes(analysis)
    vague = spec.score < 25 and cover.score < 0.4
    return tuple(stock) if (stock and spec.score < 50) or vague else None


def _suggestions(flags, key_points, scores) -> list[Suggestion]:
    out: list[Suggestion] = []
    for flag in flags:
        if flag.replacement:
            out.append(Suggestion(FLAG_CRITERION[flag.code], _sentence(flag.replacement)))
    missing = sorted((k for k in key_points if not k.covered), key=lambda k: -k.similarity)
    for point in missing[:2]:
        out.append(Suggestion("coverage", f"Cover this talking point: {point.text}"))
    for name in sorted(CRITERIA, key=lambda n: scores[n].score):
        for advice in scores[name].missing[:1]:
            out.append(Suggestion(name, advice))
    unique: dict[str, Suggestion] = {}
    for suggestion in out:
        unique.setdefault(suggestion.text, suggestion)
    return list(unique.values())[:5]


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _empty(question: Question, notes: list[str], embedder: Embedder) -> Feedback:
    from .types import KeyPointResult

    return Feedback(
        overall=0,
        criteria=dict.fromkeys(CRITERIA, 0),
        flags=[FlagResult("too_short", "There is no answer to review yet.")],
        key_points=[KeyPointResult(i, t, 0.0, False) for i, t in enumerate(question.key_points)],
        suggestions=[Suggestion("coverage", "Write or say your answer, then ask for feedback.")],
        notes=notes,
        method="embedding" if embedder.semantic else "lexical",
    )


__all__ = ["Feedback", "Question", "Span", "prepare", "review"]
