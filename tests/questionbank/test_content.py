"""Reading content packs: schema, line numbers, references."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

from questionbank.content import ContentError, read_pack

GOOD_QUESTION = {
    "id": "t-one",
    "text": "How would you welcome a new patient partner to a committee?",
    "roles": ["patient-partner"],
    "levels": ["entry"],
    "type": "situational",
    "competency": "engagement-strategy",
    "key_points": ["Meet them first", "Explain the papers", "Pair them up", "Check in after"],
    "example_answers": [
        {"quality": "strong", "text": "I would meet them before.", "why": "Concrete."},
        {"quality": "weak", "text": "I would be nice.", "why": "Vague."},
    ],
    "what_not_to_say": ["They will figure it out."],
    "listen_for": ["Preparation"],
    "follow_ups": ["What if they stay silent?"],
}


def write(tmp_path: Path, questions: list[dict]) -> Path:
    path = tmp_path / "questions.yaml"
    path.write_text(yaml.safe_dump({"questions": questions}, sort_keys=False))
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        read_pack(path, ["patient-partner"], ["engagement-strategy"])
    return [str(p) for p in caught.value.problems]


def test_the_bundled_pack_is_valid_and_large_enough() -> None:
    pack = read_pack(settings.CONTENT_DIR)
    assert len(pack.questions) >= 100
    roles = {r.slug for r in pack.roles}
    assert roles == {
        "patient-partner",
        "patient-liaison",
        "patient-portal-specialist",
        "patient-advocate",
        "peer-supporter",
        "healthcare-general",
    }
    for spec, _ in pack.questions:
        assert len(spec.key_points) >= 4
        assert len({a.quality for a in spec.example_answers}) >= 2


def test_every_role_has_questions_of_several_types() -> None:
    pack = read_pack(settings.CONTENT_DIR)
    for role in pack.roles:
        types = {q.type for q, _ in pack.questions if role.slug in q.roles}
        assert len(types) >= 3, role.slug


def test_a_valid_file_is_read(tmp_path: Path) -> None:
    pack = read_pack(write(tmp_path, [GOOD_QUESTION]), ["patient-partner"], ["engagement-strategy"])
    assert [q.id for q, _ in pack.questions] == ["t-one"]


def test_it_names_file_and_line_of_a_missing_field(tmp_path: Path) -> None:
    broken = {k: v for k, v in GOOD_QUESTION.items() if k != "follow_ups"}
    path = write(tmp_path, [GOOD_QUESTION | {"id": "t-zero"}, broken])
    problems = problems_of(path)
    assert len(problems) == 1
    second_item_line = path.read_text().splitlines().index("- id: t-one") + 1
    assert problems[0].startswith(f"{path}:{second_item_line}:")
    assert "follow_ups" in problems[0] and "missing" in problems[0]


def test_it_points_at_the_line_of_a_bad_value(tmp_path: Path) -> None:
    path = write(tmp_path, [GOOD_QUESTION | {"type": "riddle"}])
    (problem,) = problems_of(path)
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "riddle" in t)
    assert problem.startswith(f"{path}:{line}:")
    assert "questions.0.type" in problem


def test_it_reports_yaml_syntax_errors_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("questions:\n  - id: a\n    text: [unclosed\n    roles: x\n")
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:") and "not valid YAML" in problem


def test_it_rejects_too_few_talking_points(tmp_path: Path) -> None:
    path = write(tmp_path, [GOOD_QUESTION | {"key_points": ["Only one"]}])
    (problem,) = problems_of(path)
    assert "key_points" in problem


def test_it_rejects_unknown_fields(tmp_path: Path) -> None:
    path = write(tmp_path, [GOOD_QUESTION | {"keypoints": ["typo"]}])
    (problem,) = problems_of(path)
    assert "keypoints" in problem and "unknown field" in problem


def test_it_rejects_unknown_competencies_and_roles(tmp_path: Path) -> None:
    path = write(tmp_path, [GOOD_QUESTION | {"competency": "juggling", "roles": ["pilot"]}])
    problems = problems_of(path)
    assert any("unknown competency 'juggling'" in p for p in problems)
    assert any("unknown role 'pilot'" in p for p in problems)


def test_it_rejects_duplicate_ids(tmp_path: Path) -> None:
    path = write(tmp_path, [GOOD_QUESTION, GOOD_QUESTION])
    (problem,) = problems_of(path)
    assert "already used" in problem


def test_it_rejects_duplicate_keys(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("questions:\n  - id: a\n    id: b\n")
    (problem,) = problems_of(path)
    assert problem == f"{path}:3: duplicate key 'id'"


def test_example_answers_must_include_a_strong_one(tmp_path: Path) -> None:
    weak = {"quality": "weak", "text": "x", "why": "y"}
    path = write(tmp_path, [GOOD_QUESTION | {"example_answers": [weak, weak]}])
    problems = problems_of(path)
    assert any("strong example answer" in p for p in problems)
