"""Every flag: answers that must raise it, and near misses that must not."""

from typing import Any

import pytest

from coach import review
from tests.coach.conftest import STRONG

Q: dict[str, Any] = {
    "text": "Tell me about a time you supported a patient through a hard situation."
}


def flags(answer: str, question: dict[str, Any] | None = None) -> list[str]:
    return review(question or Q, answer).flag_codes


PAD = (
    " I listened carefully, explained the options in plain words, checked that the plan made sense "
    "to them, and followed up the next week to see how things were going."
)


@pytest.mark.parametrize(
    "text",
    [
        "One non-compliant patient kept missing his doses." + PAD,
        "We had a frequent flyer in the emergency department every weekend." + PAD,
        "I supported a diabetic who was struggling with the new insulin pen." + PAD,
        "She was wheelchair-bound and could not reach the desk." + PAD,
        "He was suffering from cancer and very frightened." + PAD,
    ],
)
def test_it_flags_stigmatizing_language(text: str) -> None:
    feedback = review(Q, text)
    assert "stigmatizing_language" in feedback.flag_codes
    flag = next(f for f in feedback.flags if f.code == "stigmatizing_language")
    assert flag.replacement and flag.evidence


@pytest.mark.parametrize(
    "text",
    [
        "I supported a person living with diabetes who was struggling with a new insulin pen."
        + PAD,
        "She uses a wheelchair and could not reach the desk, so I came round to her side." + PAD,
        "He was not taking his tablets as prescribed because of side effects." + PAD,
    ],
)
def test_person_first_language_is_not_flagged(text: str) -> None:
    assert "stigmatizing_language" not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Patel on the cardiac ward was very anxious about her surgery." + PAD,
        "The patient in room 412 had just been told about his scan." + PAD,
        "On 9 May he was diagnosed with HIV and he was scared to tell anyone." + PAD,
        "Her MRN 4477120 was on the letter that went to the wrong address." + PAD,
        "A patient named John Petrakis called the desk in tears." + PAD,
    ],
)
def test_it_flags_confidentiality_risks(text: str) -> None:
    assert "confidentiality_risk" in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "An older patient on the cardiac ward was anxious about surgery." + PAD,
        "I verify callers with their date of birth and address before I open an account." + PAD,
        "My manager, a former nurse called Dave, taught me a lot about staying calm." + PAD,
    ],
)
def test_general_descriptions_are_not_confidentiality_risks(text: str) -> None:
    assert "confidentiality_risk" not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "It was the nurse's fault, not mine, and I made sure her manager knew." + PAD,
        "The front-desk staff were honestly the problem; they couldn't be bothered." + PAD,
        "The doctors just don't listen, so it was up to me." + PAD,
    ],
)
def test_it_flags_blame(text: str) -> None:
    assert "blame" in flags(text)


def test_owning_a_mistake_is_not_blame() -> None:
    text = "I told her it was my fault, not the team's, and apologised straight away." + PAD
    assert "blame" not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "To be honest, I don't really make mistakes because I am thorough." + PAD,
        "None of it really gets to me, and I've never once felt stressed at work." + PAD,
        "I have never made a single privacy mistake in my career." + PAD,
    ],
)
def test_it_flags_absolute_claims(text: str) -> None:
    assert "absolute_claims" in flags(text)


def test_admitting_strain_is_not_an_absolute_claim() -> None:
    text = "It does affect me; I never ignore the signs, and I talk to my supervisor." + PAD
    assert "absolute_claims" not in flags(text)


def test_it_flags_a_keyword_list() -> None:
    text = (
        "empathy, active listening, teach-back, interpreter, follow-up, escalation, documentation"
    )
    assert "keyword_list" in flags(text)


def test_it_flags_too_short_answers() -> None:
    assert flags("I helped them and it went well.") == ["too_short"]


def test_it_flags_jargon() -> None:
    text = (
        "The pt was NPO with comorbidities, so I actioned the PDSA and escalated the RCA via the "
        "ADT workstream to leverage the MDT, then titrated the plan with the PCP per the KPI."
    )
    assert "jargon" in flags(text)


def test_plain_answers_are_not_jargon() -> None:
    assert "jargon" not in flags(STRONG)


def test_it_flags_a_missing_result(delay_question: dict[str, Any]) -> None:
    no_result = (
        "At my last job on a clinic desk, a man became angry after a long wait. My job was to calm "
        "things down. I listened to him, apologised, and asked the nurse what was causing the "
        "delay. I then explained the reason to him and offered to rebook him for the next day."
    )
    assert "missing_result" in flags(no_result, delay_question)
    assert "missing_result" not in flags(STRONG, delay_question)


def test_it_flags_generic_answers() -> None:
    text = (
        "I am a people person with a passion for helping others. I always put patients first and "
        "I genuinely care, so I would make sure they felt valued and supported at every step."
    )
    assert "generic" in flags(text)


def test_it_flags_off_topic_answers(delay_question: dict[str, Any]) -> None:
    text = (
        "I am leaving my current job because the commute has become too long since we moved "
        "house, and after five years there is little room for promotion, so I want a full-time "
        "contract closer to home with a clearer path to progress."
    )
    assert "off_topic" in flags(text, delay_question)


def test_it_flags_rambling(delay_question: dict[str, Any]) -> None:
    text = (
        "Delays are something I understand because I hate waiting. Last summer we flew to Portugal "
        "for my cousin's wedding and the flight was delayed six hours, and my husband was furious. "
        "Anyway, the wedding was lovely, at a vineyard, and my aunt argued about the seating plan. "
        "I also worked in a pub near the football ground, and on match days it got lively. "
    ) * 4 + "So I know what waiting feels like, and I would be patient with patients."
    assert "rambling" in flags(text, delay_question)
    assert "rambling" not in flags(STRONG, delay_question)


def test_it_flags_what_the_guidance_warns_against(delay_question: dict[str, Any]) -> None:
    text = (
        "When a patient complained about the wait, I told her that delays happen and the doctors "
        "are very busy, and that she would be seen soon. I checked with the nurse, and she was "
        "seen twenty minutes later and calmed down once she was in."
    )
    feedback = review(delay_question, text)
    assert "contradicts_guidance" in feedback.flag_codes


def test_rejecting_the_warned_move_is_not_contradicting_it() -> None:
    question = {
        "text": "How would you de-escalate an angry person in a waiting room?",
        "type": "situational",
        "what_not_to_say": ['Telling the person to "calm down" as an opening move.'],
    }
    text = (
        "First I would check it is safe. I would not argue or tell them to calm down; instead I "
        "would introduce myself, speak slowly, name the frustration and offer a quieter room, then "
        "find out exactly where their appointment stands and report the incident afterwards."
    )
    assert "contradicts_guidance" not in flags(text, question)
