"""Answers for tests that drive mock interviews through questions chosen at random."""

from coach.text import sentences
from questionbank.models import Question


def half_answer(question: Question) -> str:
    """The first half of the question's strong example: on topic, stopping before the result."""
    strong = question.example_answers.get(quality="strong").text
    parts = [s.text for s in sentences(strong)]
    return " ".join(parts[: max(2, len(parts) // 2)])
