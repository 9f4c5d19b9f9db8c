"""Detectors for the flags that depend on wording: each returns its evidence in the answer."""

from __future__ import annotations

import re

import numpy as np

from . import lexicon
from .analysis import Analysis
from .probes import guidance_examples
from .text import content_stems
from .types import FlagResult, Span

STIGMA = [
    (re.compile(rf"\b(?:{p})\b", re.IGNORECASE), fix) for p, fix in lexicon.STIGMATIZING.items()
]
BLAME = lexicon.any_of(lexicon.BLAME)
ABSOLUTE = lexicon.any_of(lexicon.ABSOLUTE)
TITLE_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.? [A-Z][a-z]+")
# "named X" or "called X" counts only about a patient or their family, not a manager or a dog.
NAMED = re.compile(
    r"\b(?:patient|client|resident|caller|man|woman|gentleman|lady|boy|girl|mother|father|son|"
    r"daughter|wife|husband|family)\b[^.]{0,30}\b(?:named|called|name was|name is) "
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"
)
FULL_NAME_PATIENT = re.compile(
    r"\b(?:patient|client|resident|man|woman|gentleman|lady|mother|father),? "
    r"[A-Z][a-z]+ [A-Z][a-z]+"
)
ROOM = re.compile(
    r"\b(?:room|bed|bay|cubicle|ward) (?:no\.? ?|number )?#?\d+[a-z]?\b", re.IGNORECASE
)
RECORD = re.compile(
    r"\b(?:MRN|medical record (?:number|no)|record (?:number|no)|NHS number|hospital number|"
    r"social security)\b[ :#]*\d|\b(?:born on|DOB|date of birth)[ :]+\d|\b\d{6,}\b",
    re.IGNORECASE,
)
DATE = re.compile(
    rf"\b(?:\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|(?:{lexicon.MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{lexicon.MONTHS})\b)",
    re.IGNORECASE,
)
# A person's full name (two capitalised words that are not a place or a service), an age or a
# street: identifying when they come with a diagnosis, or with each other, in two sentences.
FULL_NAME = re.compile(
    r"\b[A-Z][a-z]+ (?!(?:Street|Road|Avenue|Lane|Drive|Hospital|Centre|Center|Clinic|Unit|Ward|"
    r"Team|Council|Services?|Office|Department|Trust|Health|Care|Relations|Experience|App|Portal|"
    r"Group|Committee|Board|House|University|College|School|Church|Park|Square|Medical|General|"
    r"Foundation|Society|Network|Line|Desk)\b)[A-Z][a-z]{2,}\b"
)
AGE = re.compile(
    r"\b(?:(?:she|he)(?:'s| is| was)|aged?) \d{1,3}\b|\b\d{1,3}[- ]year[- ]old\b", re.IGNORECASE
)
STREET = re.compile(r"\b[A-Z][a-z]+ (?:Street|Road|Avenue|Lane|Drive|Crescent|Close)\b")
DIAGNOSIS = re.compile(rf"\b(?:{lexicon.DIAGNOSES})\b", re.IGNORECASE)
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,6}s?\b")
NEGATION = re.compile(
    r"\b(?:not|never|no|avoid|instead of|rather than|without|wouldn'?t|won'?t|don'?t|didn'?t|"
    r"isn'?t|can'?t|couldn'?t|shouldn'?t)\b",
    re.IGNORECASE,
)
# How close a sentence must be to a "what not to say" item (no quoted words) to count as saying it.
SEMANTIC_MATCH = 0.68
# Quoted words in guidance: "..." or “...” or '...' (an apostrophe inside a word is not a quote).
QUOTED = re.compile(
    r"\"([^\"]{4,160})\"|“([^”]{4,160})”|‘((?:[^’]|’(?=\w))+)’|(?<!\w)'((?:[^']|'(?=\w)){4,160})'(?!\w)"
)
NEGATED_ADVICE = re.compile(
    r"^\s*(?:do not|don't|avoid|never|refrain from|steer clear of|saying|claiming|suggesting|"
    r"implying|blaming|dismissing|ignoring)\s*(?:saying|claiming|suggesting|implying|that)?\s*",
    re.IGNORECASE,
)


def _spans(analysis: Analysis, pattern: re.Pattern[str]) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(0)) for m in pattern.finditer(analysis.answer)]


# The speaker refuses, stops or conditions what the sentence describes ("I wouldn't", "not until
# I had checked", "instead of"), or negates it in a way that endorses skipping a safeguard.
REFUSAL = re.compile(
    r"\b(?:wouldn'?t|would not|won'?t|will not|can'?t|cannot|couldn'?t|could not|never|"
    r"refuse[ds]?|declined?|not until|until (?:I|we|she|he|they)|unless|only (?:once|after|if|when|"
    r"with)|instead of|rather than|stopped (?:her|him|them)|reminded (?:her|him|them))\b",
    re.IGNORECASE,
)
SKIPPING = re.compile(
    r"\b(?:wouldn'?t|didn'?t|don'?t|won'?t) (?:bother|need|worry)|\bno (?:need|point)\b|"
    r"\bnot (?:a big deal|necessary|needed)\b|\bnever (?:check|ask)",
    re.IGNORECASE,
)
# A word said only to report or challenge it: "a colleague called him 'non-compliant' and I asked
# what was getting in the way", "I try not to say 'difficult patient'".
REPORTED = re.compile(
    r"\b(?:called|calls|calling|call (?:him|her|them)|labell?(?:ed|ing)|label|"
    r"described (?:\w+ )?as|referred to (?:\w+ )?as|wrote|written|the (?:word|term|phrase|label)|"
    r"words like|terms like|"
    r"what (?:people|staff|colleagues|some) call|so-called|known as)\b",
    re.IGNORECASE,
)
CHALLENGE = re.compile(
    r"\b(?:instead|rather|asked|challenged?|corrected?|pointed out|reminded|suggested|replaced?|"
    r"avoid|don'?t|never|wouldn'?t|not|isn'?t|unfair|stigma\w*|label\w*|reframe\w*|push(?:ed)? "
    r"back|disagree\w*|wrong)\b",
    re.IGNORECASE,
)


# Someone else's words: "the referral letter called her ...", "families say ...".
THEIR_WORDS = re.compile(
    r"(?<![\w'’])(?!I\b)(?:[A-Za-z]+) (?:called|calls|call|said|says|say|described|labell?ed|wrote|"
    r"referred to)\b"
)
# The speaker avoids the word: "I try not to say ...", "I'd never describe anyone as ...".
AVOIDS = re.compile(
    r"\b(?:not|never|n't|avoid|stop(?:ped)?|hate[ds]?)\s+(?:\w+\s+){0,3}?(?:say|saying|use|"
    r"using|call|calling|describe|describing|being called|repeat)\b",
    re.IGNORECASE,
)


def _quote_marks(text: str, mark: str) -> list[int]:
    """Where `mark` opens or closes a quotation in `text` (an apostrophe inside a word does not)."""
    return [
        i
        for i, c in enumerate(text)
        if c == mark
        and not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum())
    ]


def _quoted(text: str, start: int, end: int) -> bool:
    """The characters [start, end) of `text` sit inside quotation marks."""
    for opening, closing in (('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'")):
        opens = [i for i in _quote_marks(text, opening) if i < start]
        closes = [i for i in _quote_marks(text, closing) if i >= end]
        if opening == closing:
            if len(opens) % 2 == 1 and closes:
                return True
        elif (
            opens
            and closes
            and max(opens) > max((i for i in _quote_marks(text, closing) if i < start), default=-1)
        ):
            return True
    return False


def _challenged(analysis: Analysis, span: Span) -> bool:
    """`span` (a stigmatising word) is quoted or reported in order to question it."""
    sentence = next((s for s in analysis.sentences if s.start <= span.start < s.end), None)
    if sentence is None:
        return False
    start, end = span.start - sentence.start, span.end - sentence.start
    if _quoted(sentence.text, start, end):
        return True
    before = sentence.text[:start]
    if THEIR_WORDS.search(before) or AVOIDS.search(before):
        return True
    return bool(REPORTED.search(sentence.text) and CHALLENGE.search(sentence.text))


def _fix(fix: str, said: str) -> str:
    if fix != "person-first":
        return fix
    term = next((t for t in lexicon.PERSON_FIRST if t in said.lower()), "")
    return f"person-first: '{lexicon.PERSON_FIRST[term]}'" if term else "person-first wording"


def stigmatizing(analysis: Analysis) -> FlagResult | None:
    found: list[Span] = []
    fixes: list[str] = []
    for pattern, fix in STIGMA:
        spans = [s for s in _spans(analysis, pattern) if not _challenged(analysis, s)]
        if spans:
            found += spans
            fixes.append(f"instead of '{spans[0].text}', {_fix(fix, spans[0].text)}")
    if not found:
        return None
    return FlagResult(
        "stigmatizing_language",
        "Some wording labels or blames people for their health; interviewers for patient-facing "
        "roles listen for person-first, respectful language.",
        tuple(found),
        "; ".join(fixes),
    )


def jargon(analysis: Analysis) -> FlagResult | None:
    hits = [
        Span(m.start(), m.end(), m.group(0))
        for m in re.finditer(r"[A-Za-z][A-Za-z0-9&-]*", analysis.answer)
        if m.group(0).lower() in lexicon.JARGON
        or (ACRONYM.fullmatch(m.group(0)) and m.group(0).rstrip("s") not in lexicon.COMMON_ACRONYMS)
    ]
    distinct = {h.text.lower() for h in hits}
    per_100 = 100 * len(hits) / max(analysis.word_count, 1)
    if (len(distinct) >= 4 and per_100 >= 3.0) or len(distinct) >= 7:
        return FlagResult(
            "jargon",
            "The answer leans on acronyms and jargon ("
            + ", ".join(sorted(distinct)[:6])
            + "). Patients and lay panel members may not follow it.",
            tuple(hits),
            "say it in plain words, as you would to a patient",
        )
    return None


def confidentiality(analysis: Analysis) -> FlagResult | None:
    found = (
        _spans(analysis, TITLE_NAME)
        + _spans(analysis, NAMED)
        + _spans(analysis, FULL_NAME_PATIENT)
        + _spans(analysis, ROOM)
        + _spans(analysis, RECORD)
    )
    for sentence in analysis.sentences:
        date = DATE.search(sentence.text)
        if date and DIAGNOSIS.search(sentence.text):
            start = sentence.start + date.start()
            found.append(Span(start, sentence.start + date.end(), date.group(0)))
    found += _named_with_details(analysis)
    if not found:
        return None
    return FlagResult(
        "confidentiality_risk",
        "The answer includes details that could identify a patient (a name, a room or record "
        "number, or a date next to a diagnosis).",
        tuple(sorted(found, key=lambda s: s.start)),
        "describe the person generally: 'an older patient on the cardiac ward', with no names, "
        "numbers or dates",
    )


def _named_with_details(analysis: Analysis) -> list[Span]:
    """Full names that come with a diagnosis, an age or a street in the same or next sentence."""
    found: list[Span] = []
    for index, sentence in enumerate(analysis.sentences):
        window = " ".join(s.text for s in analysis.sentences[index : index + 2])
        details = sum(bool(p.search(window)) for p in (DIAGNOSIS, AGE, STREET))
        for name in FULL_NAME.finditer(sentence.text):
            at_start = name.start() == 0
            if details and not (at_start and details < 2):
                start = sentence.start + name.start()
                found.append(Span(start, sentence.start + name.end(), name.group(0)))
    return found


def probed(analysis: Analysis, name: str, at: float, least: int = 1) -> list[Span]:
    """Sentences the named probe reads as `name` with probability `at` or more, when at least
    `least` of them do."""
    probability = analysis.probe(name)
    if probability is None:
        return []
    hits = [s.span for s, p in zip(analysis.sentences, probability, strict=True) if p >= at]
    return hits if len(hits) >= least else []


def _merged(*groups: list[Span]) -> tuple[Span, ...]:
    """Evidence from several detectors, in answer order, without spans inside other spans."""
    spans = sorted({s for group in groups for s in group}, key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in spans:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return tuple(kept)


# Probe thresholds, chosen on the calibration sets of benchmarks/graded (precision first: these
# flags say something about the candidate). Blame needs two sentences: one sharp remark about a
# colleague inside an owned story is not an answer that blames.
BLAME_AT, BLAME_SENTENCES = 0.8, 2
ABSOLUTE_AT = 0.95
# A sentence the guidance probe reads as a thing not to say (GUIDANCE_AT) and that is this close
# to a question's "what not to say" item (GUIDANCE_ABOUT) does what the item warns against.
GUIDANCE_AT, GUIDANCE_ABOUT = 0.8, 0.4
# A sentence this similar to an example of doing what an item warns against, and this much closer
# to it than to the examples of not doing it, does it too (chosen on the calibration sets).
EXAMPLE_AT, EXAMPLE_MARGIN = 0.7, 0.05


def _sentence_of(analysis: Analysis, span: Span) -> Span:
    """The sentence that holds `span`: blame is quoted with who it is put on."""
    return next((s.span for s in analysis.sentences if s.start <= span.start < s.end), span)


def blame(analysis: Analysis) -> FlagResult | None:
    said = [_sentence_of(analysis, span) for span in _spans(analysis, BLAME)]
    found = _merged(said, probed(analysis, "blame", BLAME_AT, BLAME_SENTENCES))
    if not found:
        return None
    return FlagResult(
        "blame",
        "Part of the answer puts the problem on someone else. Interviewers look for ownership "
        "and respect for colleagues and patients.",
        found,
        "describe what you did and what you would do differently, not who was at fault",
    )


def absolute_claims(analysis: Analysis) -> FlagResult | None:
    found = _merged(_spans(analysis, ABSOLUTE), probed(analysis, "absolute", ABSOLUTE_AT))
    if not found:
        return None
    return FlagResult(
        "absolute_claims",
        "Claims of never erring or never being affected are not believable and suggest a lack of "
        "self-awareness.",
        found,
        "name a real mistake or a real strain, and what you do about it",
    )


def keyword_list(analysis: Analysis) -> FlagResult | None:
    """Talking points strung together without sentences: few function words, few verbs."""
    if analysis.word_count < 5:
        return None
    fragments = [f for f in re.split(r"[,;\n•]+", analysis.answer) if f.strip()]
    avg_fragment = analysis.word_count / max(len(fragments), 1)
    if analysis.function_word_ratio < 0.18 or (
        analysis.function_word_ratio < 0.28 and avg_fragment < 4.5 and len(fragments) >= 4
    ):
        return FlagResult(
            "keyword_list",
            "This reads as a list of keywords rather than an answer. Interviewers need to hear "
            "what you did or would do, in sentences.",
            (Span(0, len(analysis.answer), analysis.answer[:120]),),
            "turn the keywords into two or three sentences about a real example",
        )
    return None


def contradicts_guidance(analysis: Analysis) -> FlagResult | None:
    """The answer does what a `what_not_to_say` item warns against."""
    found: list[Span] = []
    items: list[str] = []
    for item in analysis.question.what_not_to_say:
        found_quotes = ["".join(groups) for groups in QUOTED.findall(item)]
        quotes = [q for q in found_quotes if len(content_stems(q)) >= 2]
        hits = [span for q in quotes if (span := _says(analysis, q)) is not None]
        about = _about(analysis, item)
        if not quotes:
            hit = _semantic_match(analysis, about)
            hits = [hit] if hit is not None else []
        hits += _probed_match(analysis, about) + _example_match(analysis, item)
        if hits:
            found += hits
            items.append(item)
    if not found:
        return None
    return FlagResult(
        "contradicts_guidance",
        "The answer does what the guidance for this question warns against: " + "; ".join(items),
        _merged(found),
        "re-read 'what not to say' for this question and reframe that part",
    )


def _says(analysis: Analysis, quote: str) -> Span | None:
    """A sentence that says (nearly) the quoted words, and does not say them to reject them."""
    wanted = content_stems(quote)
    quote_negations = len(NEGATION.findall(quote))
    for sentence in analysis.sentences:
        have = content_stems(sentence.text)
        if len(wanted & have) / len(wanted) < 0.75:
            continue
        if len(NEGATION.findall(sentence.text)) > quote_negations:
            continue  # "I wouldn't tell them to calm down" follows the advice
        if _reported(sentence.text, quote):
            continue  # "he calmed down", "the nurse told her to calm down and I stepped in"
        return sentence.span
    return None


# Someone other than the speaker does or says it: "he calmed down", "she said it wasn't her job".
OTHERS = r"(?:he|she|they|it|who|which|everyone|[Tt]he \w+|[A-Z][a-z]+)"


def _reported(sentence: str, quote: str) -> bool:
    """The quote's first word is said by or of someone else in `sentence`, not by the speaker."""
    first = next((w for w in re.findall(r"[A-Za-z']+", quote) if w.lower() not in ("i", "you")), "")
    if not first:
        return False
    stem = re.escape(first.lower()[:4])
    pattern = rf"\b{OTHERS}(?:'s| was| is| had| has)?\s+(?:\w+ly\s+)?{stem}\w*"
    return bool(re.search(pattern, sentence))


def refused(sentence: str) -> bool:
    """The speaker refuses, stops or conditions what the sentence describes."""
    return bool(REFUSAL.search(sentence)) and not SKIPPING.search(sentence)


def guidance_core(item: str) -> str:
    """A "what not to say" item without its "Don't"/"Avoid": the thing said, to compare with."""
    return NEGATED_ADVICE.sub("", item).strip()


def _about(analysis: Analysis, item: str) -> np.ndarray | None:
    """Per sentence, its similarity to what the item warns against; None when the item is too
    short to compare or there is no sentence model."""
    core = guidance_core(item)
    if len(core.split()) < 3 or not analysis.sentences or not analysis.embedder.semantic:
        return None
    (code,) = analysis.embedder.encode([core])
    return analysis.sentence_similarity(code.vector)


def _probed_match(analysis: Analysis, about: np.ndarray | None) -> list[Span]:
    """Sentences that the guidance probe reads as a thing not to say in an interview and that
    are about the item (`about`: each sentence's similarity to it)."""
    risky = analysis.probe("guidance")
    if risky is None or about is None:
        return []
    return [
        sentence.span
        for sentence, p, similarity in zip(analysis.sentences, risky, about, strict=True)
        if p >= GUIDANCE_AT and similarity >= GUIDANCE_ABOUT and not refused(sentence.text)
    ]


def _example_match(analysis: Analysis, item: str) -> list[Span]:
    """Sentences close to an example of doing what the item warns against, and closer to it than
    to any example of not doing it (examples written for the bank's items)."""
    examples = guidance_examples(item) if analysis.embedder.semantic else None
    if examples is None or not analysis.sentences:
        return []
    does, does_not = (analysis.sentence_matrix @ e.T for e in examples)
    near, nearest_not = does.max(axis=1), does_not.max(axis=1)
    return [
        sentence.span
        for sentence, v, r in zip(analysis.sentences, near, nearest_not, strict=True)
        if v >= EXAMPLE_AT and v - r >= EXAMPLE_MARGIN and not refused(sentence.text)
    ]


def _semantic_match(analysis: Analysis, about: np.ndarray | None) -> Span | None:
    """The sentence nearest the item, when it is near enough and does not negate it."""
    if about is None:
        return None
    best = int(np.argmax(about))
    sentence = analysis.sentences[best]
    if about[best] < SEMANTIC_MATCH or NEGATION.search(sentence.text):
        return None
    return sentence.span
