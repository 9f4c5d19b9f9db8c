"""Reads of the bank: a role's own questions lead its list; a role's competencies."""

import pytest

from questionbank.models import Competency, Question, Role
from questionbank.selectors import QuestionFilter, competencies_for, question_list

pytestmark = pytest.mark.django_db


def test_a_role_list_leads_with_the_questions_written_for_the_role(bank: None) -> None:
    listed = list(question_list(QuestionFilter(role="patient-portal-specialist")))
    own = [q.source_file == "patient-portal-specialist.yaml" for q in listed]
    assert own[0] and not own[-1]
    assert own == sorted(own, reverse=True)  # every own question before the first shared one


def test_shared_questions_come_fewest_roles_first(bank: None) -> None:
    listed = [q for q in question_list(QuestionFilter(role="patient-liaison")) if not q.own]  # type: ignore[attr-defined]
    counts = [q.roles.count() for q in listed]
    assert counts == sorted(counts) and counts[0] < counts[-1]


def test_a_role_list_still_holds_every_question_of_the_role_once(bank: None) -> None:
    role = Role.objects.get(slug="patient-advocate")
    listed = [q.pk for q in question_list(QuestionFilter(role=role.slug))]
    assert sorted(listed) == sorted(role.questions.values_list("pk", flat=True))


def test_a_roles_competencies_are_those_its_questions_assess(bank: None) -> None:
    offered = set(competencies_for("patient-portal-specialist"))
    assessed = {
        q.competency for q in Question.objects.filter(roles__slug="patient-portal-specialist")
    }
    assert offered == assessed
    assert len(offered) < Competency.objects.count()


def test_without_a_role_every_competency_with_a_question_is_offered(bank: None) -> None:
    assert set(competencies_for()) == set(Competency.objects.filter(questions__isnull=False))
