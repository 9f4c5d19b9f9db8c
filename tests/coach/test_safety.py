"""`unsafe_practice`: proposing an unsafe action sinks an answer; refusing it never does."""

from __future__ import annotations

import pytest

from coach import review

RESULTS_CALL = {
    "text": "A caller says she is a patient's daughter and asks for her mother's test results. "
    "What do you do?",
    "type": "situational",
    "key_points": [
        "Verify the caller's identity and authority before sharing anything",
        "Check the patient's consent or recorded sharing preferences",
        "Offer a safe route: a call back to the patient, or proxy access",
    ],
}
UNSAFE = [
    "She sounded really worried, so I would read her the results straight away over the phone, "
    "because family deserve to know and it saves her mum a call. I'd go through each number "
    "slowly and tell her what the doctor wrote, then note the call in the record.",
    "I'd keep it simple and give her my login so she can look at the results herself in the "
    "portal tonight. That way she doesn't have to wait on hold again, and her mother won't be "
    "bothered while she's resting after the procedure.",
    "Honestly I'd first have a quick look through her mum's whole chart out of curiosity, to get "
    "the full picture, and then I'd tell the daughter the diagnosis so the family can prepare. "
    "If the family asked me not to tell the patient herself, I'd keep it from her.",
]
SAFE = [
    "I would not share anything until I had checked who she was. I'd explain kindly that I can "
    "only discuss results with the patient or someone she has authorised, check the record for "
    "a proxy or a sharing preference, and if there is none, offer to ask her mother to call her "
    "or to set up proxy access.",
    "I told the caller I couldn't give out her mother's results over the phone until I had "
    "confirmed her identity and her mother's consent. Instead of reading them out, I offered a "
    "call back to the patient, and I noted the request in the record.",
]


# A known gap (issue #8's note): the sentence-level reading misses most unsafe proposals in real
# answers (recall about 0.2 on the training corpus at any useful precision), these included.
@pytest.mark.xfail(
    reason="unsafe_practice recall on real answers is low; see issue #8", strict=False
)
@pytest.mark.parametrize("answer", UNSAFE)
def test_it_flags_an_answer_that_proposes_an_unsafe_action(coach_bank, answer: str) -> None:
    feedback = review(RESULTS_CALL, answer)
    assert "unsafe_practice" in feedback.flag_codes
    assert feedback.overall <= 30
    flag = next(f for f in feedback.flags if f.code == "unsafe_practice")
    assert flag.replacement.startswith("say what you would do instead")
    assert all(answer[e.start : e.end] == e.text for e in flag.evidence)


@pytest.mark.parametrize("answer", SAFE)
def test_refusing_or_conditioning_the_action_is_not_unsafe(coach_bank, answer: str) -> None:
    feedback = review(RESULTS_CALL, answer)
    assert "unsafe_practice" not in feedback.flag_codes


def test_the_banks_strong_answers_are_not_unsafe(coach_bank) -> None:
    flagged = [
        q
        for q in coach_bank
        if "unsafe_practice" in review(coach_bank[q], coach_bank[q]["example_answer"]).flag_codes
    ]
    assert flagged == []


def test_an_unsure_reading_says_so_in_the_feedback(coach_bank) -> None:
    answer = (
        "I'd keep it simple and give her my login so she can look at the results herself in the "
        "portal tonight, so she doesn't have to wait on hold again."
    )
    feedback = review(RESULTS_CALL, answer)
    assert "unsafe_practice" in feedback.flag_codes or any("not sure" in n for n in feedback.notes)
