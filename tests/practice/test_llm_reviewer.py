"""The optional LLM reviewer in the web app: off by default, the candidate sees the redacted
text and agrees first, and it runs after the coach's feedback, never in its way. The provider is
a small OpenAI-compatible server on loopback (tests.coach.test_llm): nothing leaves the machine."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.test import Client

from practice.models import Attempt, LlmReview
from practice.services import attempt_create
from questionbank.models import Question
from tests.coach.test_llm import GOOD_REPLY, FakeServer
from tests.practice.conftest import Broker
from tests.practice.test_services import STRONG

PRIVATE = STRONG + " Mrs Patel rang me on 07700 900123 from bed 12."


@pytest.fixture
def provider(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    fake = FakeServer()
    thread = threading.Thread(target=fake.httpd.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("CAREPREP_LLM_URL", fake.url)
    monkeypatch.setenv("CAREPREP_LLM_MODEL", "test-model")
    monkeypatch.setenv("CAREPREP_LLM_TIMEOUT", "0.5")
    yield fake
    fake.httpd.shutdown()


@pytest.fixture
def question(bank: None) -> Question:
    found = Question.objects.filter(type="behavioural").first()
    assert found is not None
    return found


def reviewers_finished() -> None:
    """Wait for the in-process reviewer threads (used when there is no broker)."""
    for thread in threading.enumerate():
        if thread.name == "llm-reviewer":
            thread.join(timeout=30)


@pytest.mark.django_db
def test_it_is_off_unless_an_administrator_configures_it(
    client: Client, owner: User, question: Question, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAREPREP_LLM_URL", raising=False)
    attempt = attempt_create(user=owner, question=question, answer=STRONG)
    client.force_login(owner)
    assert "AI reviewer" not in client.get(attempt.get_absolute_url()).content.decode()
    assert client.post(f"/attempts/{attempt.pk}/ai-review/").status_code == 404
    assert client.get("/practice/ai-reviewer/").status_code == 404
    assert not LlmReview.objects.exists()


@pytest.mark.django_db
def test_the_candidate_sees_the_redacted_text_and_nothing_is_sent_unasked(
    client: Client, owner: User, question: Question, provider: FakeServer
) -> None:
    attempt = attempt_create(user=owner, question=question, answer=PRIVATE)
    client.force_login(owner)
    page = client.get(attempt.get_absolute_url()).content.decode()
    assert "What would be sent" in page and "[NAME]" in page and "[PHONE]" in page
    preview = page[page.index("What would be sent") :]
    assert "Patel" not in preview and "900123" not in preview
    assert provider.requests == [] and not LlmReview.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_consent_for_one_answer_sends_it_after_the_coach_and_shows_the_reply(
    client: Client, owner: User, question: Question, provider: FakeServer
) -> None:
    attempt = attempt_create(user=owner, question=question, answer=PRIVATE)
    client.force_login(owner)
    response = client.post(f"/attempts/{attempt.pk}/ai-review/")
    assert response.status_code == 302
    reviewers_finished()
    row = LlmReview.objects.get(attempt=attempt)
    assert row.status == LlmReview.Status.DONE and row.narrative == GOOD_REPLY["narrative"]
    sent = provider.requests[0]["messages"][1]["content"]
    assert "Patel" not in sent and "[NAME]" in row.sent_text and row.sent_text in sent
    page = client.get(attempt.get_absolute_url()).content.decode()
    assert GOOD_REPLY["narrative"] in page and "What was sent" in page
    client.post(f"/attempts/{attempt.pk}/ai-review/")  # asking again sends nothing more
    reviewers_finished()
    assert len(provider.requests) == 1 and LlmReview.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_hanging_reviewer_never_holds_up_the_coachs_feedback(
    client: Client, owner: User, question: Question, provider: FakeServer
) -> None:
    provider.mode = "slow"  # 1.5 s a reply, past the 0.5 s timeout, twice
    client.force_login(owner)
    client.post("/practice/ai-reviewer/", {"every_answer": "on"})
    client.post(f"/practice/{question.slug}/", {"answer": STRONG, "mode": "typed"})
    attempt = Attempt.objects.get()
    row = LlmReview.objects.get(attempt=attempt)
    # The coach's feedback is written while the reviewer is still waiting on the provider.
    assert attempt.reviewed and attempt.llm_consent and row.status == LlmReview.Status.PENDING
    reviewers_finished()
    row.refresh_from_db()
    assert row.status == LlmReview.Status.FAILED and "did not answer in time" in row.note
    page = client.get(attempt.get_absolute_url()).content.decode()
    assert "did not answer in time" in page and "Talking points" in page


def test_with_a_broker_the_reviewer_runs_as_a_task_after_the_review(
    broker: Broker, client: Client, owner: User, question: Question, provider: FakeServer
) -> None:
    client.force_login(owner)
    client.post("/practice/ai-reviewer/", {"every_answer": "on"})
    client.post(f"/practice/{question.slug}/", {"answer": PRIVATE, "mode": "typed"})
    attempt = Attempt.objects.get()
    assert not attempt.reviewed and LlmReview.objects.get().status == "pending"
    with broker.worker():
        deadline = time.monotonic() + 300
        while LlmReview.objects.get().status == "pending":
            assert time.monotonic() < deadline, "the worker did not finish in time"
            time.sleep(0.2)
    attempt.refresh_from_db()
    assert attempt.reviewed and LlmReview.objects.get().status == LlmReview.Status.DONE
    assert "Patel" not in provider.requests[0]["messages"][1]["content"]


@pytest.mark.django_db
def test_only_the_owner_can_send_an_answer_to_the_reviewer(
    client: Client, owner: User, outsider: User, question: Question, provider: FakeServer
) -> None:
    attempt = attempt_create(user=owner, question=question, answer=STRONG)
    client.force_login(outsider)
    assert client.post(f"/attempts/{attempt.pk}/ai-review/").status_code == 404
    assert client.get(f"/attempts/{attempt.pk}/ai-review/").status_code == 404
    assert not LlmReview.objects.exists() and provider.requests == []
