"""Negation, refusal, conditions, reported speech and a challenged word are not the offence."""

from __future__ import annotations

from coach import review

WAITING = {
    "text": "A patient in the waiting area is shouting about a long wait. What do you do?",
    "type": "situational",
    "key_points": ["Stay calm and listen", "Find out the real cause and give an honest update"],
    "what_not_to_say": [
        'Telling the patient to "calm down" or that "it is not my department".',
        "Promising an outcome you cannot guarantee.",
    ],
}
PAD = (
    " First I listened without interrupting and acknowledged how long he had waited. Then I "
    "checked with the clinic nurse, found out the list was running forty minutes late because "
    "of an emergency, and told him honestly. I offered a seat in a quieter area and a call back."
)


def flags(question: dict, text: str) -> list[str]:
    """Flags raised and those only noted (coach.engine.TENTATIVE): a stance test holds for both."""
    feedback = review(question, text)
    return feedback.flag_codes + [f.code for f in feedback.tentative]


def test_a_reported_calming_down_is_not_telling_someone_to_calm_down() -> None:
    text = "He calmed down once he felt heard, and he thanked me for the update." + PAD
    assert "contradicts_guidance" not in flags(WAITING, text)


def test_telling_someone_to_calm_down_is_flagged() -> None:
    text = "I told him to calm down and that it is not my department, the doctors are busy." + PAD
    assert "contradicts_guidance" in flags(WAITING, text)


def test_a_refusal_with_a_condition_is_not_what_it_refuses() -> None:
    question = {
        "text": "A caller asks for a patient's room number and diagnosis. How do you respond?",
        "type": "situational",
        "what_not_to_say": ["Confirming a patient is here, or sharing details, before checking."],
    }
    text = (
        "I'd say: I can't give you that until I have checked who you are and whether the "
        "patient has agreed to share it. Then I'd look for her sharing preferences in the record, "
        "and if she has not listed the caller, I would offer to pass on a message instead."
    )
    assert "contradicts_guidance" not in flags(question, text)


def test_quoting_a_stigmatising_word_to_challenge_it_is_not_stigma_or_blame() -> None:
    question = {
        "text": "Tell me about a time you challenged a colleague's language about a patient."
    }
    text = (
        "In a handover a colleague called a patient 'non-compliant', and I asked what was getting "
        "in the way of his medication. It turned out he could not afford the prescription, so I "
        "linked him with the pharmacy's assistance scheme, and the team now asks about cost first."
    )
    found = flags(question, text)
    assert "stigmatizing_language" not in found and "blame" not in found


def test_using_a_stigmatising_word_is_flagged_with_a_fitting_rephrasing() -> None:
    question = {"text": "How would you run a diabetes education session for patients?"}
    text = (
        "I would run it for the diabetics on the ward in small groups, with plain handouts and a "
        "chance to practise checking their own blood sugar, and I'd ask each one what they want "
        "to get out of it before we start, then follow up a week later."
    )
    feedback = review(question, text)
    flag = next(f for f in feedback.flags if f.code == "stigmatizing_language")
    assert "diabetes" in flag.replacement and "substance" not in flag.replacement


def test_a_change_with_its_period_raises_no_flag() -> None:
    question = {
        "text": "Tell me about a time you improved a process using data.",
        "type": "behavioural",
        "key_points": [
            "Say what the data showed about portal sign-ups",
            "Describe the change you made and the measured result",
        ],
    }
    text = (
        "Portal sign-ups at our clinic were low, so I asked every patient at check-in whether they "
        "wanted help and kept a tally each week. I set up a help desk in the lobby on Tuesday "
        "mornings. Sign-up rose from 38% to 55% over three months, and I shared the tally with the "
        "team so they could keep it going."
    )
    found = flags(question, text)
    assert not {"confidentiality_risk", "missing_result", "absolute_claims", "generic"} & set(found)
