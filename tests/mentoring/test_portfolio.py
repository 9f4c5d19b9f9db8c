"""The portfolio PDF: the partner's own progress, chosen reflections, sessions and assessments;
from the download button and from `careprep export portfolio`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.test import Client
from reportlab.platypus import Paragraph
from typer.testing import CliRunner

from careprep.cli import app
from mentoring import services
from mentoring.models import Pairing
from mentoring.pdf import portfolio_story
from tests.mentoring.conftest import mentor_of
from tests.practice import rows


def _text(flowables: list[Any]) -> str:
    out: list[str] = []
    for item in flowables:
        if isinstance(item, Paragraph):
            out.append(item.getPlainText())
        out.append(_text(getattr(item, "_flowables", None) or []))
        out.append(_text(getattr(item, "_content", None) or []))
    return "\n".join(t for t in out if t)


def _fill(pairing: Pairing) -> None:
    me = pairing.partner
    services.step_mark(user=me, step="choose-your-title", done=True, note="I say patient partner.")
    services.stage_assess(
        pairing=pairing, stage="patient-partner", percent=40, comment="Good start."
    )
    chosen = services.journal_entry_save(
        user=me, framework="free", title="Chosen one", answers={"entry": "What I learned."}
    )
    chosen.in_portfolio = True
    chosen.save()
    services.journal_entry_save(
        user=me, framework="free", title="Kept private", answers={"entry": "Not for the file."}
    )
    services.session_log(
        pairing=pairing,
        user=mentor_of(pairing),
        held_on=pairing.created_at.date(),
        agenda="Interview nerves",
        notes="",
        next_steps=["Read the guide"],
    )
    answer = rows.attempt(me, answer="An answer.")
    share = services.practice_share(pairing=pairing, attempt=answer)
    services.review_save(
        share=share, attempt=answer, rating=4, summary="Specific.", next_question=None
    )


def test_the_portfolio_holds_progress_chosen_reflections_sessions_and_assessments(
    pairing: Pairing,
) -> None:
    _fill(pairing)
    text = _text(portfolio_story(pairing.partner))
    for expected in (
        "Patient Partner: 1 of 5 steps done",
        "I say patient partner.",
        "Mentor's assessment: 40%: Good start.",
        "Chosen one",
        "What I learned.",
        "Agenda: Interview nerves",
        "Read the guide",
        "rated 4 of 5: Specific.",
    ):
        assert expected in text, expected
    assert "Kept private" not in text


def test_the_download_is_the_signed_in_persons_own_portfolio(
    client: Client, pairing: Pairing
) -> None:
    _fill(pairing)
    client.force_login(pairing.partner)
    response = client.get("/mentoring/portfolio.pdf")
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    # The mentor's own download never holds the partner's reflections.
    assert "Chosen one" not in _text(portfolio_story(mentor_of(pairing)))


def test_careprep_export_portfolio_writes_the_pdf(pairing: Pairing, tmp_path: Path) -> None:
    _fill(pairing)
    out = tmp_path / "portfolio.pdf"
    result = CliRunner().invoke(
        app, ["export", "portfolio", pairing.partner.username, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    missing = CliRunner().invoke(app, ["export", "portfolio", "nobody", "-o", str(out)])
    assert missing.exit_code == 2 and "no active user" in missing.output
