"""API for programmes: organisations, cohorts, memberships, invitations and the caller's own
share. Every list and lookup is a `programmes.policy` queryset: what the caller may not see is
a 404, and changes need the organisation's programme admin role (a member may leave). Changes
are POSTs, like the rest of the API (the site takes no PUT, PATCH or DELETE)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import AfterValidator, Field

from programmes import policy
from programmes.invitations import invitation_revoke, invitation_send
from programmes.models import (
    SHARE_ITEMS,
    Cohort,
    Invitation,
    MemberRole,
    Membership,
    Organisation,
    ProgrammeShare,
)
from programmes.services import (
    cohort_create,
    membership_leave,
    membership_remove,
    membership_role_change,
    share_for,
    share_update,
)

from .practice import TokenAuth
from .schemas import ErrorOut

router = Router(auth=TokenAuth(), tags=["programmes"])


class OrganisationOut(Schema):
    slug: str
    name: str
    jurisdiction: str
    your_roles: list[str] = Field(description="The caller's roles in this organisation.")


class CohortOut(Schema):
    slug: str
    name: str
    starts_on: date | None
    ends_on: date | None
    archived: bool


class CohortIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    slug: str = Field(min_length=1, max_length=80, pattern=r"^[-a-zA-Z0-9_]+$")
    starts_on: date | None = None
    ends_on: date | None = None


class MembershipOut(Schema):
    id: int
    username: str
    role: MemberRole
    cohort: str | None = Field(description="The cohort's slug, if any.")
    created_at: datetime


class MembershipIn(Schema):
    role: MemberRole


class InvitationOut(Schema):
    id: int
    email: str
    role: MemberRole
    cohort: str | None
    expires_at: datetime
    used: bool
    revoked: bool


def _email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError as exc:
        raise ValueError("not an e-mail address") from exc
    return value


Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]


class InvitationIn(Schema):
    email: Email
    role: MemberRole
    cohort: str | None = Field(None, description="A cohort's slug in this organisation.")


class ShareIn(Schema):
    practice_count: bool = False
    mock_interviews: bool = False
    interview_date: bool = False
    competency_averages: bool = False


class ShareOut(Schema):
    organisation: str
    practice_count: bool
    mock_interviews: bool
    interview_date: bool
    competency_averages: bool
    updated_at: datetime


def _share_out(share: ProgrammeShare) -> dict[str, Any]:
    return {
        "organisation": share.organisation.slug,
        **{k: getattr(share, k) for k in SHARE_ITEMS},
        "updated_at": share.updated_at,
    }


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _organisation(request: HttpRequest, slug: str, *roles: str) -> Organisation:
    return get_object_or_404(policy.organisations_of(_user(request), *roles), slug=slug)


def _admin_of(request: HttpRequest, slug: str) -> Organisation:
    return _organisation(request, slug, MemberRole.PROGRAMME_ADMIN)


def _org_out(org: Organisation, user: User) -> dict[str, Any]:
    return {
        "slug": org.slug,
        "name": org.name,
        "jurisdiction": org.jurisdiction,
        "your_roles": sorted(policy.roles_in(user, org)),
    }


def _member_out(m: Membership) -> dict[str, Any]:
    return {
        "id": m.pk,
        "username": m.user.username,
        "role": m.role,
        "cohort": m.cohort.slug if m.cohort else None,
        "created_at": m.created_at,
    }


def _invitation_out(i: Invitation) -> dict[str, Any]:
    return {
        "id": i.pk,
        "email": i.email,
        "role": i.role,
        "cohort": i.cohort.slug if i.cohort else None,
        "expires_at": i.expires_at,
        "used": i.used_at is not None,
        "revoked": i.revoked,
    }


def _refused(exc: ValidationError) -> Status:
    return Status(422, {"detail": " ".join(exc.messages)})


@router.get("/organisations", response=list[OrganisationOut])
def list_organisations(request: HttpRequest) -> list[dict]:
    """The organisations you belong to, with your roles in each."""
    return [_org_out(o, _user(request)) for o in policy.organisations_of(_user(request))]


@router.get("/organisations/{slug}", response={200: OrganisationOut, 404: ErrorOut})
def get_organisation(request: HttpRequest, slug: str) -> dict:
    return _org_out(_organisation(request, slug), _user(request))


@router.get("/organisations/{slug}/cohorts", response={200: list[CohortOut], 404: ErrorOut})
def list_cohorts(request: HttpRequest, slug: str) -> Any:
    """All cohorts for a programme admin; your own cohorts for anyone else."""
    org = _organisation(request, slug)
    return list(policy.cohorts_visible_to(_user(request)).filter(organisation=org))


@router.post(
    "/organisations/{slug}/cohorts", response={201: CohortOut, 404: ErrorOut, 422: ErrorOut}
)
def create_cohort(request: HttpRequest, slug: str, data: CohortIn) -> Status:
    org = _admin_of(request, slug)
    if Cohort.objects.filter(organisation=org, slug=data.slug).exists():
        return Status(422, {"detail": "Another cohort here already has that slug."})
    try:
        cohort = cohort_create(organisation=org, **data.dict())
    except ValidationError as exc:
        return _refused(exc)
    return Status(201, cohort)


@router.get("/organisations/{slug}/memberships", response={200: list[MembershipOut], 404: ErrorOut})
def list_memberships(request: HttpRequest, slug: str) -> Any:
    """Everyone's memberships for a programme admin; the hiring staff for a hiring manager;
    your own for anyone else."""
    org = _organisation(request, slug)
    visible = policy.members_visible_to(_user(request)).filter(organisation=org)
    return [_member_out(m) for m in visible.order_by("user__username", "role")]


@router.post(
    "/organisations/{slug}/memberships/{membership_id}/role",
    response={200: MembershipOut, 404: ErrorOut, 422: ErrorOut},
)
def change_membership(
    request: HttpRequest, slug: str, membership_id: int, data: MembershipIn
) -> Any:
    """Change a member's role (programme admins)."""
    org = _admin_of(request, slug)
    editable = policy.members_editable_by(_user(request)).filter(organisation=org)
    membership = get_object_or_404(editable, pk=membership_id)
    try:
        membership_role_change(membership=membership, role=data.role, actor=_user(request))
    except ValidationError as exc:
        return _refused(exc)
    return _member_out(membership)


@router.post(
    "/organisations/{slug}/memberships/{membership_id}/end",
    response={204: None, 404: ErrorOut, 422: ErrorOut},
)
def end_membership(request: HttpRequest, slug: str, membership_id: int) -> Status:
    """Leave (your own membership) or remove a member (programme admins)."""
    org = _organisation(request, slug)
    me = _user(request)
    visible = policy.members_visible_to(me).filter(organisation=org)
    membership = get_object_or_404(visible, pk=membership_id)
    try:
        if policy.may_leave(me, membership):
            membership_leave(membership=membership, actor=me)
        elif policy.members_editable_by(me).filter(pk=membership.pk).exists():
            membership_remove(membership=membership, actor=me)
        else:
            return Status(404, {"detail": "Not Found"})
    except ValidationError as exc:
        return _refused(exc)
    return Status(204, None)


@router.get("/organisations/{slug}/invitations", response={200: list[InvitationOut], 404: ErrorOut})
def list_invitations(request: HttpRequest, slug: str) -> Any:
    org = _admin_of(request, slug)
    found = policy.invitations_visible_to(_user(request)).filter(organisation=org)
    return [_invitation_out(i) for i in found]


@router.post(
    "/organisations/{slug}/invitations",
    response={201: InvitationOut, 404: ErrorOut, 422: ErrorOut},
)
def create_invitation(request: HttpRequest, slug: str, data: InvitationIn) -> Status:
    """Invite someone by e-mail; the link goes to their mailbox only, never in this reply."""
    org = _admin_of(request, slug)
    cohort = None
    if data.cohort:
        cohort = Cohort.objects.filter(organisation=org, slug=data.cohort).first()
        if cohort is None:
            return Status(422, {"detail": f"No cohort “{data.cohort}” in {org.name}."})
    try:
        sent = invitation_send(
            organisation=org,
            email=data.email,
            role=data.role,
            cohort=cohort,
            invited_by=_user(request),
        )
    except ValidationError as exc:
        return _refused(exc)
    return Status(201, _invitation_out(sent.invitation))


@router.post(
    "/organisations/{slug}/invitations/{invitation_id}/withdraw",
    response={204: None, 404: ErrorOut},
)
def withdraw_invitation(request: HttpRequest, slug: str, invitation_id: int) -> Status:
    org = _admin_of(request, slug)
    found = policy.invitations_visible_to(_user(request)).filter(organisation=org)
    invitation_revoke(invitation=get_object_or_404(found, pk=invitation_id), actor=_user(request))
    return Status(204, None)


@router.get("/organisations/{slug}/share", response={200: ShareOut, 404: ErrorOut})
def get_share(request: HttpRequest, slug: str) -> dict:
    """What you share with this organisation's programme team (candidates only). Answers are
    never shared."""
    org = _organisation(request, slug, MemberRole.CANDIDATE)
    return _share_out(share_for(user=_user(request), organisation=org))


@router.post("/organisations/{slug}/share", response={200: ShareOut, 404: ErrorOut})
def put_share(request: HttpRequest, slug: str, data: ShareIn) -> dict:
    org = _organisation(request, slug, MemberRole.CANDIDATE)
    share = share_for(user=_user(request), organisation=org)
    return _share_out(share_update(share=share, items=data.dict()))
