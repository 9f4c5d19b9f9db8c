"""Writes of the practice area: attempts (the coach runs here) and mock interviews."""

from __future__ import annotations

import random
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from accounts.jurisdiction import jurisdiction_of
from coach import Feedback, review
from coach.delivery import delivery
from coach.probe import choose_follow_up
from coach.text import shorten
from questionbank.models import Question, Role
from questionbank.selectors import jurisdictions_for

from .answers import normalise
from .models import Attempt, MockInterview, MockStep
from .warmup import ensure_bank

MAX_ANSWER_CHARS = 10_000


def attempt_create(**kwargs: Any) -> Attempt:
    """Review an answer with the coach and keep it, private to its user."""
    attempt = attempt_build(**kwargs)
    attempt.save()
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
) -> Attempt:
    """Review an answer with the coach: the attempt, not saved yet.

    The coach runs before anything is written: no database lock is held while it works. The
    answer is normalised first (practice.answers), so the coach's evidence spans index the very
    text that is stored and shown.
    """
    coach_question = _coach_question(
        question, custom_question, follow_up, follow_up_points, jurisdiction_of(user)
    )
    answer = normalise(answer)[:MAX_ANSWER_CHARS]
    ensure_bank()
    feedback = review(coach_question, answer)
    spoken = None
    if mode == Attempt.Mode.SPOKEN and speaking_seconds:
        spoken = delivery(answer, speaking_seconds, pauses or [])
    return Attempt(
        user=user,
        question=question,
        custom_question=custom_question or {},
        competency=question.competency if question is not None else None,
        answer=answer,
        mode=mode,
        seconds=seconds,
        delivery=spoken.to_dict() if spoken else {},
        feedback=feedback.to_dict(),
        overall=feedback.overall,
        criteria=feedback.criteria,
        mock_interview=mock_interview,
        follow_up=follow_up,
    )


def _coach_question(
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


def pick_questions(
    *, user: User, role: Role, level: str, length: int, mix: list[str], rng: random.Random
) -> list[Question]:
    """Questions for a mock interview: the types asked for in turn, fresh ones first."""
    fitting = Question.objects.filter(jurisdiction__in=jurisdictions_for(jurisdiction_of(user)))
    pool = list(
        fitting.filter(roles=role, levels__slug=level, type__in=mix).distinct()
        or fitting.filter(roles=role, type__in=mix).distinct()
    )
    seen = set(Attempt.objects.filter(user=user).values_list("question_id", flat=True))
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
    return next((s for s in interview.steps.select_related("question") if not s.done), None)


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
        probe = choose_follow_up(
            Feedback.from_dict(attempt.feedback), list(step.question.follow_ups)
        )
    else:
        assert step.attempt is not None
        missing = [
            k["text"] for k in step.attempt.feedback.get("key_points", []) if not k["covered"]
        ]
        attempt = attempt_build(**common, follow_up=step.follow_up, follow_up_points=missing)
        probe = None
    return _record_step(step, attempt, first, probe)


class StepAnswered(ValueError):
    """Another submit answered this step first (the API says 409, the page moves on)."""


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
