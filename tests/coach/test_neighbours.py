"""Flags backed by how interviewers judged the nearest graded answers (coach.references)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from coach import review
from coach.analysis import Analysis
from coach.embeddings import get_embedder
from coach.references import Neighbours, references
from coach.safety import NEIGHBOURS_AT, unsafe_practice
from coach.types import Question

QUESTION = Question.from_dict(
    {
        "text": "A caller says she is a patient's daughter and asks for her mother's test "
        "results. What do you do?",
        "type": "situational",
        "key_points": ["Verify the caller's identity before sharing anything"],
    }
)
CARRIER = "I would read her the results over the phone straight away to save her a call."
ANSWER = "She sounded worried and kind. " + CARRIER + " Then I would note the call in the record."
REFUSING = (
    "I would not read out any results until I had checked who she was and what her mother "
    "agreed to. I would offer a call back to the patient instead."
)


def analysed(answer: str) -> Analysis:
    embedder, _ = get_embedder()
    return Analysis.build(QUESTION, answer, embedder)


def neighbours(analysis: Analysis, unsafe: float, towards: str) -> Neighbours:
    """Neighbours as the references would give them, leaning towards one sentence."""
    index = next(i for i, s in enumerate(analysis.sentences) if s.text.startswith(towards[:20]))
    return Neighbours(
        grade=1.8,
        similarity=0.9,
        count=20,
        flags={"unsafe_practice": unsafe},
        notes={"unsafe_practice": "Reads results to a caller nobody has verified."},
        towards={"unsafe_practice": analysis.sentence_matrix[index]},
    )


def test_nearest_answers_judged_unsafe_raise_the_flag_on_the_sentence_that_carries_it() -> None:
    analysis = analysed(ANSWER)
    safety = unsafe_practice(analysis, neighbours(analysis, 0.7, CARRIER))
    assert safety.flag is not None
    assert [e.text for e in safety.flag.evidence] == [CARRIER]
    assert "Reads results to a caller nobody has verified." in safety.flag.message
    assert safety.flag.replacement.startswith("say what you would do instead")


def test_too_few_unsafe_neighbours_raise_nothing() -> None:
    analysis = analysed(ANSWER)
    assert unsafe_practice(analysis, neighbours(analysis, NEIGHBOURS_AT / 2, CARRIER)).flag is None


def test_an_answer_that_refuses_is_never_flagged_whatever_its_neighbours() -> None:
    analysis = analysed(REFUSING)
    near = neighbours(analysis, 1.0, REFUSING)
    near = Neighbours(near.grade, near.similarity, near.count, near.flags, near.notes, {})
    first = unsafe_practice(analysis, near)
    assert first.flag is None or all("would not" not in e.text for e in first.flag.evidence)


def _graded_unsafe_answer() -> dict[str, Any] | None:
    """An answer from the corpus that both its graders judged unsafe."""
    root = Path(__file__).parents[2] / "benchmarks" / "corpus"
    answers = {
        row["id"]: row
        for row in map(json.loads, (root / "answers" / "E3.jsonl").read_text().splitlines())
    }
    flagged = [
        {
            json.loads(line)["id"]
            for line in path.read_text().splitlines()
            if "unsafe_practice" in json.loads(line)["flags"]
        }
        for path in sorted((root / "grades").glob("E3.*.jsonl"))
    ]
    both = sorted(set.intersection(*flagged))
    return answers[both[0]] if both else None


def test_an_answer_interviewers_judged_unsafe_is_flagged_and_capped(coach_bank) -> None:
    # The answer is among the references itself (the corpus ships as vectors): what this proves
    # is the path from the shipped references to the flag and the cap, not recall on new answers
    # (docs/benchmarks.md measures that on the held-out set).
    found = _graded_unsafe_answer()
    assert found is not None and references() is not None
    feedback = review(coach_bank[found["question_id"]], found["text"])
    assert "unsafe_practice" in feedback.flag_codes
    assert feedback.overall <= 30
    flag = next(f for f in feedback.flags if f.code == "unsafe_practice")
    assert all(found["text"][e.start : e.end] == e.text for e in flag.evidence)


def test_the_shipped_references_keep_every_flag() -> None:
    shipped = references()
    assert shipped is not None
    assert "contradicts_guidance" in shipped.codes and "unsafe_practice" in shipped.codes
    assert shipped.flags.shape == (len(shipped.grades), len(shipped.codes))
    assert np.isin(shipped.flags, (0.0, 1.0)).all()
