"""Attempts, mock interviews and the prep plan, on the real database."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from practice.models import Attempt, MockInterview
from practice.plan import plan_build, plan_ics
from practice.selectors import competency_trends, mock_report, previous_attempt
from practice.services import attempt_create, mock_answer, mock_create, mock_finish
from questionbank.models import Question, Role
from tests.practice.helpers import half_answer

pytestmark = pytest.mark.django_db

NO_RESULT = (
    "In my last role on a hospital helpline, a daughter called because her father's discharge "
    "had been delayed twice. My job was to find out why. I called the ward, I spoke to the "
    "discharge coordinator and I explained the situation to her in plain words."
)
STRONG = (
    "In my last role on a hospital helpline, a daughter called because her father's discharge had "
    "been delayed twice. My job was to find out why and keep her informed. I called the ward, "
    "spoke to the discharge coordinator and learned that the care package was missing. I chased "
    "the community team, and I rang her back every afternoon. As a result he went home two days "
    "later, and she thanked us; I now check care packages 48 hours before discharge."
)


def behavioural(role: str = "patient-liaison") -> Question:
    question = Question.objects.filter(roles__slug=role, type="behavioural").first()
    assert question is not None
    return question


def test_an_attempt_keeps_the_coachs_feedback(owner: User, bank: None) -> None:
    attempt = attempt_create(user=owner, question=behavioural(), answer=STRONG)
    assert attempt.overall == attempt.feedback["overall"]
    assert set(attempt.criteria) == {"coverage", "structure", "specificity", "clarity", "language"}
    assert attempt.competency == attempt.question.competency  # type: ignore[union-attr]


def test_an_attempt_at_your_own_question(owner: User, bank: None) -> None:
    attempt = attempt_create(
        user=owner,
        custom_question={"text": "Why patient advocacy?", "key_points": ["A real reason"]},
        answer="Because my mother's care showed me how much one advocate can change.",
    )
    assert attempt.question is None and len(attempt.feedback["key_points"]) == 1
    with pytest.raises(ValueError):
        attempt_create(user=owner, answer="no question at all")


def test_a_spoken_attempt_gets_delivery_observations(owner: User, bank: None) -> None:
    attempt = attempt_create(
        user=owner,
        question=behavioural(),
        answer="Um, you know, " + STRONG,
        mode="spoken",
        speaking_seconds=40,
        pauses=[0.5, 4.0],
    )
    assert attempt.delivery["words_per_minute"] > 100
    assert attempt.delivery["long_pauses"] == 1
    assert any("Filler" in note for note in attempt.delivery["observations"])


def test_change_since_the_last_attempt(owner: User, outsider: User, bank: None) -> None:
    question = behavioural()
    first = attempt_create(user=owner, question=question, answer=NO_RESULT)
    attempt_create(user=outsider, question=question, answer=STRONG)
    second = attempt_create(user=owner, question=question, answer=STRONG)
    assert previous_attempt(second) == first
    assert previous_attempt(first) is None


def test_a_mock_interview_asks_a_follow_up_when_the_result_is_missing(
    owner: User, bank: None
) -> None:
    role = Role.objects.get(slug="patient-liaison")
    interview = mock_create(
        user=owner, role=role, level="experienced", length=3, mix=["behavioural"], seed=1
    )
    assert interview.steps.count() == 3
    # An answer to the question asked that stops before its result.
    first = interview.steps.order_by("order").first()
    assert first is not None
    step = mock_answer(interview=interview, answer=half_answer(first.question))
    assert step.follow_up in step.question.follow_ups and not step.done
    step = mock_answer(interview=interview, answer="In the end he went home two days later.")
    assert step.done and step.follow_up_attempt is not None
    for _ in range(10):
        if interview.steps.filter(attempt__isnull=True).exists() or any(
            not s.done for s in interview.steps.all()
        ):
            mock_answer(interview=interview, answer=STRONG, seconds=90)
    mock_finish(interview=interview)
    report = mock_report(interview)
    assert interview.status == MockInterview.Status.FINISHED
    assert report.seconds_used >= 60 + 90 * 2
    assert report.competencies and report.to_work_on
    with pytest.raises(ValueError):
        mock_answer(interview=interview, answer="too late")


def test_mock_questions_follow_the_mix(owner: User, bank: None) -> None:
    role = Role.objects.get(slug="patient-portal-specialist")
    interview = mock_create(
        user=owner, role=role, level="entry", length=4, mix=["technical", "situational"], seed=3
    )
    types = [s.question.type for s in interview.steps.all()]
    assert set(types) == {"technical", "situational"} and types[0] != types[1]


def test_the_plan_reaches_the_interview_and_ends_with_a_mock(owner: User, bank: None) -> None:
    role = Role.objects.get(slug="patient-advocate")
    today = date(2026, 11, 21)
    plan = plan_build(
        user=owner,
        role=role,
        level="experienced",
        interview_date=today + timedelta(days=10),
        minutes_per_day=16,
        today=today,
    )
    assert [d.day for d in plan.days] == [today + timedelta(days=i) for i in range(10)]
    assert plan.days[-1].mock and all(len(d.items) == 2 for d in plan.days[:-1])
    competencies = {i.question.competency_id for d in plan.days[:3] for i in d.items}
    assert len(competencies) == 6  # broad first: no competency twice in the first days
    ics = plan_ics(plan, "http://careprep.test").decode()
    assert ics.count("BEGIN:VEVENT") == 10 and "DTSTART;VALUE=DATE:20261121" in ics


def test_the_plan_brings_back_low_scores_on_a_spaced_schedule(owner: User, bank: None) -> None:
    role = Role.objects.get(slug="patient-liaison")
    question = behavioural()
    weak = attempt_create(user=owner, question=question, answer=NO_RESULT)
    assert weak.overall < 70
    today = weak.created_at.date()
    plan = plan_build(
        user=owner,
        role=role,
        level="experienced",
        interview_date=today + timedelta(days=14),
        minutes_per_day=24,
        today=today,
    )
    again = [d.day for d in plan.days for i in d.items if i.question == question]
    assert again and again[0] == today + timedelta(days=1)
    assert question.competency.name in plan.weak_competencies


def test_trends_are_per_competency_and_weakest_first(owner: User, bank: None) -> None:
    attempt_create(user=owner, question=behavioural(), answer=NO_RESULT)
    other = Question.objects.exclude(competency=behavioural().competency).first()
    assert other is not None
    attempt_create(user=owner, question=other, answer=STRONG)
    trends = competency_trends(owner)
    assert len(trends) == 2 and trends[0].recent <= trends[1].recent
    assert Attempt.objects.filter(user=owner).count() == 2


def test_weak_spot_days_bring_back_low_scores_not_only_new_questions(
    owner: User, bank: None
) -> None:
    role = Role.objects.get(slug="patient-liaison")
    weak = attempt_create(user=owner, question=behavioural(), answer=NO_RESULT)
    today = weak.created_at.date()
    plan = plan_build(
        user=owner,
        role=role,
        level="experienced",
        interview_date=today + timedelta(days=14),
        minutes_per_day=16,
        today=today,
    )
    weak_days = [d for d in plan.days if d.focus == "Bring back weak spots"]
    assert len(weak_days) >= 5
    brought = [d for d in weak_days if any(i.question == weak.question for i in d.items)]
    assert len(brought) >= 2  # not once and then only new questions
    reason = next(i.reason for d in brought for i in d.items if i.question == weak.question)
    assert reason.startswith(("Bring back: you scored", "Again: you scored"))


def test_without_weak_spots_the_later_days_say_they_are_new_questions(
    owner: User, bank: None
) -> None:
    today = date(2026, 11, 21)
    plan = plan_build(
        user=owner,
        role=Role.objects.get(slug="patient-advocate"),
        level="entry",
        interview_date=today + timedelta(days=10),
        minutes_per_day=16,
        today=today,
    )
    assert "Bring back weak spots" not in {d.focus for d in plan.days}
    assert plan.days[5].focus == "Keep going: questions you have not tried yet"


def test_what_a_mock_interview_covered_counts_in_the_plan(owner: User, bank: None) -> None:
    role = Role.objects.get(slug="patient-liaison")
    interview = mock_create(
        user=owner, role=role, level="experienced", length=2, mix=["behavioural"], seed=1
    )
    step = interview.steps.select_related("question__competency").first()
    assert step is not None
    mock_answer(interview=interview, answer=NO_RESULT)
    plan = plan_build(
        user=owner,
        role=role,
        level="experienced",
        interview_date=timezone.localdate() + timedelta(days=10),
        minutes_per_day=16,
        today=timezone.localdate(),
    )
    covered = step.question.competency.name
    assert plan.mock_covered == [covered]
    new_on_day_one = [i for i in plan.days[0].items if i.reason.startswith("New:")]
    assert all(i.question.competency.name != covered for i in new_on_day_one)
    again = [i.reason for d in plan.days for i in d.items if i.question == step.question]
    assert again and "in a mock interview" in again[0]
