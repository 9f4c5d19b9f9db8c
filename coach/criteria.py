"""Scores for structure, specificity, clarity and language, each 0-100 with its reasons."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from . import lexicon
from .analysis import Analysis
from .types import Span

SITUATION = lexicon.any_of(lexicon.SITUATION_CUES)
TASK = lexicon.any_of(lexicon.TASK_CUES)
ACTION = lexicon.any_of(lexicon.ACTION_CUES)
RESULT = lexicon.any_of(lexicon.RESULT_CUES)
SEQUENCE = lexicon.any_of(lexicon.SEQUENCE_CUES)
EXPLANATION = lexicon.any_of(lexicon.EXPLANATION_CUES)
MOTIVATION = lexicon.any_of(lexicon.MOTIVATION_CUES)
CONCRETE = lexicon.any_of(lexicon.CONCRETE_CUES)
NUMBER = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:%|percent|per cent)?|\b(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half|dozen)\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\bI\b")
WE = re.compile(r"\bwe\b", re.IGNORECASE)
FILLER = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in lexicon.FILLERS) + r")\b", re.I)
HEDGE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in lexicon.HEDGES) + r")\b", re.I)
PLATITUDE = re.compile("|".join(re.escape(p) for p in lexicon.PLATITUDES), re.IGNORECASE)
PROPER = re.compile(r"(?<=[a-z,;] )[A-Z][A-Za-z]+")


@dataclass
class Scored:
    score: float  # 0..100
    found: list[str] = field(default_factory=list)  # what the answer does well
    missing: list[str] = field(default_factory=list)  # what it lacks, as advice
    spans: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class Star:
    situation: bool
    task: bool
    action: bool
    result: bool

    @property
    def parts(self) -> int:
        return sum((self.situation, self.task, self.action, self.result))


def star(analysis: Analysis) -> Star:
    text = analysis.answer
    ending = text[int(len(text) * 0.55) :]  # a result comes at the end of the story
    return Star(
        situation=bool(SITUATION.search(text)),
        task=bool(TASK.search(text)),
        action=len(ACTION.findall(text)) >= 2,
        result=bool(RESULT.search(ending)) or _states_outcome(analysis),
    )


# The result probe's probability from which a sentence reads as an outcome ("He was seen within
# the hour"), and where in the story one is looked for (the last 60% of its sentences). Chosen
# on the calibration sets of benchmarks/graded for the `missing_result` flag.
OUTCOME = 0.4
OUTCOME_FROM = 0.4


def _states_outcome(analysis: Analysis) -> bool:
    probability = analysis.probe("result")
    if probability is None or not len(probability):
        return False
    position = np.arange(len(probability)) / max(len(probability) - 1, 1)
    return bool((probability[position >= OUTCOME_FROM] >= OUTCOME).any())


def structure(analysis: Analysis, parts: Star) -> Scored:
    """STAR for a behavioural question, a stepwise approach for a situational one, reasons for a
    technical one, a personal link for motivation, and a point-reason-example shape otherwise."""
    if analysis.type == "behavioural":
        return _star_structure(parts)
    shapes = {
        "situational": _approach,
        "technical": _explanation,
        "motivation": _motivation,
    }
    return shapes.get(analysis.type, _shape)(analysis)


STAR_WEIGHTS = {"situation": 20, "task": 15, "action": 35, "result": 30}
STAR_ADVICE = {
    "situation": "Set the scene in one sentence: where you were and what was happening.",
    "task": "Say what you were responsible for, or what needed to change.",
    "action": "Describe the steps you took yourself, with 'I' rather than 'we'.",
    "result": "End with the result: what changed for the patient or the team, with a "
    "number if you have one, and what you learned.",
}


def _star_structure(parts: Star) -> Scored:
    got = {name: getattr(parts, name) for name in STAR_WEIGHTS}
    scored = Scored(sum(w for n, w in STAR_WEIGHTS.items() if got[n]))
    scored.found = [f"a clear {n}" for n in STAR_WEIGHTS if got[n]]
    scored.missing = [STAR_ADVICE[n] for n in STAR_WEIGHTS if not got[n]]
    return scored


def _approach(analysis: Analysis) -> Scored:
    steps = len(SEQUENCE.findall(analysis.answer))
    contingency = bool(re.search(r"\bif\b.*\b(?:then|would|I)\b", analysis.lower))
    scored = Scored(min(100.0, 35 + 12 * steps + (15 if contingency else 0)))
    if steps >= 3:
        scored.found.append("a step-by-step approach")
    else:
        scored.missing.append(
            "Walk through your approach in order: first, then, finally; say what you would "
            "do if the first step did not work."
        )
    return scored


def _explanation(analysis: Analysis) -> Scored:
    cues = len(EXPLANATION.findall(analysis.answer))
    scored = Scored(min(100.0, 40 + 15 * cues + (10 if len(analysis.sentences) >= 3 else 0)))
    if cues >= 2:
        scored.found.append("explanations with reasons and examples")
    else:
        scored.missing.append("Explain why, and give an example of applying it in practice.")
    return scored


def _motivation(analysis: Analysis) -> Scored:
    cues = len(MOTIVATION.findall(analysis.answer))
    scored = Scored(min(100.0, 35 + 15 * cues))
    if cues < 3:
        scored.missing.append(
            "Connect a specific experience of yours to what this organisation and role do."
        )
    return scored


def _shape(analysis: Analysis) -> Scored:
    connectors = len(EXPLANATION.findall(analysis.answer)) + len(SEQUENCE.findall(analysis.answer))
    scored = Scored(min(100.0, 40 + 12 * connectors + (10 if len(analysis.sentences) >= 3 else 0)))
    if connectors < 2:
        scored.missing.append("Give the answer a shape: your point, a reason, an example.")
    return scored


def specificity(analysis: Analysis) -> Scored:
    text = analysis.answer
    numbers = len(NUMBER.findall(text))
    if analysis.type in ("behavioural", "motivation", "general"):
        concrete = bool(CONCRETE.search(text)) or star(analysis).situation
    else:  # a plan for a hypothetical is concrete when it names its steps
        concrete = len(SEQUENCE.findall(text)) + len(re.findall(r"\bI'?d\b", text)) >= 3
    tools = {w.lower() for w in analysis.words} & lexicon.TOOLS
    proper = len(PROPER.findall(text))
    i_count, we_count = len(FIRST_PERSON.findall(text)), len(WE.findall(text))
    ownership = i_count / max(i_count + we_count, 1) if i_count + we_count else 0.0
    density = min(1.0, (i_count + we_count) / max(len(analysis.sentences), 1))
    score = (
        30 * concrete
        + 25 * min(1.0, numbers / 2)
        + 15 * min(1.0, (len(tools) + proper / 2) / 1.5)
        + 30 * ownership * density
    )
    scored = Scored(score)
    if concrete:
        scored.found.append("a concrete example")
    else:
        scored.missing.append(
            "Anchor the answer in one real example: when, where, who was involved."
        )
    if numbers:
        scored.found.append("numbers that make it measurable")
    elif analysis.type in ("behavioural", "general"):  # a plan for a hypothetical has no tally
        scored.missing.append(
            "Add a number: how many patients, how long, what changed by how much."
        )
    if ownership < 0.5 and we_count:
        scored.missing.append(
            "Say what you did ('I called', 'I arranged'), not only what 'we' did."
        )
    return scored


def clarity(analysis: Analysis) -> Scored:
    lengths = [len(s.text.split()) for s in analysis.sentences] or [0]
    average = float(np.mean(lengths))
    per_100 = 100 / max(analysis.word_count, 1)
    fillers = [Span(m.start(), m.end(), m.group(0)) for m in FILLER.finditer(analysis.answer)]
    hedges = [Span(m.start(), m.end(), m.group(0)) for m in HEDGE.finditer(analysis.answer)]
    very_long = sum(n > 40 for n in lengths)
    score = 100.0
    score -= max(0.0, average - 24) * 2.5
    score -= min(30, 8 * very_long)
    score -= min(35, len(fillers) * per_100 * 8)
    score -= min(25, len(hedges) * per_100 * 6)
    score -= repetition(analysis) * 10
    scored = Scored(max(0.0, score), spans=fillers + hedges)
    if average > 28 or very_long:
        scored.missing.append("Shorten long sentences: one idea per sentence.")
    if fillers:
        words = ", ".join(sorted({f.text.lower() for f in fillers})[:4])
        scored.missing.append(f"Cut filler words ({words}); a short pause sounds more confident.")
    if len(hedges) * per_100 > 1.5:
        scored.missing.append("Say what you did or would do with confidence, with fewer 'maybe's.")
    if score >= 85:
        scored.found.append("clear, concise sentences")
    return scored


def repetition(analysis: Analysis) -> int:
    """Pairs of sentences that say nearly the same thing."""
    if len(analysis.sentences) < 2 or not analysis.embedder.semantic:
        return 0
    return int((np.triu(analysis.self_similarity, k=1) > 0.9).sum())


def language(analysis: Analysis, stigma_hits: int, jargon_flagged: bool) -> Scored:
    long_words = sum(len(w) >= 13 for w in analysis.words) / max(analysis.word_count, 1)
    score = (
        100.0
        - 30 * min(stigma_hits, 3)
        - (25 if jargon_flagged else 0)
        - 200 * max(0.0, long_words - 0.04)
    )
    scored = Scored(max(0.0, score))
    if stigma_hits:
        scored.missing.append(
            "Use person-first, neutral words about patients (see the flagged terms)."
        )
    if jargon_flagged:
        scored.missing.append("Replace acronyms and jargon with plain words.")
    if score >= 90:
        scored.found.append("plain, respectful language")
    return scored


def platitudes(analysis: Analysis) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(0)) for m in PLATITUDE.finditer(analysis.answer)]
