"""API for hiring teams: interview kits, interviews, scorecards, debriefs and the lawful-question
guard. Every read is a `programmes.policy` queryset, so the blind rule holds here as on the
pages: a panel member who has not submitted sees only their own scorecard, and the debrief is a
404 for them. Changes are POSTs, like the rest of the API."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import Field

from hiring.exports import kit_data
from hiring.guard import check
from hiring.models import Interview, Scorecard
from hiring.scorecards import Score, current_scorecard, scorecard_save, scorecard_submit
from hiring.selectors import debrief_for
from programmes import policy

from .practice import TokenAuth
from .schemas import ErrorOut

router = Router(auth=TokenAuth(), tags=["hiring"])


class KitSummaryOut(Schema):
    id: int
    title: str
    organisation: str
    role: str
    level: str
    version: int
    status: str


class KitOut(KitSummaryOut):
    parent: int | None
    competencies: list[dict[str, Any]] = Field(
        description="Each with its anchored scale, weight and rationale, and its questions "
        "(follow-ups, what to listen for, level indicators, red flags, the guard's verdict)."
    )


class InterviewOut(Schema):
    id: int
    candidate: int
    candidate_name: str
    kit: int
    kit_version: int
    scheduled_at: datetime
    panel: list[str]
    your_scorecard: str | None = Field(description="draft, submitted or null.")
    may_debrief: bool = Field(description="Whether the panel's scorecards are open to you.")


class RatingOut(Schema):
    competency: int = Field(description="The kit competency's id.")
    name: str
    rating: int | None
    not_assessed: bool
    evidence: str


class ScorecardOut(Schema):
    id: int
    interviewer: str
    version: int
    current: bool
    status: str
    recommendation: str
    summary: str
    submitted_at: datetime | None
    ratings: list[RatingOut]


class RatingIn(Schema):
    competency: int
    rating: int | None = Field(default=None, ge=1, le=5)
    not_assessed: bool = False
    evidence: str = ""


class ScorecardIn(Schema):
    ratings: list[RatingIn]
    recommendation: Literal["", "strong_no", "no", "yes", "strong_yes", "no_decision"] = ""
    summary: str = ""
    submit: bool = Field(default=False, description="Submit after saving (then it is final).")


class GuardIn(Schema):
    question: str = Field(min_length=1, max_length=2000)
    jurisdiction: Literal["any", "us", "uk", "ca"] = "any"
    role: str | None = None


class DebriefRowOut(Schema):
    name: str
    weight: float | None
    ratings: dict[str, int | None]
    mean: float | None
    spread: int | None
    verdict: str


class DebriefOut(Schema):
    interviewers: list[str]
    rows: list[DebriefRowOut]
    recommendations: dict[str, str]
    recommendation_split: bool
    unrated: list[str]
    weighted_totals: dict[str, float | None]
    panel_total: float | None


def _summary(kit: Any) -> dict[str, Any]:
    return {
        "id": kit.pk,
        "title": kit.title,
        "organisation": kit.organisation.slug,
        "role": kit.role.slug,
        "level": kit.level.slug,
        "version": kit.version,
        "status": kit.status,
    }


@router.get("/kits", response=list[KitSummaryOut])
def kits(request: HttpRequest) -> list[dict[str, Any]]:
    """Interview kits of the organisations where you are hiring staff."""
    return [_summary(kit) for kit in policy.kits_visible_to(request.user)]


@router.get("/kits/{kit_id}", response={200: KitOut, 404: ErrorOut})
def kit(request: HttpRequest, kit_id: int) -> dict[str, Any]:
    found = get_object_or_404(policy.kits_visible_to(request.user), pk=kit_id)
    return kit_data(found)


def _interview(request: HttpRequest, interview: Interview) -> dict[str, Any]:
    card = current_scorecard(interview, request.user)  # type: ignore[arg-type]
    return {
        "id": interview.pk,
        "candidate": interview.candidate_id,
        "candidate_name": interview.candidate.name,
        "kit": interview.kit_id,
        "kit_version": interview.kit.version,
        "scheduled_at": interview.scheduled_at,
        "panel": [u.get_username() for u in interview.panel.all()],
        "your_scorecard": card.status if card else None,
        "may_debrief": policy.may_debrief(request.user, interview),
    }


@router.get("/interviews", response=list[InterviewOut])
def interviews(request: HttpRequest) -> list[dict[str, Any]]:
    """Interviews you sit on the panel of, and every interview of organisations you manage."""
    found = policy.hiring_interviews_visible_to(request.user).prefetch_related("panel")
    return [_interview(request, i) for i in found]


def _visible_interview(request: HttpRequest, interview_id: int) -> Interview:
    return get_object_or_404(policy.hiring_interviews_visible_to(request.user), pk=interview_id)


def _scorecard(card: Scorecard) -> dict[str, Any]:
    return {
        "id": card.pk,
        "interviewer": card.interviewer.get_username(),
        "version": card.version,
        "current": card.current,
        "status": card.status,
        "recommendation": card.recommendation,
        "summary": card.summary,
        "submitted_at": card.submitted_at,
        "ratings": [
            {
                "competency": r.kit_competency_id,
                "name": r.kit_competency.competency.name,
                "rating": r.rating,
                "not_assessed": r.not_assessed,
                "evidence": r.evidence,
            }
            for r in card.ratings.select_related("kit_competency__competency")
        ],
    }


@router.get(
    "/interviews/{interview_id}/scorecards", response={200: list[ScorecardOut], 404: ErrorOut}
)
def scorecards(request: HttpRequest, interview_id: int) -> list[dict[str, Any]]:
    """The scorecards you may read: your own (every version), and the panel's once you have
    submitted yours (a hiring manager: every submitted one)."""
    interview = _visible_interview(request, interview_id)
    found = policy.scorecards_visible_to(request.user).filter(interview=interview)
    return [_scorecard(card) for card in found.order_by("interviewer__username", "version")]


@router.post(
    "/interviews/{interview_id}/scorecard",
    response={200: ScorecardOut, 404: ErrorOut, 422: ErrorOut},
)
def scorecard_write(request: HttpRequest, interview_id: int, body: ScorecardIn) -> Any:
    """Save your draft scorecard (and submit it with `submit: true`). A submitted scorecard is
    amended on its page, which keeps the old version."""
    interview = _visible_interview(request, interview_id)
    if not policy.may_score(request.user, interview):
        raise Http404
    scores = {
        r.competency: Score(r.rating, r.evidence, pending=r.rating is None and not r.not_assessed)
        for r in body.ratings
    }
    try:
        card = scorecard_save(
            interview=interview,
            interviewer=request.user,  # type: ignore[arg-type]
            scores=scores,
            recommendation=body.recommendation,
            summary=body.summary,
        )
        if body.submit:
            card = scorecard_submit(scorecard=card, by=request.user)  # type: ignore[arg-type]
    except (ValidationError, PermissionDenied) as error:
        messages = getattr(error, "messages", [str(error)])
        return Status(422, {"detail": " ".join(messages)})
    return _scorecard(card)


@router.get("/interviews/{interview_id}/debrief", response={200: DebriefOut, 404: ErrorOut})
def debrief(request: HttpRequest, interview_id: int) -> dict[str, Any]:
    """The panel's debrief: a 404 until you have submitted your own scorecard (hiring managers
    always)."""
    interview = _visible_interview(request, interview_id)
    found = debrief_for(request.user, interview)
    if found is None:
        raise Http404
    return {
        "interviewers": found.interviewers,
        "rows": [
            {
                "name": row.name,
                "weight": row.weight,
                "ratings": {cell.interviewer: cell.rating for cell in row.cells},
                "mean": row.mean,
                "spread": row.spread,
                "verdict": row.verdict,
            }
            for row in found.rows
        ],
        "recommendations": {who: code for who, code, _ in found.recommendations},
        "recommendation_split": found.recommendation_split,
        "unrated": found.unrated,
        "weighted_totals": found.totals,
        "panel_total": found.panel_total,
    }


@router.post("/guard", response=dict[str, Any])
def guard(request: HttpRequest, body: GuardIn) -> dict[str, Any]:
    """The lawful-question guard's verdict on one interview question (see `careprep guard`)."""
    return check(body.question, jurisdiction=body.jurisdiction, role=body.role).as_dict()
