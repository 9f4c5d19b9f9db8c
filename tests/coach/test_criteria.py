"""Structure, specificity, clarity and language each respond to what they measure."""

from coach import review

BEHAVIOURAL = {"text": "Tell me about a time you resolved a complaint.", "type": "behavioural"}
SITUATIONAL = {"text": "How would you handle a complaint about a colleague?", "type": "situational"}


def test_structure_rewards_star_parts() -> None:
    star = (
        "In my last role at a hospital helpline, a daughter complained that her father's discharge "
        "letter was wrong. My job was to put it right quickly. I called the ward, I checked the "
        "record and I arranged a corrected letter that day. As a result she withdrew the "
        "complaint, and I learned to read letters back to families before they leave."
    )
    flat = "Complaints are important and should be resolved well by listening and fixing things."
    assert review(BEHAVIOURAL, star).criteria["structure"] >= 80
    assert review(BEHAVIOURAL, flat).criteria["structure"] <= 40


def test_structure_rewards_a_clear_approach_for_situational_questions() -> None:
    steps = (
        "First I would listen to the patient and write down exactly what happened. Then I would "
        "speak privately to my colleague. Next I would agree a fix with my manager, and finally I "
        "would call the patient back. If the problem came up again, I would use the formal process."
    )
    assert review(SITUATIONAL, steps).criteria["structure"] >= 80


def test_specificity_rewards_numbers_tools_and_ownership() -> None:
    specific = (
        "Last year I reviewed 120 complaints in Datix, grouped them by theme, and I presented the "
        "top three to our committee; response times fell from 21 to 9 days."
    )
    vague = "We usually look at complaints and try to make things better where we can."
    assert (
        review(BEHAVIOURAL, specific).criteria["specificity"]
        > review(BEHAVIOURAL, vague).criteria["specificity"] + 40
    )


def test_clarity_penalises_fillers_and_hedges() -> None:
    clean = "I listened, I apologised, and I fixed the letter the same day."
    filler = (
        "Um, so basically I sort of listened, you know, and I kind of maybe apologised, and I "
        "guess I probably sort of fixed the letter, like, basically the same day."
    )
    assert (
        review(BEHAVIOURAL, clean).criteria["clarity"]
        > review(BEHAVIOURAL, filler).criteria["clarity"] + 30
    )


def test_language_penalises_stigmatising_terms() -> None:
    respectful = "A man living with diabetes complained that his letter was wrong, so I fixed it."
    stigmatising = "A non-compliant diabetic complained that his letter was wrong, so I fixed it."
    assert review(BEHAVIOURAL, respectful).criteria["language"] == 100
    assert review(BEHAVIOURAL, stigmatising).criteria["language"] <= 70
