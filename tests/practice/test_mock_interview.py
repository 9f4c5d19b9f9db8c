"""A mock interview that feels like one: the interviewer fits the role, ending early asks first,
and the report reads like a debrief (answers with advice, real time used, no score from nothing)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client

from practice.models import Attempt, MockInterview
from practice.personas import persona_for
from practice.selectors import mock_report
from practice.services import mock_answer, mock_create, mock_finish, mock_questions_left
from questionbank.models import Role
from tests.practice.test_services import STRONG

pytestmark = pytest.mark.django_db


@pytest.fixture
def interview(owner: User, bank: None) -> MockInterview:
    role = Role.objects.get(slug="patient-portal-specialist")
    return mock_create(user=owner, role=role, level="entry", length=3, mix=["behavioural"], seed=2)


def test_the_interviewer_fits_the_role(bank: None) -> None:
    assert "Portal" in persona_for("patient-portal-specialist", 2).title
    assert "Patient Experience" in persona_for("patient-liaison", 0).title
    assert persona_for("patient-liaison", 0) != persona_for("patient-liaison", 1)
    assert persona_for("a-role-with-no-panel", 7).name  # a default interviewer


def test_the_first_question_opens_with_a_greeting_from_that_interviewer(
    client: Client, owner: User, interview: MockInterview
) -> None:
    client.force_login(owner)
    page = client.get(interview.get_absolute_url()).content.decode()
    persona = persona_for("patient-portal-specialist", interview.pk)
    assert f"Hello, I'm {persona.first_name}" in page
    assert f"{persona.name}, {persona.title}" in page


def test_after_the_last_question_the_interviewer_asks_for_your_questions(
    client: Client, owner: User, interview: MockInterview
) -> None:
    client.force_login(owner)
    for step in interview.steps.all():
        step.attempt = Attempt.objects.create(
            user=owner, question=step.question, answer="x", overall=50
        )
        step.save()
    page = client.get(interview.get_absolute_url()).content.decode()
    assert "Do you have any questions for us?" in page
    assert persona_for("patient-portal-specialist", interview.pk).ask[0] in page


def test_ending_early_asks_for_confirmation_first(
    client: Client, owner: User, interview: MockInterview
) -> None:
    client.force_login(owner)
    page = client.post(f"/mock/{interview.pk}/finish/").content.decode()
    assert "End the interview now?" in page and "3 of 3 questions still to answer" in page
    interview.refresh_from_db()
    assert interview.status == MockInterview.Status.IN_PROGRESS
    response = client.post(f"/mock/{interview.pk}/finish/", {"confirm": "yes"})
    assert response["Location"] == f"/mock/{interview.pk}/report/"
    interview.refresh_from_db()
    assert interview.status == MockInterview.Status.FINISHED


def test_an_outsider_cannot_end_someone_elses_interview(
    client: Client, outsider: User, interview: MockInterview
) -> None:
    client.force_login(outsider)
    assert client.post(f"/mock/{interview.pk}/finish/", {"confirm": "yes"}).status_code == 404


def test_a_report_with_no_answers_gives_no_score_and_no_strength(
    client: Client, owner: User, interview: MockInterview
) -> None:
    mock_finish(interview=interview)
    client.force_login(owner)
    page = client.get(f"/mock/{interview.pk}/report/").content.decode()
    assert "nothing to score" in page
    assert "0/100" not in page and "Keep practising" not in page


def test_the_report_shows_each_answer_with_its_advice(
    client: Client, owner: User, interview: MockInterview
) -> None:
    step = mock_answer(interview=interview, answer=STRONG)
    mock_finish(interview=interview)
    client.force_login(owner)
    page = client.get(f"/mock/{interview.pk}/report/").content.decode()
    assert step.attempt is not None
    assert STRONG[:60] in page
    tips = step.attempt.feedback["suggestions"]
    assert tips and tips[0]["text"] in page.replace("&#x27;", "'").replace("&quot;", '"')
    assert "Debrief" in page and "You answered 1 of 3 questions before ending" in page


def test_time_used_counts_a_pasted_answer_from_the_questions_page(
    owner: User, interview: MockInterview
) -> None:
    step = mock_answer(interview=interview, answer=STRONG, seconds=0)  # pasted: no typing time
    assert step.attempt is not None
    Attempt.objects.filter(pk=step.attempt.pk).update(
        created_at=interview.started_at + timedelta(seconds=95)
    )
    report = mock_report(interview)
    assert report.seconds_used == 95 and report.time_used == "1 min 35 s"


def test_a_break_in_a_resumed_interview_is_not_time_used(
    owner: User, interview: MockInterview
) -> None:
    step = mock_answer(interview=interview, answer=STRONG, seconds=80)
    assert step.attempt is not None
    Attempt.objects.filter(pk=step.attempt.pk).update(
        created_at=interview.started_at + timedelta(hours=20)
    )
    assert mock_report(interview).seconds_used == 80


def test_questions_left_counts_unanswered_questions(interview: MockInterview) -> None:
    assert mock_questions_left(interview) == 3
    mock_answer(interview=interview, answer=STRONG)
    assert mock_questions_left(interview) == 2
    mock_finish(interview=interview)
    assert mock_questions_left(interview) == 0
