"""An answer about something else is off topic whatever its length, structure or specificity."""

from __future__ import annotations

import random
from typing import Any

from coach import review
from coach.bank import Bank, current_bank, use_bank
from coach.types import Question


def _far(bank: dict[str, dict[str, Any]], qid: str, rng: random.Random) -> str:
    far = [o for o in sorted(bank) if bank[o]["competency"] != bank[qid]["competency"]]
    return rng.choice(far)


def test_another_questions_strong_answer_is_off_topic_and_capped(coach_bank) -> None:
    # benchmarks/relevance.py runs this over the whole bank: 134 of 143 flagged (issue #8's note);
    # here a sample of 20 must be flagged nine times in ten, and a flagged answer is capped.
    rng = random.Random(3)
    flagged = 0
    for qid in rng.sample(sorted(coach_bank), 20):
        other = coach_bank[_far(coach_bank, qid, rng)]["example_answer"]
        feedback = review(coach_bank[qid], other)
        if "off_topic" in feedback.flag_codes:
            flagged += 1
            assert feedback.overall <= 30, qid
    assert flagged >= 18


def test_a_questions_own_strong_answer_is_not_off_topic(coach_bank) -> None:
    for qid in sorted(coach_bank)[::9]:
        feedback = review(coach_bank[qid], coach_bank[qid]["example_answer"])
        assert "off_topic" not in feedback.flag_codes, qid


def test_the_question_handed_without_its_id_is_found_in_the_bank(coach_bank) -> None:
    question = coach_bank["ps-spouse-reset-request"]
    plain = {"text": question["text"], "key_points": question["key_points"]}
    found = use_bank_lookup(plain)
    assert found is not None and found.id == "ps-spouse-reset-request"


def use_bank_lookup(data: dict[str, Any]) -> Question | None:
    current = current_bank()
    assert current is not None
    index = current.find(Question.from_dict(data))
    return None if index is None else current.questions[index]


def test_the_flag_names_the_closer_question(coach_bank) -> None:
    qid, other = "ps-basic-features", "pl-angry-family-member"
    feedback = review(coach_bank[qid], coach_bank[other]["example_answer"])
    message = next(f.message for f in feedback.flags if f.code == "off_topic")
    assert "closer to another question" in message


def test_same_question_in_other_words_is_not_another_topic() -> None:
    before = current_bank()
    bank = Bank([{"text": "How do you handle the emotional demands of this job?"}])
    try:
        use_bank(bank.questions)
        question = {"text": "How do you handle the emotional demands of the role?"}
        answer = (
            "I debrief with my supervisor after hard calls, I keep a clear line between work and "
            "home, and I use our employee support line when a case stays with me. Last winter a "
            "bereaved mother's complaint stayed with me for days, so I booked supervision, talked "
            "it through and took a day off before I went back to the next family meeting."
        )
        assert "off_topic" not in review(question, answer).flag_codes
    finally:
        use_bank(before.questions if before is not None else None)
