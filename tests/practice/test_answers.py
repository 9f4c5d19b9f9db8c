"""The answer rules shared by the web form and the API (no database needed)."""

import pytest

from practice.answers import (
    AnswerError,
    clean_answer,
    clean_key_points,
    normalise,
)

SENTENCE = "I listened to the patient and explained the options calmly."


def test_normalising_makes_line_breaks_plain_and_drops_invisible_characters() -> None:
    raw = "  First\r\nsecond\u200b line\rthird\x00 and\ufeff e\u0301  "
    assert normalise(raw) == "First\nsecond line\nthird and \u00e9"


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("", "Write or say your answer first"),
        ("   \n\t  ", "Write or say your answer first"),
        ("\u200b\u200b\u200b", "Write or say your answer first"),
        ("\x00\x00", "Write or say your answer first"),
        ("a", "too short for feedback"),
        ("Too short", "too short for feedback"),
        ("🙂 🙂 🙂 🙂", "Write your answer in words"),
        ("x" * 10_001, "longer than 10,000 characters"),
    ],
)
def test_an_unusable_answer_is_refused_with_a_message(answer: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        clean_answer(answer)


def test_a_real_answer_comes_back_normalised() -> None:
    assert clean_answer(SENTENCE.replace(" ", "\u200b ") + "\r\n") == SENTENCE


def test_talking_points_are_bounded_in_count_and_length() -> None:
    assert clean_key_points(["  empathy ", "", "follow up\u200b"]) == ["empathy", "follow up"]
    with pytest.raises(AnswerError, match="at most 12 talking points"):
        clean_key_points([f"point {n}" for n in range(13)])
    with pytest.raises(AnswerError, match="point 2 is longer"):
        clean_key_points(["fine", "x" * 201])
