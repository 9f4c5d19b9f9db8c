"""Legal claims in the bank name a source and a date; validate warns about old checks."""

from datetime import date, timedelta
from pathlib import Path

import yaml
from django.conf import settings
from typer.testing import CliRunner

from careprep.cli import app
from questionbank.claims import names_a_law, stale_sources, unmarked_claims
from questionbank.content import read_pack
from questionbank.content_schema import QuestionSpec

from .test_content import GOOD_QUESTION, write

PAIRS = Path(settings.BASE_DIR) / "coach" / "data" / "guidance_pairs.yaml"


def bundled() -> list[QuestionSpec]:
    return [spec for spec, _ in read_pack(settings.CONTENT_DIR).questions]


def test_it_recognises_references_to_laws() -> None:
    assert names_a_law("In the US, 45 CFR 92.201(e) forbids it.") == "45 CFR"
    assert names_a_law("the Mental Capacity Act 2005 applies") == "Mental Capacity Act 2005"
    assert names_a_law("Follow PHIPA and the Caldicott Principles.") == "PHIPA"
    assert names_a_law("Listen first, then explain the next step.") == ""


def test_every_legal_claim_in_the_bank_is_marked_and_sourced() -> None:
    problems = [str(p) for spec in bundled() for p in unmarked_claims(spec)]
    assert problems == []
    claims = 0
    for spec in bundled():
        for item in [spec, *spec.scoped_items()]:
            if item.legal:
                claims += 1
                assert item.sources, spec.id
                assert all(s.section and s.checked for s in item.sources), spec.id
    assert claims >= 30


def test_no_source_in_the_bank_is_dated_in_the_future() -> None:
    tomorrow = date.today() + timedelta(days=1)
    for spec in bundled():
        for item in [spec, *spec.scoped_items()]:
            assert all(s.checked < tomorrow for s in item.sources), spec.id


def test_an_unmarked_claim_is_found() -> None:
    spec = QuestionSpec.model_validate(
        {**GOOD_QUESTION, "key_points": [*GOOD_QUESTION["key_points"], "HIPAA requires it."]}
    )
    assert [p.where for p in unmarked_claims(spec)] == ["key_points[4]"]


def old_claim(tmp_path: Path, checked: str) -> Path:
    source = {"title": "HIPAA Privacy Rule", "section": "45 CFR 164.510(b)", "checked": checked}
    point = {"text": "HIPAA lets staff share with family involved in care.", "legal": True}
    points = [*GOOD_QUESTION["key_points"], {**point, "sources": [source]}]
    return write(tmp_path, [{**GOOD_QUESTION, "key_points": points}])


def test_a_source_past_the_review_age_is_stale(tmp_path: Path) -> None:
    spec = read_pack(
        old_claim(tmp_path, "2024-01-10"), ["patient-partner"], ["engagement-strategy"]
    )
    question = spec.questions[0][0]
    assert stale_sources(question, date(2024, 6, 1)) == []
    stale = stale_sources(question, date(2025, 6, 1))
    assert len(stale) == 1 and "checked 2024-01-10, 508 days ago" in str(stale[0])


def test_validate_warns_about_old_sources_but_passes(tmp_path: Path) -> None:
    path = old_claim(tmp_path, "2020-01-01")
    result = CliRunner().invoke(app, ["content", "validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "warning: t-one: key_points[4]: source 'HIPAA Privacy Rule'" in result.output
    assert "1 warning(s)" in result.output
    quiet = CliRunner().invoke(app, ["content", "validate", str(path), "--review-age", "100000"])
    assert "warning" not in quiet.output


def test_every_what_not_to_say_item_has_written_examples() -> None:
    """The coach compares answers with examples of doing and not doing each item."""
    pairs = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))["questions"]
    examples = {(q["question_id"], i["guidance"]): i for q in pairs for i in q["items"]}
    missing = []
    for spec in bundled():
        for item in spec.what_not_to_say:
            found = examples.get((spec.id, item))
            if not found or not (found["violates"] and found["respects"] and found["unrelated"]):
                missing.append(f"{spec.id}: {item}")
    assert missing == []
