"""What a candidate sees adds up: the breakdown, the checklist, the evidence and the advice."""

from __future__ import annotations

from coach import review
from coach.coverage import checklist
from coach.probe import choose_follow_up
from coach.text import shorten
from coach.types import Feedback, KeyPointResult
from tests.coach.conftest import DELAY_QUESTION, STRONG

HYPOTHETICAL = {
    "text": "How would you explain the portal's benefits to a patient who doesn't see the point?",
    "type": "situational",
    "key_points": ["Ask what frustrates them today", "Link one feature to their own need"],
}


def test_the_score_breakdown_adds_up_to_the_overall(coach_bank) -> None:
    answers = [
        STRONG,
        "Delays happen.",
        STRONG[:300],
        coach_bank["ps-basic-features"]["example_answer"],
    ]
    for answer in answers:
        feedback = review(DELAY_QUESTION, answer)
        assert sum(p.points for p in feedback.score_parts) == feedback.overall


def test_coverage_agrees_with_the_checklist() -> None:
    points = [KeyPointResult(i, f"p{i}", 0.45, covered=i < 4) for i in range(5)]
    assert checklist(points) >= 4 * 0.5 / 5
    missing = [KeyPointResult(i, f"p{i}", 0.35, covered=False) for i in range(5)]
    assert checklist(missing) < 0.5 * 0.4


def test_every_flags_evidence_is_in_the_answer() -> None:
    answer = (
        "Honestly it was the nurses' fault, not mine, and the doctors just didn't care. "
        "I never make mistakes, so I told him to calm down. Mr Smith in room 12 was furious."
    )
    feedback = review(DELAY_QUESTION, answer)
    for flag in feedback.flags + feedback.tentative:
        for span in flag.evidence:
            assert answer[span.start : span.end] == span.text


def test_a_hypothetical_answer_is_not_told_to_add_a_number() -> None:
    answer = (
        "I'd ask what makes getting care hard for them today, maybe the phone queue, and show "
        "them how the portal answers that one thing, like booking without waiting on hold."
    )
    suggestions = [s.text for s in review(HYPOTHETICAL, answer).suggestions]
    assert not any("Add a number" in s for s in suggestions)


def test_reflection_in_the_conditional_counts_as_a_result() -> None:
    question = {"text": "Tell me about a time you worked with interpreters.", "type": "behavioural"}
    answer = (
        "A family needed an interpreter for a consent meeting and the phone line kept dropping. "
        "I booked an in-person interpreter for the next morning and moved the meeting so the "
        "mother could ask her questions. Next time I would involve the interpreters earlier."
    )
    feedback = review(question, answer)
    assert "missing_result" not in [f.code for f in feedback.flags + feedback.tentative]


def test_a_vague_ending_is_not_credited_as_a_clear_result() -> None:
    question = {"text": "Tell me about a time you worked with interpreters.", "type": "behavioural"}
    answer = (
        "A family needed an interpreter for a consent meeting and the phone line kept dropping. "
        "I booked an in-person interpreter for the next morning and moved the meeting. "
        "It was fine in the end."
    )
    assert "a clear result" not in review(question, answer).strengths


def test_the_follow_up_asks_about_the_gap_it_names() -> None:
    points = [
        KeyPointResult(0, "Say what you would do differently next time", 0.1, False),
        KeyPointResult(1, "Explain how you arranged an interpreter", 0.1, False),
        KeyPointResult(2, "Acknowledge the family's worry", 0.9, True),
    ]
    feedback = Feedback(overall=40, criteria={}, flags=[], key_points=points, suggestions=[])
    follow_ups = ["How did you get an interpreter there in time?", "What would you change?"]
    chosen = choose_follow_up(feedback, follow_ups)
    assert chosen is not None
    probe, reason = chosen
    if probe == follow_ups[0]:
        assert "interpreter" in reason
    else:
        assert "differently" in reason


def test_shortened_text_is_not_cut_mid_word() -> None:
    text = "Offer practical options such as rebooking, a call back or a seat somewhere quieter"
    short = shorten(text, 40)
    assert len(short) <= 40 and short.endswith("…")
    assert text.startswith(short[:-1]) and text[len(short) - 1] == " "
