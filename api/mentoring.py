"""API of the mentoring area: pathway, goals, journal, mentors and pairings, sessions (the review
of shared practice is in `mentoring_reviews.py`). Every object is read through
`programmes.policy`; anything else is a 404."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from mentoring import auditing, pathway, services
from mentoring.confidentiality import entry_check
from mentoring.matching import Wishes
from mentoring.models import JournalEntry, MentoringSession, Pairing
from mentoring.selectors import mentor_suggestions, pairing_of
from programmes import policy

from .mentoring_reviews import router as reviews_router
from .practice import TokenAuth
from .schemas import ErrorOut

router = Router(auth=TokenAuth(), tags=["mentoring"])
router.add_router("", reviews_router)
Errors = {404: ErrorOut, 422: ErrorOut}


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _invalid(exc: ValidationError) -> Status:
    return Status(422, {"detail": " ".join(exc.messages)})


# --- Pathway and goals -----------------------------------------------------------------------


class StepOut(Schema):
    key: str
    kind: str
    text: str
    prompt: str
    resources: list[dict[str, str]]
    local: bool
    done: bool
    note: str


class StageOut(Schema):
    slug: str
    name: str
    summary: str
    steps: list[StepOut]
    assessment: dict[str, Any] | None
    goals: list[dict[str, Any]]


class StepIn(Schema):
    done: bool
    note: str = Field("", max_length=2000)


class GoalIn(Schema):
    stage: str
    text: str = Field(min_length=1, max_length=300)
    step: str = ""


def _stages_out(partner: User) -> list[dict[str, Any]]:
    out = []
    for item in pathway.progress_of(partner):
        steps = [
            {
                "key": s.key,
                "kind": s.kind,
                "text": s.text,
                "prompt": s.prompt,
                "resources": [
                    {"title": r.title, "kind": r.kind, "url": r.url} for r in s.resources
                ],
                "local": s.local,
                "done": s.key in item.done,
                "note": item.notes.get(s.key, ""),
            }
            for s in item.stage.steps
        ]
        assessment = item.assessment
        out.append(
            {
                "slug": item.stage.slug,
                "name": item.stage.name,
                "summary": item.stage.summary,
                "steps": steps,
                "assessment": {"percent": assessment.percent, "comment": assessment.comment}
                if assessment
                else None,
                "goals": [{"id": g.pk, "text": g.text, "status": g.status} for g in item.goals],
            }
        )
    return out


@router.get("/pathway", response=list[StageOut])
def my_pathway(request: HttpRequest) -> list[dict[str, Any]]:
    """Your pathway (your organisation's adaptations included) with your progress and goals."""
    return _stages_out(_user(request))


@router.get("/partners/{partner_id}/pathway", response={200: list[StageOut], 404: ErrorOut})
def partner_pathway(request: HttpRequest, partner_id: int) -> Any:
    """A partner's pathway, for their mentor while the pairing is active."""
    if not policy.may_view_pathway_of(_user(request), partner_id):
        return Status(404, {"detail": "Not found."})
    return _stages_out(get_object_or_404(User, pk=partner_id))


@router.post("/pathway/steps/{key}", response={200: StepOut, 422: ErrorOut})
def mark_step(request: HttpRequest, key: str, data: StepIn) -> Any:
    try:
        services.step_mark(user=_user(request), step=key, done=data.done, note=data.note)
    except ValidationError as exc:
        return _invalid(exc)
    return next(s for st in _stages_out(_user(request)) for s in st["steps"] if s["key"] == key)


@router.post("/goals", response={201: dict[str, Any], 422: ErrorOut})
def add_goal(request: HttpRequest, data: GoalIn) -> Status:
    """A goal on a stage; at most three are active at once."""
    try:
        goal = services.goal_create(user=_user(request), **data.dict())
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, {"id": goal.pk, "text": goal.text, "stage": goal.stage})


# --- Journal ---------------------------------------------------------------------------------


class JournalIn(Schema):
    framework: str
    title: str = Field(min_length=1, max_length=200)
    answers: dict[str, str]
    step: str = ""
    attempt_id: int | None = None
    shared: bool = False
    privacy: Literal["check", "redacted", "as_written"] = Field(
        "check",
        description="`check` refuses (422) an entry with identifiable patient details and "
        "returns them with a redacted version; `redacted` saves that version; `as_written` "
        "saves the text as sent.",
    )


class JournalOut(Schema):
    id: int
    framework: str
    title: str
    answers: dict[str, str]
    step: str
    shared_with_mentor: bool
    created_at: datetime


class PrivacyOut(Schema):
    detail: str
    concerns: list[dict[str, str]]
    redacted: dict[str, str]


def _entry_out(entry: JournalEntry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "framework": entry.framework,
        "title": entry.title,
        "answers": entry.answers,
        "step": entry.step,
        "shared_with_mentor": entry.shared_with_mentor,
        "created_at": entry.created_at,
    }


@router.get("/journal", response=list[JournalOut])
def journal(request: HttpRequest) -> list[dict[str, Any]]:
    """Your entries, and those your mentees share with you."""
    return [_entry_out(e) for e in policy.journal_visible_to(_user(request))[:100]]


@router.post("/journal", response={201: JournalOut, 404: ErrorOut, 409: PrivacyOut, 422: ErrorOut})
def write_entry(request: HttpRequest, data: JournalIn) -> Status:
    me = _user(request)
    answers = data.answers
    check = entry_check(answers)
    if not check.clear and data.privacy == "check":
        concerns = [{"prompt": c.prompt, "text": c.text} for c in check.concerns]
        detail = "The entry may identify a patient; send privacy `redacted` or `as_written`."
        return Status(409, {"detail": detail, "concerns": concerns, "redacted": check.redacted})
    if data.privacy == "redacted":
        answers = check.redacted
    attempt = None
    if data.attempt_id is not None:
        attempt = get_object_or_404(policy.attempts_editable_by(me), pk=data.attempt_id)
    try:
        entry = services.journal_entry_save(
            user=me,
            framework=data.framework,
            title=data.title,
            answers=answers,
            step=data.step,
            attempt=attempt,
            shared=data.shared,
        )
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, _entry_out(entry))


@router.get("/journal/{entry_id}", response={200: JournalOut, 404: ErrorOut})
def journal_entry(request: HttpRequest, entry_id: int) -> dict[str, Any]:
    entry = get_object_or_404(policy.journal_visible_to(_user(request)), pk=entry_id)
    auditing.shared_item_read(reader=_user(request), obj=entry, where="api")
    return _entry_out(entry)


class ShareIn(Schema):
    shared: bool


@router.post("/journal/{entry_id}/share", response={200: JournalOut, 404: ErrorOut})
def share_entry(request: HttpRequest, entry_id: int, data: ShareIn) -> dict[str, Any]:
    """Share one entry with your mentor, or withdraw it."""
    entry = get_object_or_404(policy.journal_editable_by(_user(request)), pk=entry_id)
    return _entry_out(services.journal_share(entry=entry, shared=data.shared))


# --- Mentors, pairings and sessions ----------------------------------------------------------


class SuggestionOut(Schema):
    mentor_id: int
    name: str
    niche: str
    score: int
    available: bool
    reasons: list[dict[str, Any]]


class WishesQuery(Schema):
    interests: str = ""
    lived_experience: list[str] = []
    languages: list[str] = []


@router.get("/mentors", response=list[SuggestionOut])
def mentors(request: HttpRequest, wishes: Query[WishesQuery]) -> list[dict[str, Any]]:
    """Mentors of your organisation, best match first, with the points and reason of each part."""
    found = mentor_suggestions(
        _user(request),
        Wishes(wishes.interests, tuple(wishes.lived_experience), tuple(wishes.languages)),
    )
    return [
        {
            "mentor_id": s.mentor.user_id,
            "name": s.mentor.name,
            "niche": s.mentor.niche,
            "score": s.score,
            "available": s.available,
            "reasons": [{"part": p, "points": n, "why": w} for p, n, w in s.parts],
        }
        for s in found
    ]


class PairingIn(Schema):
    mentor_id: int
    goals: str = Field(min_length=1, max_length=3000)
    duration_weeks: int = Field(12, ge=1, le=104)
    frequency: Literal["weekly", "fortnightly", "monthly"] = "fortnightly"
    code_of_conduct: str = Field(min_length=1, max_length=3000)
    how_to_end: str = Field(min_length=1, max_length=1000)


class PairingOut(Schema):
    id: int
    partner: str
    mentor: str
    status: str
    goals: str
    duration_weeks: int
    frequency: str
    code_of_conduct: str
    how_to_end: str


def _pairing_out(p: Pairing) -> dict[str, Any]:
    return {
        "id": p.pk,
        "partner": p.partner.username,
        "mentor": p.mentor_name,
        "status": p.status,
        "goals": p.goals,
        "duration_weeks": p.duration_weeks,
        "frequency": p.frequency,
        "code_of_conduct": p.code_of_conduct,
        "how_to_end": p.how_to_end,
    }


@router.get("/pairings", response=list[PairingOut])
def pairings(request: HttpRequest) -> list[dict[str, Any]]:
    return [_pairing_out(p) for p in policy.pairings_visible_to(_user(request))[:100]]


@router.post("/pairings", response={201: PairingOut, **Errors})
def request_pairing(request: HttpRequest, data: PairingIn) -> Status:
    """Ask a mentor of your organisation; the pairing starts when they accept."""
    me = _user(request)
    profile = get_object_or_404(policy.mentor_profiles_visible_to(me), user_id=data.mentor_id)
    organisation = pathway.home_organisation(me)
    if organisation is None:
        return Status(422, {"detail": "You are not a candidate of any organisation."})
    fields = data.dict(exclude={"mentor_id"})
    try:
        pairing = services.pairing_request(
            organisation=organisation, partner=me, mentor=profile.user, requested_by=me, **fields
        )
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, _pairing_out(pairing))


@router.post("/pairings/{pairing_id}/actions/{action}", response={200: PairingOut, **Errors})
def act_on_pairing(
    request: HttpRequest, pairing_id: int, action: Literal["accept", "decline", "end"]
) -> Any:
    pairing = pairing_of(_user(request), pairing_id)
    act = {
        "accept": services.pairing_accept,
        "decline": services.pairing_decline,
        "end": services.pairing_end,
    }[action]
    try:
        return _pairing_out(act(pairing=pairing, user=_user(request)))
    except ValidationError as exc:
        return _invalid(exc)


class SessionIn(Schema):
    held_on: date
    agenda: str = Field("", max_length=2000)
    notes: str = Field("", max_length=6000)
    next_steps: list[str] = Field(default_factory=list, max_length=20)


class SessionOut(Schema):
    id: int
    held_on: date
    agenda: str
    notes: str
    next_steps: list[str]


def _session_out(s: MentoringSession) -> dict[str, Any]:
    return {
        "id": s.pk,
        "held_on": s.held_on,
        "agenda": s.agenda,
        "notes": s.notes,
        "next_steps": s.next_steps,
    }


@router.get("/pairings/{pairing_id}/sessions", response={200: list[SessionOut], 404: ErrorOut})
def sessions(request: HttpRequest, pairing_id: int) -> list[dict[str, Any]]:
    pairing = pairing_of(_user(request), pairing_id)
    return [
        _session_out(s) for s in policy.sessions_visible_to(_user(request)).filter(pairing=pairing)
    ]


@router.post("/pairings/{pairing_id}/sessions", response={201: SessionOut, **Errors})
def log_session(request: HttpRequest, pairing_id: int, data: SessionIn) -> Status:
    pairing = pairing_of(_user(request), pairing_id)
    try:
        session = services.session_log(pairing=pairing, user=_user(request), **data.dict())
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, _session_out(session))
