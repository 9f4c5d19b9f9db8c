"""API of the review of shared practice: a candidate shares one attempt or mock interview with
their mentor; the mentor rates it and comments on sentences; the candidate replies. Read through
`programmes.policy`: once unshared, every call here is a 404 for the mentor."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import Field

from mentoring import auditing, services
from mentoring.models import PracticeShare
from mentoring.selectors import answer_view, share_editable, share_visible, shared_attempts
from practice.models import Attempt
from programmes import policy
from questionbank.models import Question

from .practice import TokenAuth
from .schemas import ErrorOut

router = Router(auth=TokenAuth(), tags=["mentoring"])
Errors = {404: ErrorOut, 422: ErrorOut}


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _invalid(exc: ValidationError) -> Status:
    return Status(422, {"detail": " ".join(exc.messages)})


# --- Shared practice and reviews -------------------------------------------------------------


class PracticeShareIn(Schema):
    pairing_id: int
    attempt_id: int | None = None
    interview_id: int | None = None


class SharedAnswerOut(Schema):
    attempt_id: int
    question_text: str
    answer: str
    coach_overall: int
    coach_feedback: dict[str, Any]
    rating: int | None
    summary: str
    next_question: str | None
    anchors: dict[str, str]
    sentences: list[dict[str, Any]]


class PracticeShareOut(Schema):
    id: int
    live: bool
    attempt_id: int | None
    interview_id: int | None
    answers: list[SharedAnswerOut]


def _share_out(user: User, share: PracticeShare) -> dict[str, Any]:
    answers = []
    for attempt in shared_attempts(user, share):
        view = answer_view(user, share, attempt)
        review = view.review
        answers.append(
            {
                "attempt_id": attempt.pk,
                "question_text": attempt.question_text,
                "answer": attempt.answer,
                "coach_overall": attempt.overall,
                "coach_feedback": attempt.feedback,
                "rating": review.rating if review else None,
                "summary": review.summary if review else "",
                "next_question": review.next_question.slug
                if review and review.next_question
                else None,
                "anchors": view.anchors,
                "sentences": [
                    {
                        "index": i,
                        "text": text,
                        "comments": [
                            {
                                "id": c.pk,
                                "author": c.author_name,
                                "text": c.text,
                                "reply_to": c.reply_to_id,
                            }
                            for c in comments
                        ],
                    }
                    for i, text, comments in view.sentences
                ],
            }
        )
    return {
        "id": share.pk,
        "live": share.live,
        "attempt_id": share.attempt_id,
        "interview_id": share.interview_id,
        "answers": answers,
    }


@router.post("/shares", response={201: PracticeShareOut, **Errors})
def share_practice(request: HttpRequest, data: PracticeShareIn) -> Status:
    """Share one of your attempts or mock interviews with the mentor of an active pairing."""
    me = _user(request)
    pairing = get_object_or_404(policy.pairings_of(me).filter(partner=me), pk=data.pairing_id)
    attempt = interview = None
    if data.attempt_id is not None:
        attempt = get_object_or_404(policy.attempts_editable_by(me), pk=data.attempt_id)
    if data.interview_id is not None:
        interview = get_object_or_404(policy.interviews_editable_by(me), pk=data.interview_id)
    try:
        share = services.practice_share(pairing=pairing, attempt=attempt, interview=interview)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, _share_out(me, share))


@router.get("/shares/{share_id}", response={200: PracticeShareOut, 404: ErrorOut})
def shared_practice(request: HttpRequest, share_id: int) -> dict[str, Any]:
    """A share with its answers, the coach's feedback, the mentor's review and comments."""
    me = _user(request)
    share = share_visible(me, share_id)
    auditing.shared_item_read(reader=me, obj=share, where="api")
    return _share_out(me, share)


@router.delete("/shares/{share_id}", response={200: PracticeShareOut, 404: ErrorOut})
def unshare_practice(request: HttpRequest, share_id: int) -> dict[str, Any]:
    """Stop sharing: the mentor loses access at once."""
    share = services.practice_unshare(share=share_editable(_user(request), share_id))
    return _share_out(_user(request), share)


class ReviewIn(Schema):
    rating: int | None = Field(None, ge=1, le=5)
    summary: str = Field("", max_length=3000)
    next_question_id: str | None = None


class CommentIn(Schema):
    sentence: int = Field(0, ge=0)
    text: str = Field(min_length=1, max_length=2000)
    reply_to: int | None = None


def _shared_attempt(user: User, share_id: int, attempt_id: int) -> tuple[PracticeShare, Attempt]:
    share = share_visible(user, share_id)
    found = next((a for a in shared_attempts(user, share) if a.pk == attempt_id), None)
    if found is None:
        raise Http404
    return share, found


@router.post(
    "/shares/{share_id}/answers/{attempt_id}/review", response={200: PracticeShareOut, **Errors}
)
def review_answer(request: HttpRequest, share_id: int, attempt_id: int, data: ReviewIn) -> Any:
    """The mentor rates the answer on its competency's scale (1-5) and suggests a next question."""
    me = _user(request)
    share, attempt = _shared_attempt(me, share_id, attempt_id)
    if me.pk != share.pairing.mentor_id:
        return Status(404, {"detail": "Not found."})
    question = (
        get_object_or_404(Question, slug=data.next_question_id) if data.next_question_id else None
    )
    try:
        services.review_save(
            share=share,
            attempt=attempt,
            rating=data.rating,
            summary=data.summary,
            next_question=question,
        )
    except ValidationError as exc:
        return _invalid(exc)
    return _share_out(me, share)


@router.post(
    "/shares/{share_id}/answers/{attempt_id}/comments", response={201: PracticeShareOut, **Errors}
)
def comment_answer(request: HttpRequest, share_id: int, attempt_id: int, data: CommentIn) -> Status:
    """The mentor comments on a sentence (by index); either of them replies to a comment."""
    me = _user(request)
    share, attempt = _shared_attempt(me, share_id, attempt_id)
    reply_to = None
    if data.reply_to is not None:
        reply_to = get_object_or_404(
            policy.comments_visible_to(me).filter(review__share=share), pk=data.reply_to
        )
    try:
        services.comment_add(
            share=share,
            attempt=attempt,
            author=me,
            sentence=data.sentence,
            text=data.text,
            reply_to=reply_to,
        )
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, _share_out(me, share))
