"""Journal entries get the coach's confidentiality check, with a redacted version on offer."""

from coach import rules
from mentoring import confidentiality
from mentoring.confidentiality import entry_check, identifiable_details


def test_it_finds_a_name_a_room_a_dated_diagnosis_and_a_record_number() -> None:
    check = entry_check(
        {
            "description": "I sat with Mrs Patel in room 12 on 3 May, the day of her diabetes "
            "diagnosis. Her MRN 1234567 was on the form.",
            "feelings": "I felt nervous, then relieved.",
        }
    )
    assert not check.clear
    assert [c.text for c in check.concerns] == ["Mrs Patel", "room 12", "3 May", "MRN 1234567"]
    assert {c.prompt for c in check.concerns} == {"description"}


def test_the_redacted_version_replaces_only_what_was_found() -> None:
    check = entry_check(
        {
            "what": "I met Mrs Patel in room 12 on 3 May after her diabetes diagnosis.",
            "so-what": "It showed me how much waiting costs people.",
        }
    )
    expected = "I met [NAME] in [LOCATION] on [DATE] after her diabetes diagnosis."
    assert check.redacted["what"] == expected
    assert check.redacted["so-what"] == "It showed me how much waiting costs people."
    assert entry_check(check.redacted).clear


def test_a_full_name_with_an_age_and_a_condition_is_caught() -> None:
    spans = identifiable_details("I met John Smith, a 67-year-old man with COPD, at a clinic.")
    assert [s.text for s in spans] == ["John Smith"]
    redacted = entry_check({"x": "Later I met John Smith, a 67-year-old man with COPD."}).redacted
    assert "John Smith" not in redacted["x"] and "[NAME]" in redacted["x"]


def test_a_reflection_about_oneself_and_a_date_alone_are_not_flagged() -> None:
    check = entry_check(
        {
            "entry": "On 3 May I chaired my first committee meeting. I said no to a second "
            "project because my own health comes first.",
        }
    )
    assert check.clear
    assert check.redacted == {
        "entry": "On 3 May I chaired my first committee meeting. I said no to a second project "
        "because my own health comes first."
    }


def test_it_uses_the_coachs_rule_rather_than_a_copy() -> None:
    assert confidentiality.rules.confidentiality is rules.confidentiality
