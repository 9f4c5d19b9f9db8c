"""Reading content/pathway.yaml: checked against the schema and for references, with file and line.

It uses the question bank's YAML reader, so a problem reads the same way (`FILE:LINE: message`)
and `careprep content validate` reports both files together.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from questionbank.content import ContentError, Problem, read_data
from questionbank.content import _describe as describe  # one wording for every content error
from questionbank.content import _line_for as line_for

from .pathway_schema import PathwayFile

FILE_NAME = "pathway.yaml"
Lines = dict[tuple[str | int, ...], int]


def read_pathway(path: Path) -> PathwayFile:
    """Parse and check one pathway file; raise ContentError listing every problem."""
    data, lines = read_data(path)
    try:
        pathway = PathwayFile.model_validate(data)
    except ValidationError as exc:
        raise ContentError(
            [Problem(str(path), line_for(e["loc"], lines), describe(e)) for e in exc.errors()]
        ) from None
    problems = check_references(pathway, str(path), lines)
    if problems:
        raise ContentError(problems)
    return pathway


def _repeated(slugs: list[str]) -> list[str]:
    return sorted({s for s in slugs if slugs.count(s) > 1})


def check_references(pathway: PathwayFile, file: str, lines: Lines) -> list[Problem]:
    """Slugs are unique; every step's resources and framework exist."""
    problems: list[Problem] = []
    resources = {r.slug for r in pathway.resources}
    frameworks = {f.slug for f in pathway.frameworks}
    for section, slugs in (
        ("stages", [s.slug for s in pathway.stages]),
        ("steps", [step.slug for s in pathway.stages for step in s.steps]),
        ("resources", [r.slug for r in pathway.resources]),
        ("frameworks", [f.slug for f in pathway.frameworks]),
    ):
        problems += [
            Problem(file, lines.get((section,), 1), f"{section}: {slug!r} is defined twice")
            for slug in _repeated(slugs)
        ]
    for i, stage in enumerate(pathway.stages):
        for j, step in enumerate(stage.steps):
            where = ("stages", i, "steps", j)
            for slug in step.resources:
                if slug not in resources:
                    line = line_for((*where, "resources"), lines)
                    problems.append(Problem(file, line, f"{step.slug}: unknown resource {slug!r}"))
            if step.framework and step.framework not in frameworks:
                line = line_for((*where, "framework"), lines)
                problems.append(
                    Problem(file, line, f"{step.slug}: unknown framework {step.framework!r}")
                )
    for k, framework in enumerate(pathway.frameworks):
        for slug in _repeated([p.slug for p in framework.prompts]):
            line = line_for(("frameworks", k), lines)
            problems.append(Problem(file, line, f"{framework.slug}: prompt {slug!r} twice"))
    return problems


def pathway_file(content_dir: Path) -> Path:
    return content_dir / FILE_NAME


@lru_cache(maxsize=4)
def _cached(path: Path, mtime: float) -> PathwayFile:
    return read_pathway(path)


def bundled_pathway(content_dir: Path) -> PathwayFile:
    """The bundled pathway, read once per change of the file."""
    path = pathway_file(content_dir)
    return _cached(path, path.stat().st_mtime)
