"""Five answers to one mock-interview step at once: one counts, the others are told so, no
error pages and no attempt left behind."""

import threading

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from practice import services
from practice.models import Attempt, MockInterview
from practice.services import StepAnswered, mock_answer, mock_create
from questionbank.models import Role
from tests.practice.helpers import half_answer


def interview_for(user: User) -> MockInterview:
    role = Role.objects.get(slug="patient-liaison")
    return mock_create(user=user, role=role, level="entry", length=3, mix=["behavioural"], seed=3)


@pytest.mark.django_db
def test_a_late_answer_to_a_step_saves_nothing(
    owner: User, bank: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    interview = interview_for(owner)
    stale = services.mock_current_step(interview)
    assert stale is not None
    answer = half_answer(stale.question)
    mock_answer(interview=interview, answer=answer)
    monkeypatch.setattr(services, "mock_current_step", lambda _: stale)
    with pytest.raises(StepAnswered):
        mock_answer(interview=interview, answer=answer)
    assert Attempt.objects.filter(user=owner).count() == 1


@pytest.mark.django_db(transaction=True)
def test_five_simultaneous_web_answers_to_one_step(owner: User, bank: None) -> None:
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:"):
        pytest.skip("an in-memory SQLite test database has table locks, not row locks")
    interview = interview_for(owner)
    step = services.mock_current_step(interview)
    assert step is not None
    answer = half_answer(step.question)
    start = threading.Barrier(5)
    codes: list[int] = []

    def submit() -> None:
        client = Client()
        client.force_login(owner)
        start.wait()
        codes.append(
            client.post(f"/mock/{interview.pk}/", {"answer": answer, "mode": "typed"}).status_code
        )
        connection.close()

    threads = [threading.Thread(target=submit) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    step.refresh_from_db()
    assert codes == [302] * 5
    assert step.attempt_id is not None
    assert list(Attempt.objects.filter(user=owner).values_list("pk", flat=True)) == [
        step.attempt_id
    ]
