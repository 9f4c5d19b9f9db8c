"""Coverage is semantic, not lexical."""

from coach import review

QUESTION = {
    "text": "How would you help a patient who is nervous about using the patient portal?",
    "type": "situational",
    "key_points": [
        "Ask what worries them about the portal",
        "Show them step by step on their own device",
        "Check understanding with teach-back",
        "Give a phone number for help later",
    ],
}


def test_a_paraphrase_covers_a_talking_point_with_evidence() -> None:
    answer = (
        "First I would ask her gently what makes her uneasy about going online. Then I would sit "
        "beside her and go through logging in one screen at a time on her own phone. I would ask "
        "her to show me how she would book an appointment, and leave her our helpline number."
    )
    feedback = review(QUESTION, answer)
    assert {0, 1, 3} <= set(feedback.covered_key_points)
    evidence = feedback.key_points[0].evidence
    assert evidence is not None and "uneasy" in evidence.text


def test_keywords_alone_do_not_earn_full_credit() -> None:
    listed = (
        "Patient worries, nervous, anxiety, reassurance, step by step, own device, smartphone, "
        "login, password reset, teach-back, understanding, confidence, phone number, helpline, "
        "follow-up, support, portal adoption, digital literacy, empathy, patience"
    )
    sentences = (
        "I would start by asking what worries them about the portal, because the worry is often "
        "about privacy rather than the technology. Then I would show them step by step on their "
        "own phone, letting them press every button themselves. Before they leave I would check "
        "they understood with teach-back, asking them to show me how they would read a test "
        "result, and I would write down our helpline number so they know who to ring later."
    )
    by_list, by_sentences = review(QUESTION, listed), review(QUESTION, sentences)
    assert "keyword_list" in by_list.flag_codes
    assert by_list.overall <= 15
    assert by_sentences.overall > by_list.overall + 30


def test_an_unrelated_answer_covers_nothing() -> None:
    answer = (
        "I organised the staff rota for the summer holidays and made sure everyone got a fair "
        "share of weekends, which the team appreciated."
    )
    feedback = review(QUESTION, answer)
    assert feedback.covered_key_points == []
    assert feedback.criteria["coverage"] < 40
