"""Practice pages: answering, feedback, history, plan, mock interviews, PDFs; owners only."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from practice.models import Attempt, MockInterview
from practice.personas import persona_for
from practice.services import attempt_create, mock_answer, mock_create
from questionbank.models import Question, Role
from tests.practice.helpers import half_answer
from tests.practice.test_services import NO_RESULT, STRONG

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(bank: None) -> Question:
    found = Question.objects.filter(type="behavioural", roles__slug="patient-liaison").first()
    assert found is not None
    return found


@pytest.fixture
def signed_in(client: Client, owner: User) -> Client:
    client.force_login(owner)
    return client


def test_practice_needs_an_account(client: Client, question: Question) -> None:
    response = client.get(f"/practice/{question.slug}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_submitting_an_answer_shows_feedback(signed_in: Client, question: Question) -> None:
    page = signed_in.get(f"/practice/{question.slug}/").content.decode()
    assert 'data-draft-key="question:' in page and 'for="id_answer"' in page
    response = signed_in.post(f"/practice/{question.slug}/", {"answer": STRONG, "mode": "typed"})
    attempt = Attempt.objects.get()
    assert response["Location"] == f"/attempts/{attempt.pk}/"
    page = signed_in.get(response["Location"]).content.decode()
    assert "Feedback on your answer" in page and f">{attempt.overall}<" in page
    assert "Talking points" in page and "Example answers" in page
    assert f'data-clear-draft="question:{question.slug}"' in page
    if attempt.feedback["key_points"] and any(k["covered"] for k in attempt.feedback["key_points"]):
        assert '<mark id="point-' in page


def test_the_feedback_page_shows_how_the_score_is_made(
    signed_in: Client, owner: User, question: Question
) -> None:
    claiming = STRONG + " To be honest I never make mistakes, it just doesn't affect me at all."
    attempt = attempt_create(user=owner, question=question, answer=claiming)
    assert "absolute_claims" in [f["code"] for f in attempt.feedback["flags"]]
    page = signed_in.get(f"/attempts/{attempt.pk}/").content.decode()
    assert "How this score is made" in page
    assert "Coverage of the talking points" in page and "A developed answer" in page
    assert "75 a 4 (good)" in page
    penalty = next(p for p in attempt.feedback["score_parts"] if p["name"] == "absolute_claims")
    assert penalty["points"] < 0 and penalty["possible"] == 0
    assert f'<th scope="row">Absolute claims</th><td>−{round(-penalty["points"])}</td>' in page


def test_a_failed_submit_keeps_the_text(signed_in: Client, question: Question) -> None:
    response = signed_in.post(
        f"/practice/{question.slug}/", {"answer": "Too short", "mode": "typed"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "too short for feedback" in page
    assert "Too short</textarea>" in page
    assert not Attempt.objects.exists()


def test_try_again_shows_the_change(signed_in: Client, owner: User, question: Question) -> None:
    first = attempt_create(user=owner, question=question, answer=NO_RESULT)
    second = attempt_create(user=owner, question=question, answer=STRONG)
    page = signed_in.get(f"/attempts/{second.pk}/").content.decode()
    assert f"since your last attempt ({first.overall})" in page


def test_your_own_question(signed_in: Client) -> None:
    response = signed_in.post(
        "/practice/own/",
        {
            "question_text": "Why do you want to be a patient advocate?",
            "key_points": "A personal reason\nWhat the job really involves",
            "answer": "My father's care taught me how much an advocate can change for a family.",
            "mode": "typed",
        },
    )
    attempt = Attempt.objects.get()
    assert response["Location"] == attempt.get_absolute_url()
    assert attempt.custom_question["key_points"] == [
        "A personal reason",
        "What the job really involves",
    ]


def test_random_question_respects_filters(signed_in: Client, bank: None) -> None:
    response = signed_in.get(
        "/practice/random/", {"role": "patient-portal-specialist", "competency": "privacy-security"}
    )
    slug = response["Location"].strip("/").split("/")[-1]
    question = Question.objects.get(slug=slug)
    assert question.competency.slug == "privacy-security"


def test_an_outsider_gets_404_for_someone_elses_things(
    client: Client, owner: User, outsider: User, question: Question
) -> None:
    attempt = attempt_create(user=owner, question=question, answer=STRONG)
    interview = mock_create(
        user=owner,
        role=Role.objects.get(slug="patient-liaison"),
        level="entry",
        length=1,
        mix=["behavioural"],
    )
    client.force_login(outsider)
    for url in (
        f"/attempts/{attempt.pk}/",
        f"/mock/{interview.pk}/",
        f"/mock/{interview.pk}/report/",
        f"/mock/{interview.pk}/report.pdf",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/mock/{interview.pk}/finish/").status_code == 404
    assert client.post(f"/mock/{interview.pk}/", {"answer": STRONG}).status_code == 404
    interview.refresh_from_db()
    assert interview.status == MockInterview.Status.IN_PROGRESS


def test_progress_shows_history_chart_and_weakest(
    signed_in: Client, owner: User, question: Question
) -> None:
    attempt_create(user=owner, question=question, answer=NO_RESULT)
    page = signed_in.get("/progress/").content.decode()
    assert "<svg" in page and question.competency.name in page
    assert "Work on these next" in page


def test_plan_page_and_calendar(signed_in: Client, owner: User, bank: None) -> None:
    assert "Set up your profile" in signed_in.get("/plan/").content.decode()
    owner.profile.target_role = Role.objects.get(slug="patient-advocate")
    owner.profile.level = "entry"
    owner.profile.save()
    page = signed_in.get("/plan/").content.decode()
    assert "Set your interview date" in page and "plan-day" in page
    response = signed_in.get("/plan.ics")
    assert response["Content-Type"] == "text/calendar"
    assert response.content.count(b"BEGIN:VEVENT") == 14


def test_a_mock_interview_in_the_browser_flow(signed_in: Client, bank: None) -> None:
    response = signed_in.post(
        "/mock/",
        {
            "role": "patient-liaison",
            "level": "experienced",
            "length": 3,
            "mix": ["behavioural"],
            "minutes_per_answer": 2,
        },
    )
    interview = MockInterview.objects.get()
    assert response["Location"] == f"/mock/{interview.pk}/"
    page = signed_in.get(response["Location"]).content.decode()
    persona = persona_for("patient-liaison", interview.pk)
    assert "Question 1 of 3" in page and f"{persona.name}, {persona.title}" in page
    asked = 0
    for step in interview.steps.select_related("question"):
        signed_in.post(
            f"/mock/{interview.pk}/",
            {"answer": half_answer(step.question), "mode": "typed", "seconds": 50},
        )
        page = signed_in.get(f"/mock/{interview.pk}/").content.decode()
        if "follow up on that" in page:
            asked += 1
            break
    assert asked == 1
    signed_in.post(f"/mock/{interview.pk}/finish/", {"confirm": "yes"})
    page = signed_in.get(f"/mock/{interview.pk}/report/").content.decode()
    assert "Mock interview report" in page and "Follow-up:" in page
    pdf = signed_in.get(f"/mock/{interview.pk}/report.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_mock_form_errors_are_clear(signed_in: Client, bank: None) -> None:
    page = signed_in.post(
        "/mock/",
        {"role": "patient-liaison", "level": "entry", "length": 3, "minutes_per_answer": 2},
    ).content.decode()
    assert "Choose at least one type of question." in page


def test_the_role_guide_pdf(client: Client, bank: None) -> None:
    response = client.get("/roles/patient-portal-specialist/guide.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and len(response.content) > 20_000
    assert client.get("/roles/astronaut/guide.pdf").status_code == 404


def test_mock_step_answers_are_private(owner: User, outsider: User, bank: None) -> None:
    interview = mock_create(
        user=owner,
        role=Role.objects.get(slug="patient-liaison"),
        level="entry",
        length=1,
        mix=["behavioural"],
    )
    step = mock_answer(interview=interview, answer=STRONG)
    assert step.attempt is not None and step.attempt.user == owner
