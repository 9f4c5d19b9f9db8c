"""Writes of the practice area: attempts (the coach runs here) and mock interviews."""

from __future__ import annotations

import random
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accounts.jurisdiction import jurisdiction_of
from coach.delivery import delivery
from coach.probe import choose_follow_up
from coach.text import shorten
from programmes import policy
from questionbank.models import Question, Role
from questionbank.selectors import jurisdictions_for, visible

from .answers import normalise
from .llm import consents_always, llm_config, llm_dispatch, llm_preview
from .models import Attempt, LlmReview, MockInterview, MockStep
from .reviews import coach_question, missing_points, review_fill
from .tasks import in_background, review_enqueue

MAX_ANSWER_CHARS = 10_000


def attempt_create(**kwargs: Any) -> Attempt:
    """Keep an answer, private to its user, and have the coach review it: here and now without a
    broker; with one, in a worker, the attempt saved at once and marked as reviewing."""
    attempt = attempt_build(**kwargs)
    if in_background():
        with transaction.atomic():
            attempt.save()
            _llm_row(attempt)
            review_enqueue(attempt.pk)
        return attempt
    review_fill(attempt, _question_for(attempt, kwargs.get("follow_up_points")))
    with transaction.atomic():
        attempt.save()
        llm_dispatch(attempt)
    return attempt


def attempt_build(
    *,
    user: User,
    answer: str,
    question: Question | None = None,
    custom_question: dict[str, Any] | None = None,
    mode: str = Attempt.Mode.TYPED,
    seconds: int | None = None,
    speaking_seconds: float | None = None,
    pauses: list[float] | None = None,
    mock_interview: MockInterview | None = None,
    follow_up: str = "",
    follow_up_points: list[str] | None = None,
    llm_consent: bool | None = None,
) -> Attempt:
    """The attempt, not saved and not reviewed yet (practice.reviews does that).

    The answer is normalised first (practice.answers), so the coach's evidence spans index the
    very text that is stored and shown. `llm_consent` None means the candidate's standing choice.
    """
    if question is None and not (custom_question and custom_question.get("text")):
        raise ValueError("an attempt needs a bank question or a question of your own")
    answer = normalise(answer)[:MAX_ANSWER_CHARS]
    spoken = None
    if mode == Attempt.Mode.SPOKEN and speaking_seconds:
        spoken = delivery(answer, speaking_seconds, pauses or [])
    if llm_consent is None:
        llm_consent = llm_config() is not None and consents_always(user)
    return Attempt(
        user=user,
        question=question,
        custom_question=custom_question or {},
        competency=question.competency if question is not None else None,
        answer=answer,
        mode=mode,
        seconds=seconds,
        delivery=spoken.to_dict() if spoken else {},
        review_status=Attempt.Review.PENDING,
        llm_consent=llm_consent,
        mock_interview=mock_interview,
        follow_up=follow_up,
    )


def _question_for(attempt: Attempt, follow_up_points: list[str] | None) -> dict[str, Any]:
    return coach_question(
        attempt.question,
        attempt.custom_question,
        attempt.follow_up,
        follow_up_points,
        jurisdiction_of(attempt.user),
    )


def _llm_row(attempt: Attempt) -> None:
    """An answer sent to the LLM reviewer shows "waiting for the AI reviewer" from the start."""
    if attempt.llm_consent:
        LlmReview.objects.create(attempt=attempt, sent_text=llm_preview(attempt))


def pick_questions(
    *, user: User, role: Role, level: str, length: int, mix: list[str], rng: random.Random
) -> list[Question]:
    """Questions for a mock interview: the types asked for in turn, fresh ones first. Only those
    the candidate may see: what their organisations hide never comes up, their own may."""
    fitting = visible(user).filter(jurisdiction__in=jurisdictions_for(jurisdiction_of(user)))
    pool = list(
        fitting.filter(roles=role, levels__slug=level, type__in=mix).distinct()
        or fitting.filter(roles=role, type__in=mix).distinct()
    )
    seen = set(policy.attempts_owned_by(user).values_list("question_id", flat=True))
    by_type: dict[str, list[Question]] = {t: [] for t in mix}
    for question in pool:
        by_type[question.type].append(question)
    for items in by_type.values():
        rng.shuffle(items)
        items.sort(key=lambda q: q.pk in seen)  # stable: unseen first, shuffled within
    chosen: list[Question] = []
    while len(chosen) < length and any(by_type.values()):
        for kind in mix:
            if by_type[kind] and len(chosen) < length:
                chosen.append(by_type[kind].pop(0))
    return chosen


@transaction.atomic
def mock_create(
    *,
    user: User,
    role: Role,
    level: str,
    length: int,
    mix: list[str],
    seconds_per_answer: int = 180,
    seed: int | None = None,
) -> MockInterview:
    rng = random.Random(seed)
    questions = pick_questions(user=user, role=role, level=level, length=length, mix=mix, rng=rng)
    if not questions:
        raise ValueError("No questions match that role, level and mix. Try another mix.")
    interview = MockInterview.objects.create(
        user=user, role=role, level=level, mix=mix, seconds_per_answer=seconds_per_answer
    )
    MockStep.objects.bulk_create(
        MockStep(interview=interview, order=i, question=q) for i, q in enumerate(questions)
    )
    return interview


def mock_current_step(interview: MockInterview) -> MockStep | None:
    steps = interview.steps.select_related("question", "attempt")
    return next((s for s in steps if not s.done), None)


def mock_questions_left(interview: MockInterview) -> int:
    """Questions of an unfinished interview not answered yet (a follow-up does not count)."""
    if interview.status == MockInterview.Status.FINISHED:
        return 0
    return interview.steps.filter(attempt__isnull=True).count()


def mock_answer(
    *,
    interview: MockInterview,
    answer: str,
    seconds: int | None = None,
    mode: str = Attempt.Mode.TYPED,
    speaking_seconds: float | None = None,
    pauses: list[float] | None = None,
) -> MockStep:
    """Answer the current question (or its follow-up probe). Returns the step answered."""
    if interview.status == MockInterview.Status.FINISHED:
        raise ValueError("This interview has finished.")
    step = mock_current_step(interview)
    if step is None:
        raise StepAnswered("Every question has been answered; finish the interview.")
    first = step.attempt is None
    if not first and step.attempt is not None and not step.attempt.reviewed:
        raise ReviewPending("Your last answer is still being reviewed; wait a moment.")
    common: dict[str, Any] = {
        "user": interview.user,
        "answer": answer,
        "question": step.question,
        "mode": mode,
        "seconds": seconds,
        "speaking_seconds": speaking_seconds,
        "pauses": pauses,
        "mock_interview": interview,
    }
    if first:
        attempt = attempt_build(**common)
    else:
        assert step.attempt is not None
        attempt = attempt_build(**common, follow_up=step.follow_up)
    if in_background():  # the worker's review chooses the follow-up probe (practice.reviews)
        return _record_step(step, attempt, first, None)
    points = None if first else missing_points(step.attempt)  # type: ignore[arg-type]
    feedback = review_fill(attempt, _question_for(attempt, points))
    probe = choose_follow_up(feedback, list(step.question.follow_ups)) if first else None
    return _record_step(step, attempt, first, probe)


class StepAnswered(ValueError):
    """Another submit answered this step first (the API says 409, the page moves on)."""


class ReviewPending(StepAnswered):
    """The step's first answer is still being reviewed: its follow-up is not chosen yet."""


@transaction.atomic
def _record_step(
    step: MockStep, attempt: Attempt, first: bool, probe: tuple[str, str] | None
) -> MockStep:
    """Save the answer and attach it to its step, under the step's lock. Of several submits of
    the same step at once the first counts; the others save nothing, so none is left behind."""
    locked = MockStep.objects.select_for_update().get(pk=step.pk)
    if (locked.attempt_id is None) != first or (
        not first and locked.follow_up_attempt_id is not None
    ):
        raise StepAnswered("That question was already answered.")
    attempt.save()
    if attempt.reviewed:
        llm_dispatch(attempt)
    else:
        _llm_row(attempt)
        review_enqueue(attempt.pk)
    if first:
        locked.attempt = attempt
        if probe is not None:
            locked.follow_up, locked.follow_up_reason = probe[0], shorten(probe[1], 200)
    else:
        locked.follow_up_attempt = attempt
    locked.save()
    return locked


def mock_finish(*, interview: MockInterview) -> MockInterview:
    if interview.status != MockInterview.Status.FINISHED:
        interview.status = MockInterview.Status.FINISHED
        interview.finished_at = timezone.now()
        interview.save(update_fields=["status", "finished_at"])
    return interview
