"""The recruiter glossary is content data, checked by its schema and against the bank."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from hiring.glossary import FILE_NAME, read_glossary
from questionbank.content import ContentError, read_pack


def _bank_ids() -> list[str]:
    return [spec.id for spec, _ in read_pack(settings.CONTENT_DIR).questions]


def test_the_bundled_glossary_is_valid_and_its_questions_exist() -> None:
    glossary = read_glossary(Path(settings.CONTENT_DIR) / FILE_NAME, _bank_ids())
    assert len(glossary.terms) >= 12
    slugs = {term.slug for term in glossary.terms}
    assert {
        "patient-portal",
        "ehr",
        "proxy-access",
        "hipaa",
        "co-design",
        "lived-experience",
    } <= slugs


def test_a_broken_term_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(
        "terms:\n"
        "  - slug: portal\n"
        "    term: Portal\n"
        "    plain: too short\n"
        "    on_a_resume: [x]\n"
        "    job_titles: [y]\n"
        "    levels: {junior: [a], mid: [b], senior: [c]}\n"
        "    red_flags: [z]\n"
        "    questions: [no-such-question]\n"
    )
    with pytest.raises(ContentError) as raised:
        read_glossary(path, ["ps-basic-features"])
    assert f"{path}:4: terms.0.plain" in str(raised.value)


def test_an_unknown_question_is_a_problem(tmp_path: Path) -> None:
    source = (Path(settings.CONTENT_DIR) / FILE_NAME).read_text()
    path = tmp_path / FILE_NAME
    path.write_text(source.replace("ps-basic-features", "ps-no-such-question", 1))
    with pytest.raises(ContentError, match="no bank question 'ps-no-such-question'"):
        read_glossary(path, _bank_ids())


@pytest.mark.django_db
def test_the_glossary_page_links_each_term_to_its_questions(client: Client, bank: None) -> None:
    page = client.get("/hiring/glossary/").content.decode()
    assert "Proxy access" in page and "On a CV or résumé" in page
    assert 'href="/questions/ps-adolescent-proxy/"' in page


def test_content_validate_checks_the_glossary(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from careprep.cli import app

    runner = CliRunner()
    ok = runner.invoke(app, ["content", "validate", str(Path(settings.CONTENT_DIR) / FILE_NAME)])
    assert ok.exit_code == 0 and "glossary: 12 terms" in ok.output
    broken = tmp_path / FILE_NAME
    source = (Path(settings.CONTENT_DIR) / FILE_NAME).read_text()
    broken.write_text(source.replace("ps-basic-features", "ps-gone", 1))
    result = runner.invoke(app, ["content", "validate", str(broken)])
    assert result.exit_code == 1
    assert f"{broken}:" in result.output and "no bank question 'ps-gone'" in result.output
