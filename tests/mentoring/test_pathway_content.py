"""The pathway in the content pack: the bundled file is complete, and bad files say where."""

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from typer.testing import CliRunner

from careprep.cli import app
from mentoring.pathway_content import read_pathway
from questionbank.content import ContentError

STAGES = [
    "Patient Partner",
    "Embrace Learnings",
    "Careful and Kind Care",
    "Advancing Expertise",
    "Develop and Nurture your Niche",
    "Find and Connect",
    "Be a Mentor",
    "Evaluate",
]
BUNDLED = settings.CONTENT_DIR / "pathway.yaml"


def test_the_bundled_pathway_has_the_eight_stages_in_order() -> None:
    pathway = read_pathway(BUNDLED)
    assert [s.name for s in pathway.stages] == STAGES
    for stage in pathway.stages:
        assert len(stage.steps) >= 3
        kinds = {step.kind for step in stage.steps}
        assert kinds <= {"identify", "recognise", "reflect", "take_time", "act", "evaluate"}


def test_every_step_links_a_resource_and_most_resources_have_a_link() -> None:
    pathway = read_pathway(BUNDLED)
    for stage in pathway.stages:
        for step in stage.steps:
            assert all(pathway.resource(slug) for slug in step.resources)
    linked = [r for r in pathway.resources if r.url]
    assert len(linked) >= 0.85 * len(pathway.resources)


def test_the_frameworks_include_gibbs_six_stages_and_the_boundary_prompts() -> None:
    pathway = read_pathway(BUNDLED)
    gibbs = pathway.framework("gibbs")
    assert gibbs is not None and len(gibbs.prompts) == 6
    quick = pathway.framework("what-so-what-now-what")
    assert quick is not None and [p.label for p in quick.prompts] == [
        "What?",
        "So what?",
        "Now what?",
    ]
    boundaries = pathway.framework("boundaries")
    assert boundaries is not None
    labels = {p.label for p in boundaries.prompts}
    assert {"Learn to say no", "Self-care is not selfish"} <= labels
    assert pathway.framework("free") is not None


def _broken(tmp_path: Path, change: Callable[[dict], None]) -> list[str]:
    data = yaml.safe_load(BUNDLED.read_text())
    change(data)
    path = tmp_path / "pathway.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(ContentError) as caught:
        read_pathway(path)
    return [str(p) for p in caught.value.problems]


def test_an_unknown_resource_is_reported_with_its_line(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["stages"][0]["steps"][0]["resources"] = ["no-such-reading"]

    problems = _broken(tmp_path, change)
    assert len(problems) == 1
    assert "unknown resource 'no-such-reading'" in problems[0]
    assert problems[0].startswith(f"{tmp_path / 'pathway.yaml'}:")
    line = int(problems[0].split(":")[1])
    written = (tmp_path / "pathway.yaml").read_text().splitlines()
    assert "resources" in written[line - 1]


def test_a_wrong_step_kind_is_refused(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["stages"][0]["steps"][0]["kind"] = "ponder"

    problems = _broken(tmp_path, change)
    assert len(problems) == 1 and "stages.0.steps.0.kind" in problems[0]


def test_a_repeated_step_slug_is_refused(tmp_path: Path) -> None:
    def change(data: dict) -> None:
        data["stages"][1]["steps"][0]["slug"] = data["stages"][0]["steps"][0]["slug"]

    problems = _broken(tmp_path, change)
    assert any("defined twice" in p for p in problems)


def test_content_validate_checks_the_pathway_too(tmp_path: Path) -> None:
    runner = CliRunner()
    good = runner.invoke(app, ["content", "validate"])
    assert good.exit_code == 0, good.output
    assert "pathway: 8 stages" in good.output

    data = yaml.safe_load(BUNDLED.read_text())
    data["stages"][0]["steps"][0]["framework"] = "no-such-framework"
    bad = tmp_path / "pathway.yaml"
    bad.write_text(yaml.safe_dump(data, sort_keys=False))
    result = runner.invoke(app, ["content", "validate", str(bad)])
    assert result.exit_code == 1
    assert "unknown framework 'no-such-framework'" in result.output
