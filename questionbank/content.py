"""Reading content packs: YAML (or JSON) files checked against the schema, with file and line.

A pack is a folder (roles.yaml, competencies.yaml, questions/*.yaml) or a single file holding
`roles:`, `competencies:`, `questions:` or a bare list of questions (what `content export` prints).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .content_schema import (
    CompetenciesFile,
    CompetencySpec,
    QuestionsFile,
    QuestionSpec,
    RolesFile,
    RoleSpec,
)

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ContentError(Exception):
    """One or more problems in content files; nothing was loaded."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class Pack:
    roles: list[RoleSpec] = field(default_factory=list)
    competencies: list[CompetencySpec] = field(default_factory=list)
    # Each question with the file it came from, so an export can write it back there.
    questions: list[tuple[QuestionSpec, str]] = field(default_factory=list)


def _construct(
    node: yaml.Node, path: Path_, lines: dict[Path_, int], loader: yaml.SafeLoader
) -> Any:
    """Build plain Python data from a YAML node, remembering the line of every path."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in out:
                raise _YamlProblem(key_node.start_mark.line + 1, f"duplicate key {key!r}")
            out[key] = _construct(value_node, (*path, key), lines, loader)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*path, i), lines, loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


class _YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message


def read_data(path: Path) -> tuple[Any, dict[Path_, int]]:
    """Parse one file; raise ContentError naming the file and line on a syntax error."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError([Problem(str(path), 1, f"cannot read file: {exc}")]) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise ContentError([Problem(str(path), line, f"not valid YAML: {exc.problem}")]) from None
    lines: dict[Path_, int] = {}
    if node is None:
        raise ContentError([Problem(str(path), 1, "file is empty")])
    try:
        return _construct(node, (), lines, yaml.SafeLoader("")), lines
    except _YamlProblem as exc:
        raise ContentError([Problem(str(path), exc.line, exc.message)]) from None


def _line_for(loc: Iterable[str | int], lines: dict[Path_, int]) -> int:
    loc = tuple(loc)
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return 1


def _describe(error: Any) -> str:
    where = ".".join(str(part) for part in error["loc"])
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown field (check the spelling against content/SCHEMA.md)"
    elif error["type"] == "missing":
        message = "required field is missing"
    return f"{where}: {message}" if where else message


def parse_file(path: Path, pack: Pack) -> list[Problem]:
    """Add what one file holds to `pack`; return its problems (then nothing is added)."""
    data, lines = read_data(path)
    if isinstance(data, list):  # a bare list of questions, as `content export` prints
        data = {"questions": data}
        lines = {("questions", *k): v for k, v in lines.items()}
    if not isinstance(data, dict) or not ({"roles", "competencies", "questions"} & set(data)):
        return [Problem(str(path), 1, "expected a `roles:`, `competencies:` or `questions:` list")]
    problems: list[Problem] = []
    parsed: dict[str, Any] = {}
    for key, model in (("roles", RolesFile), ("competencies", CompetenciesFile)):
        if key in data:
            try:
                parsed[key] = model.model_validate({key: data[key]})
            except ValidationError as exc:
                problems += [
                    Problem(str(path), _line_for(e["loc"], lines), _describe(e))
                    for e in exc.errors()
                ]
    if "questions" in data:
        try:
            parsed["questions"] = QuestionsFile.model_validate({"questions": data["questions"]})
        except ValidationError as exc:
            problems += [
                Problem(str(path), _line_for(e["loc"], lines), _describe(e)) for e in exc.errors()
            ]
    unknown = set(data) - {"roles", "competencies", "questions"}
    problems += [
        Problem(str(path), lines.get((key,), 1), f"unknown section {key!r}") for key in unknown
    ]
    if problems:
        return problems
    if "roles" in parsed:
        pack.roles += parsed["roles"].roles
    if "competencies" in parsed:
        pack.competencies += parsed["competencies"].competencies
    if "questions" in parsed:
        for index, question in enumerate(parsed["questions"].questions):
            pack.questions.append((question, f"{path}:{lines[('questions', index)]}"))
    return []


def pack_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise ContentError([Problem(str(path), 1, "no such file or folder")])
    files = [path / name for name in ("roles.yaml", "competencies.yaml") if (path / name).exists()]
    questions_dir = path / "questions"
    if questions_dir.is_dir():
        files += sorted(
            p for p in questions_dir.iterdir() if p.suffix in (".yaml", ".yml", ".json")
        )
    return files


def read_pack(
    path: Path, known_roles: Iterable[str] = (), known_competencies: Iterable[str] = ()
) -> Pack:
    """Read and check a pack. `known_*` are slugs defined elsewhere (the database).

    Raises ContentError listing every problem found, in every file.
    """
    pack = Pack()
    problems: list[Problem] = []
    for file in pack_files(path):
        try:
            problems += parse_file(file, pack)
        except ContentError as exc:
            problems += exc.problems
    if not problems:
        problems = check_references(pack, set(known_roles), set(known_competencies))
    if problems:
        raise ContentError(problems)
    return pack


def _where(origin: str) -> tuple[str, int]:
    file, _, line = origin.rpartition(":")
    return file, int(line)


def check_references(pack: Pack, known_roles: set[str], known_comps: set[str]) -> list[Problem]:
    roles = known_roles | {r.slug for r in pack.roles}
    comps = known_comps | {c.slug for c in pack.competencies}
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for question, origin in pack.questions:
        file, line = _where(origin)
        if question.id in seen:
            problems.append(
                Problem(
                    file,
                    line,
                    f"question id {question.id!r} is already used at {seen[question.id]}",
                )
            )
        seen[question.id] = origin
        for role in question.roles:
            if role not in roles:
                problems.append(Problem(file, line, f"{question.id}: unknown role {role!r}"))
        if question.competency not in comps:
            problems.append(
                Problem(file, line, f"{question.id}: unknown competency {question.competency!r}")
            )
        if not any(a.quality == "strong" for a in question.example_answers):
            problems.append(Problem(file, line, f"{question.id}: needs a strong example answer"))
        if len({a.quality for a in question.example_answers}) < 2:
            problems.append(
                Problem(file, line, f"{question.id}: example answers must differ in quality")
            )
    for kind, items in (("role", pack.roles), ("competency", pack.competencies)):
        slugs = [item.slug for item in items]
        problems += [
            Problem("(pack)", 1, f"{kind} {slug!r} is defined twice")
            for slug in sorted({s for s in slugs if slugs.count(s) > 1})
        ]
    return problems
