"""`careprep export kit`: the kit as a PDF or YAML file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from careprep.cli import app
from tests.hiring.cast import HiringCast

pytestmark = pytest.mark.django_db
runner = CliRunner()


def test_it_writes_the_kit_pdf(hiring: HiringCast, tmp_path: Path) -> None:
    out = tmp_path / "kit.pdf"
    result = runner.invoke(app, ["export", "kit", str(hiring.kit.pk), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    # A title page, one page for each of the five questions, and the blank scorecard.
    pages = re.search(rb"/Count (\d+)", data)
    assert pages is not None and int(pages.group(1)) == 7


def test_it_writes_yaml_for_a_yaml_file(hiring: HiringCast, tmp_path: Path) -> None:
    out = tmp_path / "kit.yaml"
    result = runner.invoke(app, ["export", "kit", str(hiring.kit.pk), "-o", str(out)])
    assert result.exit_code == 0, result.output
    kit = yaml.safe_load(out.read_text())["kit"]
    assert kit["version"] == 1 and kit["status"] == "published"
    assert len(kit["competencies"]) == 5
    assert kit["competencies"][0]["anchors"][5]
    assert kit["competencies"][0]["questions"][0]["guard"]["lawful"] is True


def test_an_unknown_kit_is_one_line_and_exit_2(db: None, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "kit", "999", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2
    assert "no interview kit 999" in result.output
