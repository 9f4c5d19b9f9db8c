"""review(): the contract, determinism, ordering of answers, questions with only a text."""

import json
from typing import Any

from coach import CRITERIA, FLAG_CODES, Feedback, review
from coach.embeddings import LexicalEmbedder, get_embedder, set_embedder
from tests.coach.conftest import STRONG


def test_feedback_holds_the_contract(delay_question: dict[str, Any]) -> None:
    feedback = review(delay_question, STRONG)
    assert 0 <= feedback.overall <= 100
    assert set(feedback.criteria) == set(CRITERIA)
    assert all(0 <= v <= 100 for v in feedback.criteria.values())
    assert set(feedback.flag_codes) <= set(FLAG_CODES)
    assert len(feedback.suggestions) <= 5
    assert all(s.criterion in CRITERIA for s in feedback.suggestions)
    covered = set(feedback.covered_key_points)
    assert covered | set(feedback.missing_key_points) == {0, 1, 2, 3}
    for point in feedback.key_points:
        if point.covered:
            assert point.evidence is not None
            assert STRONG[point.evidence.start : point.evidence.end] == point.evidence.text


def test_a_strong_answer_scores_high_and_clean(delay_question: dict[str, Any]) -> None:
    feedback = review(delay_question, STRONG)
    assert feedback.overall >= 70
    assert feedback.flag_codes == []
    assert len(feedback.covered_key_points) >= 3


def test_it_is_deterministic(delay_question: dict[str, Any]) -> None:
    first = review(delay_question, STRONG).to_dict()
    again = review(delay_question, STRONG).to_dict()
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)


def test_stored_feedback_comes_back_whole(delay_question: dict[str, Any]) -> None:
    answer = STRONG + " The nurse said it was the doctors' fault, not ours."
    feedback = review(delay_question, answer)
    stored = json.loads(json.dumps(feedback.to_dict()))
    assert Feedback.from_dict(stored) == feedback


def test_answers_are_ordered_as_an_interviewer_would(delay_question: dict[str, Any]) -> None:
    vague = (
        "I am a people person and I always put patients first. If a patient was upset I would "
        "listen to them and try to help them as best I can, because that is what matters most."
    )
    short = "I said sorry and they calmed down."
    strong, *weak = [review(delay_question, a).overall for a in (STRONG, vague, short)]
    # Interviewers grade both weak answers 1-2 and do not order them reliably; both must sit
    # far below the complete story.
    assert all(score <= 35 and score < strong - 30 for score in weak)


def test_a_short_complete_answer_beats_a_long_wandering_one(delay_question: dict[str, Any]) -> None:
    short = (
        "At a clinic desk, a patient was angry after a 50-minute wait. I listened first, then "
        "asked the nurse and learned an emergency had delayed the list. I told him honestly and "
        "offered to rebook or wait; he waited and was seen 20 minutes later. I now give waiting "
        "patients an update every half hour, and wait complaints dropped by a third."
    )
    wandering = (
        "Waiting is something I understand, because I hate waiting myself. Last summer my cousin's "
        "wedding flight was delayed six hours and nobody told us anything, and my husband was "
        "furious, anyway the wedding was lovely in the end, at a vineyard, and the weather was "
        "perfect. I remember thinking that communication matters. I also worked in a pub near the "
        "football ground on match days, and it could get really lively, to be fair. "
    ) * 3
    # Rambling is only noted now (issue #8, round four): the wandering answer loses on coverage,
    # structure and clarity, and its off-question words do not count as development.
    assert review(delay_question, short).overall > review(delay_question, wandering).overall + 15


def test_it_reviews_a_question_with_only_a_text() -> None:
    question = {"text": "How do you manage the emotional demands of patient-facing work?"}
    on_topic = (
        "It does affect me, so I plan for it. After a hard call I debrief with a colleague, I keep "
        "a clear end to my day, and I use our staff support service when I notice poor sleep."
    )
    off_topic = (
        "My favourite football team won the league last year and I went to every home match. "
        "The stadium food was expensive but the atmosphere on match days was brilliant, and "
        "next season I plan to buy a season ticket with my brother."
    )
    good, bad = review(question, on_topic), review(question, off_topic)
    assert good.key_points == [] and good.criteria["coverage"] > bad.criteria["coverage"]
    assert "off_topic" in bad.flag_codes and "off_topic" not in good.flag_codes


def test_an_empty_answer_gets_a_clear_message(delay_question: dict[str, Any]) -> None:
    feedback = review(delay_question, "   ")
    assert feedback.overall == 0 and feedback.flag_codes == ["too_short"]


def test_without_the_model_it_falls_back_and_says_so(delay_question: dict[str, Any]) -> None:
    saved = get_embedder()
    set_embedder(LexicalEmbedder(), "The sentence model is not installed.")
    try:
        feedback = review(delay_question, STRONG)
    finally:
        set_embedder(*saved)
    assert feedback.method == "lexical"
    assert any("word-based" in note for note in feedback.notes)
    assert feedback.overall > 0


def test_batch_line_matches_the_contract(delay_question: dict[str, Any]) -> None:
    line = review(delay_question, STRONG).batch_line("x1")
    assert list(line) == [
        "id",
        "overall",
        "criteria",
        "flags",
        "covered_key_points",
        "missing_key_points",
    ]
    assert set(line["criteria"]) == set(CRITERIA)
