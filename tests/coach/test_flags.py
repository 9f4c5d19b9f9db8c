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


def tentative(answer: str, question: dict[str, Any] | None = None) -> list[str]:
    """What the coach read but is not sure of: in a note, not in the flags nor the score."""
    feedback = review(question or Q, answer)
    codes = [f.code for f in feedback.tentative]
    assert not set(codes) & set(feedback.flag_codes)
    assert all(any(f.message in note for note in feedback.notes) for f in feedback.tentative)
    return codes


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
        "It started with a friend of mine, Angela Ruiz. She's 58 and has breast cancer." + PAD,
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
        "Patient Relations at Riverside Hospital asked me to help a woman with cancer." + PAD,
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
        "Honestly it was the nurses' fault; they never tell us anything." + PAD,
    ],
)
def test_it_reads_blame_but_only_notes_it(text: str) -> None:
    # Blame read from words alone was wrong on most new authors' answers (issue #8): it is noted,
    # not flagged.
    assert "blame" in tentative(text)
    assert "blame" not in flags(text)


def test_it_flags_blame_said_without_stock_phrases() -> None:
    # No "fault" or "to blame": the sentence probe reads two sentences that put it on others.
    text = (
        "The ward sister on that unit never passed anything on, so families heard news from the "
        "porters before they heard it from us. Honestly the consultants could not be bothered to "
        "update anyone, which left me looking like I had dropped the ball." + PAD
    )
    feedback = review(Q, text)
    flag = next(f for f in feedback.tentative if f.code == "blame")
    assert any("porters" in span.text or "consultants" in span.text for span in flag.evidence)


def test_owning_a_mistake_is_not_blame() -> None:
    text = "I told her it was my fault, not the team's, and apologised straight away." + PAD
    assert "blame" not in flags(text) + tentative(text)


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


def test_it_notes_a_missing_result(delay_question: dict[str, Any]) -> None:
    no_result = (
        "At my last job on a clinic desk, a man became angry after a long wait. My job was to calm "
        "things down. I listened to him, apologised, and asked the nurse what was causing the "
        "delay. I then explained the reason to him and offered to rebook him for the next day."
    )
    assert "missing_result" in tentative(no_result, delay_question)
    assert "missing_result" not in tentative(STRONG, delay_question)


def test_a_plainly_told_outcome_is_a_result(delay_question: dict[str, Any]) -> None:
    # No cue word ("result", "in the end"): the result probe reads the last sentence as an outcome.
    plain = (
        "At my last job on a clinic desk, a man became angry after a long wait. My job was to calm "
        "things down. I listened to him, apologised, and asked the nurse what was causing the "
        "delay. I explained the reason and offered him a slot the next morning. He took it and "
        "was seen at nine the next day, and he thanked me on his way out."
    )
    assert "missing_result" not in tentative(plain, delay_question)


def test_an_answer_with_no_story_is_not_asked_for_its_result(
    delay_question: dict[str, Any],
) -> None:
    platitudes = (
        "I am a people person with a passion for helping others. I always put patients first and "
        "I genuinely care about everyone I meet. Communication is key in healthcare, and I believe "
        "every patient deserves to feel heard and valued at every step."
    )
    assert "generic" in flags(platitudes, delay_question)
    assert "missing_result" not in tentative(platitudes, delay_question)


def test_a_specific_answer_is_not_generic() -> None:
    assert "generic" not in flags(STRONG)


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


def test_it_notes_rambling(delay_question: dict[str, Any]) -> None:
    text = (
        "Delays are something I understand because I hate waiting. Last summer we flew to Portugal "
        "for my cousin's wedding and the flight was delayed six hours, and my husband was furious. "
        "Anyway, the wedding was lovely, at a vineyard, and my aunt argued about the seating plan. "
        "I also worked in a pub near the football ground, and on match days it got lively. "
    ) * 4 + "So I know what waiting feels like, and I would be patient with patients."
    assert "rambling" in tentative(text, delay_question)
    assert "rambling" not in tentative(STRONG, delay_question)


def test_it_flags_what_the_guidance_warns_against(delay_question: dict[str, Any]) -> None:
    text = (
        "When a patient complained about the wait, I told her that delays happen and the doctors "
        "are very busy, and that she would be seen soon. I checked with the nurse, and she was "
        "seen twenty minutes later and calmed down once she was in."
    )
    feedback = review(delay_question, text)
    assert "contradicts_guidance" in feedback.flag_codes


PROMISE = {
    "text": "A family asks you whether their father's surgery will go well. What do you say?",
    "type": "situational",
    "what_not_to_say": ["Promising an outcome you cannot control."],
}


def test_it_flags_a_warned_move_said_in_other_words() -> None:
    # Below the plain similarity match: the guidance probe reads the sentence as a thing not to
    # say, and it is about the item.
    text = (
        "I would sit down with them and listen to what worries them most. Then I would promise "
        "them that the outcome will be good, whatever happens. I would also offer to find the "
        "nurse for them."
    )
    feedback = review(PROMISE, text)
    assert "contradicts_guidance" in feedback.flag_codes
    flag = next(f for f in feedback.flags if f.code == "contradicts_guidance")
    assert [span.text for span in flag.evidence] == [
        "Then I would promise them that the outcome will be good, whatever happens."
    ]


def test_declining_to_promise_is_not_promising() -> None:
    text = (
        "I would sit down with them and listen to what worries them most. I would be honest that "
        "I cannot promise how the operation will go, and offer to find the surgeon to answer "
        "their questions. I would also offer to find the nurse for them."
    )
    assert "contradicts_guidance" not in flags(text, PROMISE)


PHONES = {
    "text": "How do you balance working fast with getting things right when the phones are busy?",
    "type": "situational",
    # A bank item: the coach has examples of sentences that do and do not do what it warns
    # against (coach/data/guidance_pairs.yaml), and compares the answer's sentences with them.
    "what_not_to_say": ["Skipping identity checks for callers you recognise."],
}
PHONES_REST = (
    " First I would triage the calls by urgency and use callbacks for routine requests. I would "
    "keep notes short but complete, and tell my lead if the queue kept growing."
)


def test_it_flags_a_warned_move_like_the_items_examples() -> None:
    text = (
        "When it gets busy I don't bother asking the regulars for their date of birth, because I "
        "know their voices and it saves time on every call." + PHONES_REST
    )
    feedback = review(PHONES, text)
    flag = next(f for f in feedback.flags if f.code == "contradicts_guidance")
    assert [span.text[:30] for span in flag.evidence] == ["When it gets busy I don't both"]


def test_doing_the_opposite_of_the_items_examples_is_not_flagged() -> None:
    text = (
        "Even with callers I know well, I still check their name and date of birth before I open "
        "the record, because that takes seconds." + PHONES_REST
    )
    assert "contradicts_guidance" not in flags(text, PHONES)


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
