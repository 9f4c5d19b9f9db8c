"""The recruiter glossary (`content/glossary.yaml`): terms of our field explained for the people
who hire for it, in the recruiter seed's format. Data, checked by a schema, with file and line
for every problem (the content pack's reader)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from questionbank.content import ContentError, Problem, read_data

FILE_NAME = "glossary.yaml"
Text = Field(min_length=3)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Levels(_Strict):
    junior: list[str] = Field(min_length=1)
    mid: list[str] = Field(min_length=1)
    senior: list[str] = Field(min_length=1)


class Term(_Strict):
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    term: str = Text
    plain: str = Field(min_length=40)
    on_a_resume: list[str] = Field(min_length=1)
    job_titles: list[str] = Field(min_length=1)
    levels: Levels
    red_flags: list[str] = Field(min_length=1)
    questions: list[str] = Field(min_length=1)  # bank question ids that probe the term


class Glossary(_Strict):
    terms: list[Term] = Field(min_length=1)


def read_glossary(path: Path, question_ids: Iterable[str] | None = None) -> Glossary:
    """Parse and check the glossary; with `question_ids`, every referenced question must exist.
    Raises ContentError listing each problem as FILE:LINE."""
    data, lines = read_data(path)
    try:
        glossary = Glossary.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            line = next((lines[loc[:n]] for n in range(len(loc), -1, -1) if loc[:n] in lines), 1)
            where = ".".join(str(part) for part in loc)
            problems.append(Problem(str(path), line, f"{where}: {error['msg']}"))
        raise ContentError(problems) from None
    problems = _reference_problems(glossary, path, lines, question_ids)
    if problems:
        raise ContentError(problems)
    return glossary


def _reference_problems(
    glossary: Glossary, path: Path, lines: dict, question_ids: Iterable[str] | None
) -> list[Problem]:
    problems, seen = [], set()
    known = set(question_ids) if question_ids is not None else None
    for index, term in enumerate(glossary.terms):
        line = lines.get(("terms", index), 1)
        if term.slug in seen:
            problems.append(Problem(str(path), line, f"duplicate term slug {term.slug!r}"))
        seen.add(term.slug)
        for question in term.questions:
            if known is not None and question not in known:
                problems.append(
                    Problem(str(path), line, f"{term.slug}: no bank question {question!r}")
                )
    return problems
