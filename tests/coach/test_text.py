"""Sentence splitting: every criterion and flag reads sentences, so they must be right."""

from coach.text import sentences


def test_a_word_ending_like_an_abbreviation_still_ends_a_sentence() -> None:
    text = "I listened to what worried her most. Then I called the ward. It was my first. I left."
    assert [s.text for s in sentences(text)] == [
        "I listened to what worried her most.",
        "Then I called the ward.",
        "It was my first.",
        "I left.",
    ]


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "I met Dr. Okafor at St. Mary's, e.g. on Monday. She agreed."
    assert [s.text for s in sentences(text)] == [
        "I met Dr. Okafor at St. Mary's, e.g. on Monday.",
        "She agreed.",
    ]


def test_offsets_point_back_into_the_answer() -> None:
    text = "First point.  Second point!\n\n- a bullet"
    for sentence in sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
