"""The coach's confidentiality check, applied to journal entries before they are saved.

A reflection is about real care, so it invites the details that identify a patient: a name with a
diagnosis, a room or record number, a date next to a condition. The coach already knows how to
find them in an answer (`coach.rules.confidentiality`); this module runs that same check on each
answer of an entry and builds the redacted text it offers. Pure Python, no Django.
"""

from __future__ import annotations

from dataclasses import dataclass

from coach import rules
from coach.analysis import Analysis
from coach.embeddings import LexicalEmbedder
from coach.llm import redact
from coach.text import clean
from coach.types import Question, Span

# The check reads wording only; the word-overlap embedder keeps it instant and model-free.
_EMBEDDER = LexicalEmbedder()
_QUESTION = Question(text="A reflection on my partnering work")
FALLBACK_PLACEHOLDER = "[DETAIL]"


@dataclass(frozen=True)
class Concern:
    prompt: str  # the prompt slug whose answer holds it
    text: str  # the words found


@dataclass(frozen=True)
class PrivacyCheck:
    concerns: tuple[Concern, ...]
    redacted: dict[str, str]  # every answer, with what was found replaced

    @property
    def clear(self) -> bool:
        return not self.concerns


def identifiable_details(text: str) -> tuple[Span, ...]:
    """Spans of `clean(text)` that could identify a patient, as the coach finds them (each once,
    widened to the whole word or number, so that "MRN 1234567" is one span, not "MRN 1")."""
    text = clean(text)
    if not text:
        return ()
    flag = rules.confidentiality(Analysis.build(_QUESTION, text, _EMBEDDER))
    if flag is None:
        return ()
    found: dict[tuple[int, int], Span] = {}
    for span in flag.evidence:
        end = span.end
        while end < len(text) and text[end].isalnum():
            end += 1
        found.setdefault((span.start, end), Span(span.start, end, text[span.start : end]))
    return tuple(found[key] for key in sorted(found))


def _placeholder(found: str) -> str:
    """The coach's own placeholder for the words ([NAME], [LOCATION], [DATE]...), if it has one;
    a name the coach found by its shape alone becomes [NAME]."""
    replaced = redact(found)
    if replaced != found:
        return replaced
    return "[NAME]" if all(w[:1].isupper() for w in found.split()) else FALLBACK_PLACEHOLDER


def redacted_text(text: str, spans: tuple[Span, ...]) -> str:
    """`clean(text)` with each span replaced by its placeholder."""
    out, at = [], 0
    text = clean(text)
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < at:  # overlapping evidence: the earlier span already covers it
            continue
        out += [text[at : span.start], _placeholder(span.text)]
        at = span.end
    return "".join([*out, text[at:]])


def entry_check(answers: dict[str, str]) -> PrivacyCheck:
    """Check every answer of a journal entry; the redacted version keeps the rest word for word."""
    concerns: list[Concern] = []
    redacted: dict[str, str] = {}
    for prompt, text in answers.items():
        spans = identifiable_details(text)
        concerns += [Concern(prompt, span.text) for span in spans]
        redacted[prompt] = redacted_text(text, spans) if spans else text
    return PrivacyCheck(tuple(concerns), redacted)
