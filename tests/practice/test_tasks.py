"""Reviews as background tasks: with a broker the answer is saved at once and a real worker
(Celery, Redis) reviews it; without one the review runs in-process as before."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import OperationalError
from django.test import Client, override_settings

from careprep.celery import app
from coach import embeddings
from practice.models import Attempt, MockInterview, MockStep
from practice.reviews import review_run
from practice.services import attempt_create, mock_answer, mock_create
from practice.tasks import review_attempt, stale_reviews_resend
from questionbank.models import Question, Role
from tests.practice.conftest import Broker, use_broker
from tests.practice.helpers import half_answer
from tests.practice.test_services import STRONG


def eventually(check: Callable[[], bool], seconds: float = 300) -> None:
    """Wait for a worker: the check holds within `seconds` (a bound, not a timing test)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if check():
                return
        except OperationalError:  # the in-memory SQLite test database locks whole tables
            pass
        assert time.monotonic() < deadline, "the worker did not finish in time"
        time.sleep(0.1)


def reviewed(attempt: Attempt) -> bool:
    try:
        attempt.refresh_from_db()
    except OperationalError:  # the in-memory SQLite test database locks whole tables
        return False
    return attempt.reviewed


@pytest.fixture
def question(bank: None) -> Question:
    found = Question.objects.filter(type="behavioural", roles__slug="patient-liaison").first()
    assert found is not None
    return found


@pytest.fixture
def signed_in(client: Client, owner: User) -> Client:
    client.force_login(owner)
    return client


@pytest.mark.django_db
def test_without_a_broker_the_answer_is_reviewed_in_the_request(
    signed_in: Client, question: Question
) -> None:
    signed_in.post(f"/practice/{question.slug}/", {"answer": STRONG, "mode": "typed"})
    attempt = Attempt.objects.get()
    assert attempt.reviewed and attempt.overall > 0 and attempt.reviewed_at is not None
    page = signed_in.get(attempt.get_absolute_url()).content.decode()
    assert "Reviewing your answer" not in page and "Talking points" in page


def test_with_a_broker_the_answer_is_saved_at_once_and_a_worker_reviews_it(
    broker: Broker, signed_in: Client, question: Question
) -> None:
    embeddings.set_embedder(None)  # as in a fresh web process: no model loaded yet
    response = signed_in.post(f"/practice/{question.slug}/", {"answer": STRONG, "mode": "typed"})
    attempt = Attempt.objects.get()
    assert response["Location"] == attempt.get_absolute_url()
    assert not attempt.reviewed and attempt.overall == 0 and broker.waiting() == 1
    page = signed_in.get(attempt.get_absolute_url()).content.decode()
    assert 'role="status" aria-live="polite">Reviewing your answer' in page
    assert f'hx-get="/attempts/{attempt.pk}/review/"' in page  # htmx polls for the feedback
    assert f'<a href="{attempt.get_absolute_url()}">Refresh the page</a>' in page  # without JS
    poll = signed_in.get(f"/attempts/{attempt.pk}/review/").content.decode()
    assert "hx-trigger" in poll and "Talking points" not in poll
    assert embeddings._embedder is None  # the web side never needed the model
    with broker.worker():
        eventually(lambda: reviewed(attempt))
    assert attempt.overall > 0 and Attempt.objects.count() == 1
    ready = signed_in.get(f"/attempts/{attempt.pk}/review/").content.decode()
    assert "Talking points" in ready and "hx-trigger" not in ready
    assert 'hx-swap-oob="true">Your feedback is ready.' in ready
    progress = signed_in.get("/progress/").content.decode()
    assert "reviewing…" not in progress


def test_a_review_sent_twice_is_written_once(broker: Broker, owner: User, bank: None) -> None:
    question = Question.objects.filter(type="behavioural").first()
    attempt = attempt_create(user=owner, question=question, answer=STRONG)
    review_attempt.delay(attempt.pk)  # a second message for the same review
    assert broker.waiting() == 2
    with broker.worker():
        eventually(lambda: reviewed(attempt) and broker.waiting() == 0)
        first_written = attempt.reviewed_at
        time.sleep(0.5)  # a second run, if it wrote, would move reviewed_at
    attempt.refresh_from_db()
    assert attempt.reviewed_at == first_written and Attempt.objects.count() == 1
    assert review_run(attempt_id=attempt.pk) is False  # and a third run writes nothing either


def test_a_mock_step_waits_for_its_review_then_asks_the_follow_up(
    broker: Broker, signed_in: Client, owner: User, bank: None
) -> None:
    role = Role.objects.get(slug="patient-liaison")
    interview = mock_create(
        user=owner, role=role, level="experienced", length=2, mix=["behavioural"], seed=1
    )
    first = interview.steps.order_by("order").first()
    assert first is not None
    # An answer to the question asked that stops before its result: worth a follow-up.
    step = mock_answer(interview=interview, answer=half_answer(first.question))
    assert step.attempt is not None and not step.attempt.reviewed and not step.follow_up
    page = signed_in.get(interview.get_absolute_url()).content.decode()
    assert "Give me a moment" in page and f'hx-get="/mock/{interview.pk}/wait/"' in page
    assert 'name="answer"' not in page  # no answering the follow-up before it is chosen
    api = signed_in.get(f"/api/v1/mock-interviews/{interview.pk}").json()
    assert api["reviewing"] is True and api["current_question"] is None
    pdf = signed_in.get(f"/mock/{interview.pk}/report.pdf")  # not without the answer's review
    assert pdf.status_code == 302 and pdf["Location"] == f"/mock/{interview.pk}/report/"
    with broker.worker():
        eventually(lambda: reviewed(step.attempt))  # type: ignore[arg-type]
    step = MockStep.objects.get(pk=step.pk)
    assert step.follow_up in step.question.follow_ups  # chosen by the worker's review
    wait = signed_in.get(f"/mock/{interview.pk}/wait/", headers={"HX-Request": "true"})
    assert wait["HX-Refresh"] == "true"
    page = signed_in.get(interview.get_absolute_url()).content.decode()
    assert step.follow_up.split("'")[0] in page and 'name="answer"' in page


def test_the_api_answers_202_with_a_status_url(
    broker: Broker, signed_in: Client, question: Question
) -> None:
    response = signed_in.post(
        "/api/v1/attempts",
        {"question_id": question.slug, "answer": STRONG},
        content_type="application/json",
    )
    body = response.json()
    assert response.status_code == 202 and body["status"] == "reviewing"
    assert body["overall"] is None and response["Location"] == body["status_url"]
    assert body["status_url"] == f"/api/v1/attempts/{body['id']}"
    with broker.worker():
        eventually(lambda: signed_in.get(body["status_url"]).json()["status"] == "reviewed")
    assert signed_in.get(body["status_url"]).json()["overall"] > 0


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_broker_still_gets_the_answer_reviewed(
    owner: User, question: Question
) -> None:
    nowhere = "redis://127.0.0.1:1/0"
    saved = app.conf.broker_url
    use_broker(broker_url=nowhere)
    try:
        with override_settings(BROKER_URL=nowhere):
            attempt = attempt_create(user=owner, question=question, answer=STRONG)
    finally:
        use_broker(broker_url=saved)
    assert reviewed(attempt) and attempt.overall > 0  # in the web process, as without one


def test_a_worker_starting_sends_again_reviews_left_waiting(
    broker: Broker, owner: User, question: Question
) -> None:
    attempt = Attempt.objects.create(user=owner, question=question, answer=STRONG)
    Attempt.objects.filter(pk=attempt.pk).update(review_status=Attempt.Review.PENDING)
    assert broker.waiting() == 0  # its message was lost (the broker was down, say)
    assert stale_reviews_resend(older_than=timedelta(0)) == 1
    with broker.worker():
        eventually(lambda: reviewed(attempt))


def test_only_the_owner_sees_a_review_in_progress(
    broker: Broker, client: Client, owner: User, outsider: User, question: Question
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
    assert client.get(f"/attempts/{attempt.pk}/review/").status_code == 404
    assert client.get(f"/mock/{interview.pk}/wait/").status_code == 404
    assert MockInterview.objects.count() == 1
