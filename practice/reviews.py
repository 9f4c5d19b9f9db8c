"""Reviewing a saved answer with the coach: the one function that a worker (`careprep worker`)
runs as a task and that the web process runs itself when no broker is configured.

A review is written once. The coach runs first, with no lock held; the write then applies only if
the attempt is still waiting, so a task delivered twice (a worker killed after the coach finished,
a sweep that re-sends a waiting review) leaves one review and one follow-up choice.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone

from accounts.jurisdiction import jurisdiction_of
from careprep.metrics import observe_review
from coach import Feedback, review
from coach.probe import choose_follow_up
from coach.text import shorten
from questionbank.models import Question

from .models import Attempt, MockStep
from .warmup import ensure_bank

log = logging.getLogger(__name__)


def coach_question(
    question: Question | None,
    custom_question: dict[str, Any] | None,
    follow_up: str,
    follow_up_points: list[str] | None,
    jurisdiction: str,
) -> dict[str, Any]:
    """What the coach judges the answer against: the bank question, the user's own question, or
    a follow-up probe (judged on the talking points the first answer missed). A bank question
    brings the talking points and red flags that hold in the candidate's jurisdiction."""
    if question is not None:
        found = question.coach_question()
        found["key_points"] = question.key_points_for(jurisdiction)
        if "red_flags" in found:
            found["red_flags"] = question.red_flags_for(jurisdiction)
    elif custom_question and custom_question.get("text"):
        found = {
            "text": custom_question["text"],
            "key_points": custom_question.get("key_points", []),
        }
    else:
        raise ValueError("an attempt needs a bank question or a question of your own")
    if follow_up:
        return {
            "text": follow_up,
            "type": found.get("type", ""),
            "key_points": follow_up_points or [],
        }
    return found


def missing_points(first: Attempt) -> list[str]:
    """The talking points a first answer missed: what its follow-up is judged on."""
    return [k["text"] for k in first.feedback.get("key_points", []) if not k["covered"]]


def attempt_coach_question(attempt: Attempt) -> dict[str, Any]:
    """The coach's question for a saved attempt (a follow-up's points come from its step)."""
    points = None
    if attempt.follow_up:
        step = MockStep.objects.select_related("attempt").filter(follow_up_attempt=attempt).first()
        points = missing_points(step.attempt) if step and step.attempt else []
    return coach_question(
        attempt.question,
        attempt.custom_question,
        attempt.follow_up,
        points,
        jurisdiction_of(attempt.user),
    )


@observe_review
def review_fill(attempt: Attempt, question: dict[str, Any]) -> Feedback:
    """Run the coach on the attempt's answer and put the feedback on it (not saved)."""
    ensure_bank()
    feedback = review(question, attempt.answer)
    attempt.feedback = feedback.to_dict()
    attempt.overall = feedback.overall
    attempt.criteria = feedback.criteria
    attempt.review_status = Attempt.Review.DONE
    attempt.reviewed_at = timezone.now()
    return feedback


def review_run(*, attempt_id: int) -> bool:
    """Review a waiting attempt and write the review. False when there was nothing to do: the
    attempt was already reviewed (a repeated task) or deleted meanwhile."""
    attempt = Attempt.objects.select_related("question", "user").filter(pk=attempt_id).first()
    if attempt is None or attempt.reviewed:
        return False
    feedback = review_fill(attempt, attempt_coach_question(attempt))
    written = _review_write(attempt, feedback)
    if written:
        from .llm import llm_dispatch  # the LLM reviewer reads the engine's finished feedback

        llm_dispatch(attempt)
    else:
        log.info("attempt %s was already reviewed; this run wrote nothing", attempt_id)
    return written


@transaction.atomic
def _review_write(attempt: Attempt, feedback: Feedback) -> bool:
    """Write the review if the attempt still waits for one; choose a mock step's follow-up probe
    in the same transaction, so a step never has a review without its follow-up decided."""
    written = Attempt.objects.filter(pk=attempt.pk, review_status=Attempt.Review.PENDING).update(
        feedback=attempt.feedback,
        overall=attempt.overall,
        criteria=attempt.criteria,
        review_status=Attempt.Review.DONE,
        reviewed_at=attempt.reviewed_at,
    )
    if not written:
        return False
    step = (
        MockStep.objects.select_for_update()
        .select_related("question")
        .filter(attempt_id=attempt.pk)
        .first()
    )
    if step is not None and not step.follow_up and step.follow_up_attempt_id is None:
        probe = choose_follow_up(feedback, list(step.question.follow_ups))
        if probe is not None:
            step.follow_up, step.follow_up_reason = probe[0], shorten(probe[1], 200)
            step.save(update_fields=["follow_up", "follow_up_reason"])
    return True
