"""One set of rules for an answer, the same on the web and in the API: how it is normalised
(what the coach reads, what is stored and shown, so highlights land on the right words) and when
it is refused, with a message a candidate can act on. Also the bounds on own-question talking
points and on the timing values a browser sends."""

from __future__ import annotations

import re
import unicodedata

MAX_ANSWER_CHARS = 10_000
MIN_ANSWER_WORDS = 3
MAX_QUESTION_CHARS = 500
MAX_KEY_POINTS = 12
MAX_KEY_POINT_CHARS = 200
MAX_SECONDS = 7200  # two hours: longer than any answer, small enough for every column
MAX_PAUSES = 500

# Invisible characters: zero-width spaces and joiners, bidirectional controls, the word joiner
# family, the byte-order mark, the soft hyphen. They change no word a reader sees.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
# Control characters other than tab and newline (NUL included: PostgreSQL refuses it in text).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[^\W_]+")


class AnswerError(ValueError):
    """An answer (or a field sent with it) that cannot be used; the message says what to do."""


def normalise(text: str) -> str:
    """Line breaks as \\n (browsers send \\r\\n), composed Unicode, no invisible or control
    characters, no space around the whole."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", _INVISIBLE.sub("", text)).strip()


def clean_answer(text: str) -> str:
    """The answer as stored and reviewed, or AnswerError saying why it cannot be reviewed."""
    answer = normalise(text)
    if not answer:
        raise AnswerError("Write or say your answer first, then ask for feedback.")
    if len(answer) > MAX_ANSWER_CHARS:
        raise AnswerError(
            f"That is longer than {MAX_ANSWER_CHARS:,} characters; an interview answer is "
            "rarely more than 400 words. Shorten it and send again."
        )
    words = _WORD.findall(answer)
    if not words:
        raise AnswerError("Write your answer in words: the coach cannot read symbols or emoji.")
    if len(words) < MIN_ANSWER_WORDS:
        raise AnswerError("That is too short for feedback: write at least a sentence or two.")
    return answer


def clean_question_text(text: str) -> str:
    question = normalise(text)
    if len(_WORD.findall(question)) < 2:
        raise AnswerError("Write the question in a few words.")
    if len(question) > MAX_QUESTION_CHARS:
        raise AnswerError(f"Keep the question under {MAX_QUESTION_CHARS} characters.")
    return question


def clean_key_points(points: list[str]) -> list[str]:
    """Own-question talking points: at most MAX_KEY_POINTS of at most MAX_KEY_POINT_CHARS."""
    cleaned = [p for p in (normalise(point) for point in points) if p]
    if len(cleaned) > MAX_KEY_POINTS:
        raise AnswerError(
            f"Give at most {MAX_KEY_POINTS} talking points (you gave {len(cleaned)})."
        )
    too_long = [i + 1 for i, p in enumerate(cleaned) if len(p) > MAX_KEY_POINT_CHARS]
    if too_long:
        raise AnswerError(
            f"Keep each talking point under {MAX_KEY_POINT_CHARS} characters "
            f"(point {too_long[0]} is longer)."
        )
    return cleaned
