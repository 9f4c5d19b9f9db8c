"""Loading packs into the database, and exporting them back."""

import json
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from questionbank.bank import bank_load, pack_read, pack_write, questions_export
from questionbank.content import ContentError
from questionbank.models import Competency, Question, Role

pytestmark = pytest.mark.django_db


def test_loading_creates_the_bank(bank: None) -> None:
    assert Role.objects.count() == 6
    assert Competency.objects.count() >= 40
    assert Question.objects.count() >= 100
    question = Question.objects.first()
    assert question is not None and question.example_answers.count() >= 2


def test_loading_twice_changes_nothing(bank: None) -> None:
    before = questions_export()
    report = bank_load(pack=pack_read(settings.CONTENT_DIR))
    assert report.created == 0 and report.updated == 0
    assert report.unchanged == len(before)
    assert questions_export() == before


def test_export_then_load_round_trips(bank: None, tmp_path: Path) -> None:
    exported = questions_export()
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(exported))
    Question.objects.filter(slug=exported[0]["id"]).update(text="Edited by mistake")
    report = bank_load(pack=pack_read(path))
    assert report.updated == 1 and report.created == 0
    assert questions_export() == exported


def test_a_pack_folder_written_from_the_database_reads_back_the_same(
    bank: None, tmp_path: Path
) -> None:
    pack_write(tmp_path)
    again = pack_read(tmp_path)
    assert [q.id for q, _ in again.questions] == [q["id"] for q in questions_export()]
    original = pack_read(settings.CONTENT_DIR)
    assert {q.id: q for q, _ in again.questions} == {q.id: q for q, _ in original.questions}


def test_a_broken_file_loads_nothing(bank: None, tmp_path: Path) -> None:
    exported = questions_export()
    good = exported[0] | {"text": "A changed question text"}
    bad = exported[1] | {"levels": ["expert"]}
    path = tmp_path / "mixed.yaml"
    path.write_text(yaml.safe_dump({"questions": [good, bad]}))
    with pytest.raises(ContentError):
        bank_load(pack=pack_read(path))
    assert Question.objects.get(slug=good["id"]).text == exported[0]["text"]


def test_search_text_covers_talking_points(bank: None) -> None:
    question = Question.objects.first()
    assert question is not None
    assert question.key_points[0].lower() in question.search_text
