"""The careprep command line, run through Typer's test runner against the real database."""

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from typer.testing import CliRunner

from careprep.cli import app
from questionbank.models import Question

pytestmark = pytest.mark.django_db
runner = CliRunner()


def test_validate_the_bundled_content() -> None:
    result = runner.invoke(app, ["content", "validate"])
    assert result.exit_code == 0, result.output
    assert "OK: 6 roles" in result.output


def test_validate_names_the_broken_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("questions:\n  - id: x\n    text: Hello\n")
    result = runner.invoke(app, ["content", "validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2:" in result.output


def test_load_and_export_json(bank: None) -> None:
    result = runner.invoke(app, ["content", "export", "--format", "json"])
    assert result.exit_code == 0
    questions = json.loads(result.stdout)
    assert len(questions) == Question.objects.count()
    keys = {
        "id",
        "text",
        "roles",
        "levels",
        "type",
        "competency",
        "key_points",
        "example_answers",
        "what_not_to_say",
        "red_flags",
        "follow_ups",
    }
    assert keys <= set(questions[0])


def test_export_yaml_to_a_file_loads_back(bank: None, tmp_path: Path) -> None:
    out = tmp_path / "bank.yaml"
    assert (
        runner.invoke(app, ["content", "export", "--format", "yaml", "-o", str(out)]).exit_code == 0
    )
    result = runner.invoke(app, ["content", "load", str(out)])
    assert result.exit_code == 0, result.output
    assert "0 created, 0 updated" in result.output


def test_load_a_broken_file_changes_nothing(bank: None, tmp_path: Path) -> None:
    count = Question.objects.count()
    path = tmp_path / "broken.yaml"
    path.write_text("questions:\n  - id: new-one\n    text: Hello\n")
    result = runner.invoke(app, ["content", "load", str(path)])
    assert result.exit_code == 1
    assert Question.objects.count() == count


def test_createuser(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["createuser", "--username", "staffer", "--email", "s@example.org", "--staff"],
        env={"CAREPREP_PASSWORD": "correct-horse-battery-9"},
    )
    assert result.exit_code == 0, result.output
    assert User.objects.get(username="staffer").is_staff


def test_createuser_refuses_a_weak_password() -> None:
    result = runner.invoke(
        app,
        ["createuser", "--username", "weak", "--email", "w@example.org"],
        env={"CAREPREP_PASSWORD": "123"},
    )
    assert result.exit_code == 1
    assert not User.objects.filter(username="weak").exists()


def test_export_a_role_guide_as_pdf(bank: None, tmp_path: Path) -> None:
    out = tmp_path / "guide.pdf"
    result = runner.invoke(app, ["export", "guide", "--role", "patient-advocate", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    bad = runner.invoke(app, ["export", "guide", "--role", "pilot", "-o", str(out)])
    assert bad.exit_code == 2 and "patient-advocate" in bad.output
