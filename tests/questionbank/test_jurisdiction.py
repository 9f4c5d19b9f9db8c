"""Jurisdiction and sources in the content model: schema, loading, export, selectors."""

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from questionbank.bank import bank_load, pack_read, questions_export
from questionbank.content import ContentError, read_pack
from questionbank.jurisdictions import applies
from questionbank.models import Question
from questionbank.selectors import QuestionFilter, question_list

from .test_content import GOOD_QUESTION, problems_of, write

SOURCE = {
    "title": "Section 1557 final rule",
    "section": "45 CFR 92.201(e)",
    "url": "https://www.ecfr.gov/current/title-45/part-92",
    "checked": "2026-12-01",
}
SCOPED = {
    **GOOD_QUESTION,
    "id": "t-scoped",
    "key_points": [
        "Meet them first",
        {"text": "Explain PALS", "jurisdiction": "uk"},
        {"text": "Name 45 CFR 92.201", "jurisdiction": "us", "legal": True, "sources": [SOURCE]},
        "Check in after",
    ],
    "red_flags": [{"text": "Ignores Ontario's PHIPA", "jurisdiction": "ca-on"}],
    "example_answers": [
        {
            "quality": "strong",
            "text": "I would meet them.",
            "why": "Concrete.",
            "jurisdiction": "uk",
        },
        {"quality": "weak", "text": "I would be nice.", "why": "Vague."},
    ],
}


@pytest.mark.parametrize(
    ("item", "chosen", "shown"),
    [
        ("general", "uk", True),
        ("us", "general", True),
        ("uk", "uk", True),
        ("uk", "uk-eng", True),
        ("uk-eng", "uk", True),
        ("uk-eng", "uk-sct", False),
        ("ca-on", "ca-bc", False),
        ("us", "uk", False),
        ("ca", "us", False),
    ],
)
def test_guidance_applies_to_its_own_country_and_nations(
    item: str, chosen: str, shown: bool
) -> None:
    assert applies(item, chosen) is shown


def test_a_point_is_plain_text_or_a_scoped_mapping(tmp_path: Path) -> None:
    spec = read_pack(write(tmp_path, [SCOPED]), ["patient-partner"], ["engagement-strategy"])
    question = spec.questions[0][0]
    assert [p.jurisdiction for p in question.key_points] == ["general", "uk", "us", "general"]
    assert str(question.key_points[1]) == "Explain PALS"  # what the coach reads
    assert question.key_points[2].sources[0].checked == date(2026, 12, 1)
    assert question.example_answers[0].jurisdiction == "uk"


def test_it_rejects_an_unknown_jurisdiction_with_its_line(tmp_path: Path) -> None:
    bad = {**GOOD_QUESTION, "jurisdiction": "fr"}
    problems = problems_of(write(tmp_path, [bad]))
    assert any("unknown jurisdiction 'fr'" in p for p in problems)


def test_a_legal_claim_needs_a_source(tmp_path: Path) -> None:
    points = [*GOOD_QUESTION["key_points"][:3], {"text": "HIPAA says so", "legal": True}]
    problems = problems_of(write(tmp_path, [{**GOOD_QUESTION, "key_points": points}]))
    assert any("needs at least one entry in `sources`" in p for p in problems)


def test_a_source_needs_a_checked_date(tmp_path: Path) -> None:
    source = {k: v for k, v in SOURCE.items() if k != "checked"}
    points = [*GOOD_QUESTION["key_points"][:3], {"text": "X", "legal": True, "sources": [source]}]
    problems = problems_of(write(tmp_path, [{**GOOD_QUESTION, "key_points": points}]))
    assert any("checked: required field is missing" in p for p in problems)


def test_a_question_for_one_country_holds_no_guidance_for_another(tmp_path: Path) -> None:
    problems = problems_of(write(tmp_path, [{**SCOPED, "jurisdiction": "us"}]))
    assert any("an item for 'uk' in a question for 'us'" in p for p in problems)


@pytest.mark.django_db
def test_scoped_items_survive_load_and_export(bank: None, tmp_path: Path) -> None:
    path = tmp_path / "scoped.yaml"
    path.write_text(yaml.safe_dump({"questions": [{**SCOPED, "roles": ["patient-partner"]}]}))
    bank_load(pack=pack_read(path))
    question = Question.objects.get(slug="t-scoped")
    assert question.key_points_for("uk") == ["Meet them first", "Explain PALS", "Check in after"]
    assert question.red_flags_for("ca-on") == ["Ignores Ontario's PHIPA"]
    assert question.red_flags_for("ca-bc") == []
    # No strong answer for the US: the UK one is shown, labelled, so there is a model to study.
    assert [(a.quality, a.jurisdiction) for a in question.answers_for("us")] == [
        ("strong", "uk"),
        ("weak", "general"),
    ]
    assert question.all_sources("us")[0]["section"] == "45 CFR 92.201(e)"
    assert question.all_sources("uk") == []
    exported = next(q for q in questions_export() if q["id"] == "t-scoped")
    assert exported["key_points"][1] == {"text": "Explain PALS", "jurisdiction": "uk"}
    assert exported["key_points"][2]["sources"][0]["checked"] == "2026-12-01"
    again = tmp_path / "again.json"
    again.write_text(json.dumps([exported]))
    assert bank_load(pack=pack_read(again)).unchanged == 1


@pytest.mark.django_db
def test_the_role_list_keeps_general_questions_and_the_candidates_own(
    bank: None, tmp_path: Path
) -> None:
    path = tmp_path / "two.yaml"
    us = {**GOOD_QUESTION, "id": "t-us", "jurisdiction": "us"}
    uk = {**GOOD_QUESTION, "id": "t-uk-eng", "jurisdiction": "uk-eng"}
    path.write_text(yaml.safe_dump({"questions": [us, uk]}))
    bank_load(pack=pack_read(path))

    def ids(jurisdiction: str) -> set[str]:
        found = question_list(QuestionFilter(role="patient-partner", jurisdiction=jurisdiction))
        return {q.slug for q in found} & {"t-us", "t-uk-eng"}

    assert ids("general") == {"t-us", "t-uk-eng"}
    assert ids("us") == {"t-us"}
    assert ids("uk") == {"t-uk-eng"}
    assert ids("uk-sct") == set()
    assert ids("ca") == set()


def test_the_same_item_twice_is_rejected(tmp_path: Path) -> None:
    points = [*GOOD_QUESTION["key_points"], "Meet them first"]
    problems = problems_of(write(tmp_path, [{**GOOD_QUESTION, "key_points": points}]))
    assert any("the same item appears twice" in p for p in problems)


def test_a_broken_scoped_item_loads_nothing(tmp_path: Path) -> None:
    with pytest.raises(ContentError):
        read_pack(
            write(tmp_path, [{**SCOPED, "red_flags": [{"jurisdiction": "us"}]}]),
            ["patient-partner"],
            ["engagement-strategy"],
        )
