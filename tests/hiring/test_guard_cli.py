"""`careprep guard`, run through Typer's test runner (no database needed)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from careprep.cli import app, mount_guard

runner = CliRunner()
mount_guard()


def test_it_prints_the_verdict_and_exits_1_when_unlawful() -> None:
    result = runner.invoke(app, ["guard", "Are you pregnant?", "--jurisdiction", "uk"])
    assert result.exit_code == 1
    assert "UNLAWFUL (uk)" in result.output
    assert "Equality Act 2010 s.18" in result.output
    assert "ask instead:" in result.output


def test_json_holds_lawful_topics_with_rules_and_alternative() -> None:
    result = runner.invoke(app, ["guard", "How old are you?", "--json", "--jurisdiction", "us"])
    data = json.loads(result.output)
    assert data["lawful"] is False
    assert data["topics"][0]["topic"] == "age"
    assert "Age Discrimination in Employment Act" in data["topics"][0]["rule"]
    assert data["alternative"]


def test_a_dash_reads_one_question_a_line() -> None:
    lines = "Can you lift 20 kg?\n\nWhat is your diagnosis?\n"
    result = runner.invoke(app, ["guard", "-", "--json", "--role", "patient-partner"], input=lines)
    verdicts = [json.loads(line) for line in result.output.splitlines()]
    assert [v["lawful"] for v in verdicts] == [True, False]
    assert result.exit_code == 1


def test_all_lawful_exits_0() -> None:
    result = runner.invoke(app, ["guard", "Are you legally entitled to work in the UK?"])
    assert result.exit_code == 0
    assert result.output.startswith("LAWFUL (any)")


def test_an_unknown_jurisdiction_is_refused() -> None:
    result = runner.invoke(app, ["guard", "How old are you?", "--jurisdiction", "fr"])
    assert result.exit_code == 2
