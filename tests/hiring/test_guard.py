"""The lawful-question guard: pure Python, tested without a database."""

from __future__ import annotations

import pytest

from hiring.guard import check, jurisdiction_code
from hiring.guard.table import read_table, score


@pytest.mark.parametrize("table", ["cases", "heldout"])
def test_it_gets_every_question_of_its_tables_right(table: str) -> None:
    result, mistakes = score(read_table(table))
    assert result.cases >= (60 if table == "cases" else 20)
    assert not mistakes, [m[0].question for m in mistakes]


def test_the_tables_cover_three_jurisdictions_and_both_verdicts() -> None:
    cases = read_table("cases")
    assert {c.jurisdiction for c in cases} >= {"us", "uk", "ca", None}
    assert sum(c.lawful for c in cases) >= 20
    assert sum(not c.lawful for c in cases) >= 30


def test_it_names_the_topic_the_rule_and_why() -> None:
    verdict = check("Do you have children?", jurisdiction="ca")
    assert not verdict.lawful
    [hit] = verdict.topics
    assert hit.topic == "family_status"
    assert "Canadian Human Rights Act" in hit.rule
    assert hit.matched == "do you have children"
    assert hit.why


def test_it_offers_the_schedule_question_instead_of_childcare() -> None:
    verdict = check("Who looks after your kids while you are at work?")
    assert verdict.alternative is not None
    assert "schedule" in verdict.alternative


def test_the_rule_follows_the_jurisdiction() -> None:
    uk = check("Have you ever been treated for depression?", jurisdiction="uk").topics[0]
    us = check("Have you ever been treated for depression?", jurisdiction="us").topics[0]
    assert "s.60" in uk.rule and set(uk.rules) == {"uk"}
    assert "Americans with Disabilities Act" in us.rule
    everywhere = check("Have you ever been treated for depression?").topics[0]
    assert set(everywhere.rules) == {"us", "uk", "ca"}


def test_a_nation_or_province_uses_its_countrys_law() -> None:
    assert jurisdiction_code("uk-sct") == "uk"
    assert jurisdiction_code("ca-on") == "ca"
    assert jurisdiction_code(None) == "any"
    with pytest.raises(ValueError, match="unknown jurisdiction"):
        jurisdiction_code("fr")


@pytest.mark.parametrize(
    "question",
    [
        "Can you lift 20 kg?",
        "Are you legally entitled to work in the UK?",
        "Tell me about a time you supported a patient whose religion shaped their care.",
    ],
)
def test_near_misses_pass(question: str) -> None:
    assert check(question, jurisdiction="uk").lawful


def test_a_lawful_task_question_carries_a_note_on_asking_it_fairly() -> None:
    verdict = check("Can you lift 20 kg?")
    assert verdict.lawful
    assert any("essential part of this role" in note for note in verdict.notes)


def test_patient_partner_mode_turns_a_diagnosis_question_into_an_invitation() -> None:
    general = check("What is your diagnosis?")
    partner = check("What is your diagnosis?", role="patient-partner")
    assert not partner.lawful and partner.mode == "patient_partner"
    assert partner.alternative is not None and general.alternative is not None
    assert "only what you are comfortable with" in partner.alternative
    assert "only what you are comfortable with" not in general.alternative


@pytest.mark.parametrize("role", ["patient-partner", "peer-supporter"])
def test_lived_experience_roles_let_it_be_asked_about(role: str) -> None:
    question = "Tell us about your own experience as a patient."
    assert not check(question).lawful
    assert check(question, role=role).lawful
    assert not check(question, role="patient-liaison").lawful
    invitation = check("What is your diagnosis?", role=role).alternative
    assert invitation is not None and "only what you are comfortable with" in invitation


def test_it_reads_contractions_and_british_spelling() -> None:
    assert not check("What's your date of birth?").lawful
    assert check("Are you authorised to work in the United States?", jurisdiction="us").lawful
    assert not check("Would patients mind your colour?").lawful


def test_the_verdict_is_deterministic() -> None:
    question = "Are you married, and do you plan to have kids?"
    first, second = check(question), check(question)
    assert first == second
    assert {t.topic for t in first.topics} == {"marital_status", "pregnancy"}
