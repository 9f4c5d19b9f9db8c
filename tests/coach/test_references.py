"""The graded references: a new answer placed among interviewers' grades of answers like it."""

import json
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from coach import review
from coach.references import AT_LEAST, references

CONTENT = Path(__file__).parents[2] / "content" / "questions"


def _weak_example(question_id: str) -> str:
    for path in sorted(CONTENT.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in data if isinstance(data, list) else data["questions"]:
            if item["id"] == question_id:
                return next(e["text"] for e in item["example_answers"] if e["quality"] == "weak")
    raise LookupError(question_id)


def test_every_question_the_corpus_answers_has_graded_references(
    coach_bank: dict[str, Any],
) -> None:
    # The questions added to the bank after the last graded batch have none yet; the coach scores
    # their answers with the weights fitted without the references term.
    found = references()
    assert found is not None
    corpus = Path(__file__).parents[2] / "benchmarks" / "corpus" / "answers"
    answered = {
        json.loads(line)["question_id"]
        for path in corpus.glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    }
    thin = [q for q in coach_bank if q in answered and len(found.rows.get(q, ())) < AT_LEAST]
    assert thin == []
    unknown = next(q for q in coach_bank if q not in answered)
    feedback = review(coach_bank[unknown], coach_bank[unknown]["example_answer"])
    assert feedback.references_grade is None and feedback.references_count == 0
    assert "references" not in [part.name for part in feedback.score_parts]


def test_a_strong_answer_sits_among_better_graded_answers_than_a_weak_one(
    coach_bank: dict[str, Any],
) -> None:
    higher = []
    for question_id in ("pl-interpreter-services", "ps-login-troubleshooting", "hg-telehealth"):
        question = coach_bank[question_id]
        strong = review(question, question["example_answer"])
        weak = review(question, _weak_example(question_id))
        assert strong.references_grade is not None and weak.references_grade is not None
        higher.append(strong.references_grade > weak.references_grade)
    assert all(higher)


def test_the_references_term_is_one_part_of_the_score(coach_bank: dict[str, Any]) -> None:
    question = coach_bank["pl-interpreter-services"]
    feedback = review(question, question["example_answer"])
    names = [p.name for p in feedback.score_parts]
    assert "references" in names
    assert sum(p.points for p in feedback.score_parts) == feedback.overall
    assert feedback.references_count >= AT_LEAST


def test_a_question_the_user_wrote_is_scored_without_references(delay_question) -> None:
    own = {**delay_question, "text": "What would you bring to our volunteer drivers' rota?"}
    feedback = review(own, "I have driven patients to dialysis for two years and know the routes.")
    assert feedback.references_grade is None
    assert "references" not in [p.name for p in feedback.score_parts]


def test_references_made_by_another_model_are_not_used() -> None:
    found = references()
    assert found is not None
    question = next(iter(found.rows))
    vector = np.ones(found.vectors.shape[1], dtype=np.float32) / np.sqrt(found.vectors.shape[1])
    assert found.near(question, vector, found.model) is not None
    assert found.near(question, vector, "word overlap (fallback)") is None
