"""Interview kits: building from the bank, the guard on written questions, publishing, versions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hiring.kits import (
    kit_competency_add,
    kit_competency_weigh,
    kit_new_version,
    kit_problems,
    kit_publish,
    kit_question_add,
    kit_question_edit,
    kit_versions,
)
from hiring.models import InterviewKit, KitQuestion, KitStatus
from questionbank.models import Competency
from tests.hiring.cast import HiringCast, kit_build

pytestmark = pytest.mark.django_db


def test_a_competency_brings_the_banks_anchored_scale(hiring: HiringCast) -> None:
    item = hiring.kit.competencies.get(competency__slug="conflict-resolution")
    bank = Competency.objects.get(slug="conflict-resolution")
    assert (item.anchor_1, item.anchor_3, item.anchor_5) == (
        bank.anchor_1,
        bank.anchor_3,
        bank.anchor_5,
    )


def test_a_bank_question_brings_its_probes_listen_fors_and_level_indicators(
    hiring: HiringCast,
) -> None:
    question = KitQuestion.objects.filter(kit_competency__kit=hiring.kit).first()
    assert question is not None and question.bank_question is not None
    assert question.from_bank
    assert question.follow_ups == [str(f) for f in question.bank_question.follow_ups]
    assert question.listen_for
    assert set(question.level_indicators) <= {"junior", "mid", "senior"}
    assert question.lawful and question.guard["lawful"] is True


def test_the_guard_checks_a_written_question_and_blocks_publishing(hiring: HiringCast) -> None:
    draft = kit_build(hiring.cast.north, hiring.manager)
    item = draft.competencies.first()
    assert item is not None
    written = kit_question_add(item=item, text="Do you have children?")
    assert not written.lawful
    assert written.guard["topics"][0]["topic"] == "family_status"
    assert "schedule" in written.guard["alternative"]
    problems = kit_problems(draft)
    assert any("protected topic" in p for p in problems)
    with pytest.raises(ValidationError):
        kit_publish(kit=draft)


def test_editing_a_question_runs_the_guard_again(hiring: HiringCast) -> None:
    draft = kit_build(hiring.cast.north, hiring.manager)
    question = KitQuestion.objects.filter(kit_competency__kit=draft).first()
    assert question is not None
    kit_question_edit(question=question, text="How old are you?")
    assert not question.lawful
    kit_question_edit(question=question, text="Can you meet the schedule of this role?")
    assert question.lawful
    assert not question.from_bank


def test_the_guard_reads_the_organisations_law(hiring: HiringCast) -> None:
    hiring.cast.north.jurisdiction = "uk-eng"
    hiring.cast.north.save()
    draft = kit_build(hiring.cast.north, hiring.manager)
    item = draft.competencies.first()
    assert item is not None
    question = kit_question_add(item=item, text="Have you ever been treated for depression?")
    assert question.guard["jurisdiction"] == "uk"
    assert "s.60" in question.guard["topics"][0]["rule"]


def test_a_kit_needs_five_to_eight_competencies(hiring: HiringCast) -> None:
    small = kit_build(hiring.cast.north, hiring.manager, slugs=("advocacy", "motivation"))
    assert any("5 to 8 competencies" in p for p in kit_problems(small))
    for slug in ("lived-experience", "team-dynamics", "engagement-strategy", "cultural-competency"):
        kit_competency_add(kit=small, competency=Competency.objects.get(slug=slug))
    assert any("needs one or two questions" in p for p in kit_problems(small))


def test_at_most_two_questions_a_competency(hiring: HiringCast) -> None:
    draft = kit_build(hiring.cast.north, hiring.manager)
    item = draft.competencies.first()
    assert item is not None
    kit_question_add(item=item, text="Tell me about a time you calmed a distressed family.")
    with pytest.raises(ValidationError, match="at most 2"):
        kit_question_add(item=item, text="One more question?")


def test_a_weight_needs_a_written_rationale(hiring: HiringCast) -> None:
    draft = kit_build(hiring.cast.north, hiring.manager)
    item = draft.competencies.first()
    assert item is not None
    with pytest.raises(ValidationError, match="rationale"):
        kit_competency_weigh(item=item, weight=Decimal("2"), weight_rationale="  ")
    kit_competency_weigh(item=item, weight=Decimal("2"), weight_rationale="Most complaints.")
    item.refresh_from_db()
    assert item.weight == Decimal("2.00")


def test_a_published_kit_does_not_change(hiring: HiringCast) -> None:
    kit = hiring.kit
    kit.title = "Renamed"
    with pytest.raises(ValidationError, match="published kit cannot change"):
        kit.save()
    with pytest.raises(ValidationError):
        kit_competency_add(kit=kit, competency=Competency.objects.get(slug="motivation"))
    question = KitQuestion.objects.filter(kit_competency__kit=kit).first()
    assert question is not None
    with pytest.raises(ValidationError):
        kit_question_edit(question=question, text="Changed under the interview?")
    with pytest.raises(ValidationError):
        kit.delete()
    assert KitQuestion.objects.get(pk=question.pk).text != "Changed under the interview?"


def test_editing_makes_a_new_version_and_the_interview_keeps_its_own(hiring: HiringCast) -> None:
    old = hiring.kit
    new = kit_new_version(kit=old, by=hiring.manager)
    assert (new.version, new.status, new.parent) == (2, KitStatus.DRAFT, old)
    assert new.competencies.count() == old.competencies.count() == 5
    question = KitQuestion.objects.filter(kit_competency__kit=new).first()
    assert question is not None
    kit_question_edit(question=question, text="Describe the last complaint you resolved.")
    kit_publish(kit=new)
    hiring.interview.refresh_from_db()
    assert hiring.interview.kit_id == old.pk
    old_texts = set(
        KitQuestion.objects.filter(kit_competency__kit=old).values_list("text", flat=True)
    )
    assert "Describe the last complaint you resolved." not in old_texts
    third = kit_new_version(kit=old, by=hiring.manager)
    assert third.version == 3
    assert [k.version for k in kit_versions(third)] == [1, 2, 3]
    assert InterviewKit.objects.filter(parent=old).count() == 2
