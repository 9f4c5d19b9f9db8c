"""`careprep coach review` and `careprep coach evaluate` (the batch contract)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careprep.cli import app, mount_coach
from questionbank.models import Question
from tests.coach.conftest import DELAY_QUESTION, STRONG

runner = CliRunner()
mount_coach()


def test_evaluate_writes_one_line_per_input_line(tmp_path: Path) -> None:
    lines = [
        {"id": "good", "question": DELAY_QUESTION, "answer": STRONG, "grade": 5},
        {"id": "bad", "question": DELAY_QUESTION, "answer": "Delays happen."},
        {"id": "broken", "question": {}, "answer": "text"},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    result = runner.invoke(app, ["coach", "evaluate", str(path)])
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["good", "bad", "broken", None]
    assert set(out[0]) == {
        "id",
        "overall",
        "criteria",
        "flags",
        "covered_key_points",
        "missing_key_points",
    }
    assert out[0]["overall"] > out[1]["overall"]
    assert "error" in out[2] and "error" in out[3]
    assert result.exit_code == 1  # some lines could not be reviewed


def test_review_reads_stdin_and_prints_json() -> None:
    result = runner.invoke(
        app,
        ["coach", "review", "-q", DELAY_QUESTION["text"], "-k", "Find the cause", "--json"],
        input=STRONG,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["overall"] > 50 and len(data["key_points"]) == 1


def test_review_prints_readable_feedback(tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text("I said the doctors are busy.")
    result = runner.invoke(app, ["coach", "review", str(answer), "-q", "How do you handle delays?"])
    assert result.exit_code == 0
    assert "Overall" in result.stdout and "too_short" in result.stdout
    assert "How the score is made" in result.stdout and "coverage" in result.stdout


@pytest.mark.django_db
def test_review_a_bank_question_by_id(bank: None) -> None:
    question = Question.objects.first()
    assert question is not None
    result = runner.invoke(app, ["coach", "review", "--id", question.slug, "--json"], input=STRONG)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["key_points"]) == len(question.key_points)


def test_review_needs_a_question() -> None:
    result = runner.invoke(app, ["coach", "review"], input="hello")
    assert result.exit_code == 2
