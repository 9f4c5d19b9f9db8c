"""The optional LLM reviewer in the web app: a second opinion after the coach's feedback.

Off unless an administrator sets CAREPREP_LLM_URL (coach.llm reads it). A candidate sees the
redacted text that would be sent and agrees answer by answer, or once for every answer
(ReviewerConsent). The reviewer runs after the engine's feedback is written, as a background task
(or a thread when there is no broker), so it never delays that feedback; a failure leaves a note.
"""

from __future__ import annotations

import logging
import threading
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from coach import Feedback
from coach.llm import LlmConfig, llm_review, prepare_answer
from coach.types import Question as CoachQuestion

from .models import Attempt, LlmReview, ReviewerConsent

log = logging.getLogger(__name__)


def llm_config() -> LlmConfig | None:
    return LlmConfig.from_env()


def llm_provider() -> str:
    """Where answers go, for the consent text: the reviewer's host name."""
    config = llm_config()
    return urlsplit(config.url).hostname or config.url if config else ""


def llm_preview(attempt: Attempt) -> str:
    """The answer exactly as it would leave the machine: cleaned, capped and redacted."""
    return prepare_answer(attempt.answer)


def consents_always(user: User) -> bool:
    consent = ReviewerConsent.objects.filter(user=user).first()
    return bool(consent and consent.every_answer)


def consent_set(*, user: User, every_answer: bool) -> ReviewerConsent:
    consent, _ = ReviewerConsent.objects.update_or_create(
        user=user, defaults={"every_answer": every_answer}
    )
    return consent


def llm_request(*, attempt: Attempt) -> LlmReview | None:
    """Record the candidate's consent for this answer and ask for the review (once: asking
    again returns the review already asked for). None when no reviewer is configured."""
    if llm_config() is None:
        return None
    with transaction.atomic():
        Attempt.objects.filter(pk=attempt.pk).update(llm_consent=True)
        attempt.llm_consent = True
        row, created = LlmReview.objects.get_or_create(
            attempt=attempt, defaults={"sent_text": llm_preview(attempt)}
        )
    if created and attempt.reviewed:
        llm_dispatch(attempt)
    return row


def llm_dispatch(attempt: Attempt) -> threading.Thread | None:
    """Start the LLM review of a reviewed attempt the candidate agreed to send: a task with a
    broker, else a thread (returned, so a test can wait for it)."""
    if not attempt.llm_consent or llm_config() is None:
        return None
    LlmReview.objects.get_or_create(attempt=attempt, defaults={"sent_text": llm_preview(attempt)})
    from .tasks import in_background, llm_review_attempt, send

    if in_background():
        transaction.on_commit(lambda: send(llm_review_attempt, attempt.pk, llm_run))
        return None
    thread = threading.Thread(
        target=_run_in_thread, args=(attempt.pk,), name="llm-reviewer", daemon=True
    )
    transaction.on_commit(thread.start)
    return thread


def _run_in_thread(attempt_id: int) -> None:
    from django.db import connection

    try:
        llm_run(attempt_id=attempt_id)
    except Exception:
        log.exception("the LLM review of attempt %s failed", attempt_id)
    finally:
        connection.close()


def llm_run(*, attempt_id: int) -> bool:
    """Ask the reviewer about one attempt and write its reply once. False if there was nothing
    to do (no reviewer, not asked for, already written, or the coach's review not done)."""
    config = llm_config()
    row = (
        LlmReview.objects.select_related("attempt", "attempt__question", "attempt__user")
        .filter(attempt_id=attempt_id, status=LlmReview.Status.PENDING)
        .first()
    )
    if config is None or row is None or not row.attempt.reviewed:
        return False
    from .reviews import attempt_coach_question

    attempt = row.attempt
    question = CoachQuestion.from_dict(attempt_coach_question(attempt))
    feedback = Feedback.from_dict(attempt.feedback)
    result = llm_review(question, attempt.answer, feedback, config)
    fields: dict[str, Any] = {"finished_at": timezone.now()}
    if result is None:
        fields |= {"status": LlmReview.Status.FAILED, "note": (feedback.notes or [""])[-1][:300]}
    else:
        fields |= {
            "status": LlmReview.Status.DONE,
            "narrative": result.narrative,
            "improved_answer": result.improved_answer,
            "model": result.model,
        }
    pending = LlmReview.objects.filter(pk=row.pk, status=LlmReview.Status.PENDING)
    return bool(pending.update(**fields))
