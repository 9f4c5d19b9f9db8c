"""API for a user's own practice: attempts and mock interviews. What the caller may read or
change is `programmes.policy`'s answer (through `practice.selectors`); anything else is a 404."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, Literal

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer, django_auth
from pydantic import AfterValidator, Field

from accounts.services import token_user
from accounts.two_factor import two_factor_enabled, two_factor_reason
from careprep import ratelimit
from practice import answers
from practice.answers import AnswerError
from practice.models import Attempt, MockInterview
from practice.selectors import (
    attempt_of,
    attempts_of,
    interview_of,
    interviews_of,
    mock_report,
    own_interview,
)
from practice.services import (
    attempt_create,
    mock_answer,
    mock_create,
    mock_current_step,
    mock_finish,
)
from questionbank.models import Question, Role

from .schemas import ErrorOut


class TokenAuth(HttpBearer):
    """A personal token, or else the session (with its CSRF check). A request that offers a
    token is judged by the token alone: a wrong or revoked one is a 401, never a CSRF 403.
    Wrong tokens are counted per address; past the limit the answer is 429. Someone who must
    use two-factor log-in and has not set it up gets 403 with a token too, as with a session."""

    def __call__(self, request: HttpRequest) -> User | None:
        if not request.headers.get(self.header):
            return django_auth(request)
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        address = ratelimit.client_ip(request)
        if ratelimit.bad_tokens().exceeded(address):
            raise HttpError(429, "Too many wrong tokens from this address; wait a minute.")
        user = token_user(token)
        if user is None:
            ratelimit.bad_tokens().hit(address)
            return None
        reason = two_factor_reason(user)
        if reason is not None and not two_factor_enabled(user):
            raise HttpError(403, f"{reason}. Set it up on your profile page first.")
        request.user = user
        return user


router = Router(auth=TokenAuth(), tags=["practice"])
ANSWERS_THROTTLED = (
    "You are sending answers faster than the coach can read them; wait a minute and send again."
)


def _answer_allowed(request: HttpRequest) -> bool:
    return ratelimit.answers().hit(f"user:{request.user.pk}")


QuestionType = Literal["situational", "behavioural", "technical", "motivation"]
ALL_TYPES: tuple[QuestionType, ...] = ("situational", "behavioural", "technical", "motivation")


def _rule(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A rule of practice.answers as a schema validator: its message becomes the 422's."""

    def validate(value: Any) -> Any:
        try:
            return check(value)
        except AnswerError as exc:
            raise ValueError(str(exc)) from None

    return validate


AnswerText = Annotated[
    str,
    Field(max_length=answers.MAX_ANSWER_CHARS * 2, description="Normalised, then checked."),
    AfterValidator(_rule(answers.clean_answer)),
]
Seconds = Annotated[int | None, Field(None, ge=0, le=answers.MAX_SECONDS)]


class OwnQuestionIn(Schema):
    text: Annotated[
        str,
        Field(min_length=5, max_length=answers.MAX_QUESTION_CHARS),
        AfterValidator(_rule(answers.clean_question_text)),
    ]
    key_points: Annotated[
        list[Annotated[str, Field(max_length=answers.MAX_KEY_POINT_CHARS)]],
        Field(default_factory=list, max_length=answers.MAX_KEY_POINTS),
        AfterValidator(_rule(answers.clean_key_points)),
    ]


class AttemptIn(Schema):
    question_id: str | None = Field(
        None, max_length=100, description="A question id from the bank."
    )
    question: OwnQuestionIn | None = Field(None, description="Or a question of your own.")
    answer: AnswerText
    mode: Literal["typed", "spoken"] = "typed"
    seconds: Seconds = None


class AttemptOut(Schema):
    id: int
    status: Literal["reviewing", "reviewed"] = Field(
        description="'reviewing' while a worker reviews the answer (poll status_url)."
    )
    status_url: str
    question_id: str | None
    question_text: str
    overall: int | None
    criteria: dict[str, int]
    flags: list[str]
    covered_key_points: list[int]
    missing_key_points: list[int]
    feedback: dict[str, Any]
    created_at: datetime
    url: str


class StepOut(Schema):
    order: int
    question_id: str
    question_text: str
    follow_up: str
    answered: bool


class MockIn(Schema):
    role: str
    level: Literal["entry", "experienced", "lead"]
    length: int = Field(5, ge=1, le=12)
    mix: list[QuestionType] = Field(default_factory=lambda: list(ALL_TYPES), min_length=1)
    seconds_per_answer: int = Field(180, ge=30, le=600)


class MockAnswerIn(Schema):
    answer: AnswerText
    seconds: Seconds = None


class MockOut(Schema):
    id: int
    status: str
    role: str
    level: str
    steps: list[StepOut]
    current_question: str | None
    current_is_follow_up: bool
    reviewing: bool = Field(
        False, description="The last answer is being reviewed; the next question follows."
    )
    last_attempt: AttemptOut | None = None
    url: str


class ReportOut(Schema):
    id: int
    answered: int = Field(description="Questions answered (follow-ups aside).")
    overall: int | None = Field(description="null when no question was answered.")
    message: str = Field(description="What the report rests on, in words.")
    competencies: dict[str, int]
    criteria: dict[str, int]
    strengths: list[str]
    to_work_on: list[str]
    seconds_used: int
    attempts: list[AttemptOut]


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def attempt_out(attempt: Attempt) -> dict[str, Any]:
    key_points = attempt.feedback.get("key_points", [])
    return {
        "id": attempt.pk,
        "status": "reviewed" if attempt.reviewed else "reviewing",
        "status_url": reverse("api-v1:get_attempt", args=[attempt.pk]),
        "question_id": attempt.question.slug if attempt.question else None,
        "question_text": attempt.question_text,
        "overall": attempt.overall if attempt.reviewed else None,
        "criteria": attempt.criteria,
        "flags": [f["code"] for f in attempt.feedback.get("flags", [])],
        "covered_key_points": [k["index"] for k in key_points if k["covered"]],
        "missing_key_points": [k["index"] for k in key_points if not k["covered"]],
        "feedback": attempt.feedback,
        "created_at": attempt.created_at,
        "url": attempt.get_absolute_url(),
    }


def mock_out(interview: MockInterview, last: Attempt | None = None) -> dict[str, Any]:
    step = mock_current_step(interview) if interview.status == "in_progress" else None
    reviewing = bool(step and step.attempt is not None and not step.attempt.reviewed)
    follow_up = bool(step and step.attempt_id) and not reviewing
    if reviewing:
        step = None  # the next question depends on the review
    return {
        "id": interview.pk,
        "status": interview.status,
        "role": interview.role.slug,
        "level": interview.level,
        "steps": [
            {
                "order": s.order,
                "question_id": s.question.slug,
                "question_text": s.question.text,
                "follow_up": s.follow_up,
                "answered": s.done,
            }
            for s in interview.steps.select_related("question", "attempt")
        ],
        "current_question": (step.follow_up if follow_up else step.question.text) if step else None,
        "current_is_follow_up": follow_up,
        "reviewing": reviewing,
        "last_attempt": attempt_out(last) if last else None,
        "url": interview.get_absolute_url(),
    }


@router.post(
    "/attempts",
    response={201: AttemptOut, 202: AttemptOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
)
def create_attempt(request: HttpRequest, response: HttpResponse, data: AttemptIn) -> Status:
    """Submit an answer (to a bank question or your own) and get the coach's feedback: 201 with
    it, or, where reviews run in workers, 202 at once: poll `status_url` until `status` is
    'reviewed'."""
    if not _answer_allowed(request):
        return Status(429, {"detail": ANSWERS_THROTTLED})
    if bool(data.question_id) == bool(data.question):
        return Status(422, {"detail": "Give either question_id or question, not both or neither."})
    question = get_object_or_404(Question, slug=data.question_id) if data.question_id else None
    attempt = attempt_create(
        user=_user(request),
        question=question,
        custom_question=data.question.dict() if data.question else None,
        answer=data.answer,
        mode=data.mode,
        seconds=data.seconds,
    )
    return _saved(response, attempt_out(attempt), attempt.reviewed)


def _saved(response: HttpResponse, body: dict[str, Any], reviewed: bool) -> Status:
    """201 with the review, or 202 with where to ask for it (also the Location header)."""
    if reviewed:
        return Status(201, body)
    response["Location"] = body["status_url"]
    return Status(202, body)


@router.get("/attempts", response=list[AttemptOut])
@paginate(LimitOffsetPagination)
def list_attempts(request: HttpRequest) -> list[dict]:
    """Your attempts, newest first."""
    return [attempt_out(a) for a in attempts_of(_user(request))]


@router.get("/attempts/{attempt_id}", response={200: AttemptOut, 404: ErrorOut})
def get_attempt(request: HttpRequest, attempt_id: int) -> dict:
    return attempt_out(attempt_of(_user(request), attempt_id))


@router.post("/mock-interviews", response={201: MockOut, 404: ErrorOut, 422: ErrorOut})
def create_mock(request: HttpRequest, data: MockIn) -> Status:
    """Start a mock interview: questions of the chosen role, level and mix."""
    role = get_object_or_404(Role, slug=data.role)
    try:
        interview = mock_create(
            user=_user(request),
            role=role,
            level=data.level,
            length=data.length,
            mix=list(data.mix),
            seconds_per_answer=data.seconds_per_answer,
        )
    except ValueError as exc:
        return Status(422, {"detail": str(exc)})
    return Status(201, mock_out(interview))


@router.get("/mock-interviews/{interview_id}", response={200: MockOut, 404: ErrorOut})
def get_mock(request: HttpRequest, interview_id: int) -> dict:
    return mock_out(interview_of(_user(request), interview_id))


@router.post(
    "/mock-interviews/{interview_id}/answers",
    response={200: MockOut, 202: MockOut, 404: ErrorOut, 409: ErrorOut, 429: ErrorOut},
)
def advance_mock(
    request: HttpRequest, response: HttpResponse, interview_id: int, data: MockAnswerIn
) -> Any:
    """Answer the current question or follow-up probe; the reply says what comes next. Where
    reviews run in workers the reply is 202 while the answer is reviewed (`reviewing` true, no
    next question yet): poll the interview until `reviewing` is false."""
    interview = own_interview(_user(request), interview_id)
    if not _answer_allowed(request):
        return Status(429, {"detail": ANSWERS_THROTTLED})
    try:
        step = mock_answer(interview=interview, answer=data.answer, seconds=data.seconds)
    except ValueError as exc:
        return Status(409, {"detail": str(exc)})
    last = step.follow_up_attempt or step.attempt
    body = mock_out(interview, last)
    if last is not None and not last.reviewed:
        response["Location"] = body["url"]
        return Status(202, body)
    return body


@router.post("/mock-interviews/{interview_id}/finish", response={200: ReportOut, 404: ErrorOut})
def finish_mock(request: HttpRequest, interview_id: int) -> dict:
    """Finish the interview and get its report."""
    interview = mock_finish(interview=own_interview(_user(request), interview_id))
    report = mock_report(interview)
    attempts = [a for s in report.steps for a in (s.attempt, s.follow_up_attempt) if a]
    if report.answered:
        message = f"{report.answered} of {report.total} questions answered."
    else:  # an interview ended before any answer has no score, not a score of 0
        message = "No answers were given, so there is nothing to score."
    return {
        "id": interview.pk,
        "answered": report.answered,
        "overall": report.overall if report.answered else None,
        "message": message,
        "competencies": dict(report.competencies),
        "criteria": report.criteria,
        "strengths": report.strengths,
        "to_work_on": report.to_work_on,
        "seconds_used": report.seconds_used,
        "attempts": [attempt_out(a) for a in attempts],
    }


@router.get("/mock-interviews", response=list[MockOut])
def list_mocks(request: HttpRequest) -> list[dict]:
    return [mock_out(i) for i in interviews_of(_user(request))[:50]]
