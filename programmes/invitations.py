"""Invitations: a programme admin invites by e-mail; the link works once, until it expires, and
either creates an account for the invited address or adds the role to the signed-in account."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.services import token_digest, user_create
from audit.models import Event
from audit.services import audit_record

from .models import Cohort, Invitation, MemberRole, Membership, Organisation, ProgrammeShare

INVITATION_DAYS = 14

# What the invitee reads when a link no longer works: each says what to do next.
EXPIRED = "This invitation has expired. Ask the programme team to send a new one."
USED = "This invitation has already been used. Log in to reach the programme."
REVOKED = "This invitation was withdrawn by the programme team."
REPLACED = (
    "The programme team sent a newer invitation to {email}, so this link no longer works. "
    "Use the link in the latest invitation e-mail."
)
COHORT_ARCHIVED = "The cohort “{name}” has closed, so this invitation no longer works."
COHORT_REMOVED = "The cohort “{name}” no longer exists, so this invitation no longer works."
UNKNOWN = "This invitation link is not valid. Check that you copied all of it."


WRONG_ACCOUNT = (
    "This invitation was sent to {invited}, but you are signed in as {username}{yours}. "
    "Sign out, then open the link again to join with {invited}, or ask the programme team "
    "to invite the address you use here."
)


class InvitationRefused(ValidationError):
    """An invitation that cannot be used (expired, used, withdrawn, its cohort closed)."""


class InvitationForAnotherAddress(ValidationError):
    """The signed-in account is not the invited address's. The invitation stays usable: the
    invitee signs out and opens the link again; nothing is joined on someone else's account."""


def invited_address_matches(invitation: Invitation, user: User) -> bool:
    """Whether `user`'s e-mail is the invited one (ignoring case and spaces round it)."""
    mine = (user.email or "").strip().casefold()
    return bool(mine) and mine == invitation.email.strip().casefold()


def wrong_account_message(invitation: Invitation, user: User) -> str:
    yours = f" ({user.email})" if user.email else " (an account with no e-mail address)"
    return WRONG_ACCOUNT.format(invited=invitation.email, username=user.username, yours=yours)


@dataclass(frozen=True)
class Sent:
    invitation: Invitation
    link: str


def invitation_create(
    *,
    organisation: Organisation,
    email: str,
    role: str,
    invited_by: User | None,
    cohort: Cohort | None = None,
    days: int = INVITATION_DAYS,
) -> tuple[Invitation, str]:
    """A new invitation and its clear token (returned once, never stored)."""
    if role not in MemberRole.values:
        raise ValidationError(f"“{role}” is not a role here.")
    if cohort is not None:
        if cohort.organisation_id != organisation.pk:
            raise ValidationError("That cohort belongs to another organisation.")
        if cohort.archived:
            raise ValidationError(f"The cohort “{cohort.name}” is archived.")
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        cohort=cohort,
        cohort_name=cohort.name if cohort else "",
        role=role,
        email=email.strip(),
        token_digest=token_digest(token),
        expires_at=timezone.now() + timedelta(days=days),
        invited_by=invited_by,
    )
    return invitation, token


def invitation_link(token: str, site_root: str | None = None) -> str:
    root = (site_root or settings.SITE_ROOT).rstrip("/")
    return root + reverse("invitation_accept", args=[token])


def invitation_send(
    *,
    organisation: Organisation,
    email: str,
    role: str,
    invited_by: User | None,
    cohort: Cohort | None = None,
    site_root: str | None = None,
) -> Sent:
    """Create an invitation and mail its link (after the transaction commits, so a rolled-back
    bulk invite mails nobody)."""
    invitation, token = invitation_create(
        organisation=organisation, email=email, role=role, invited_by=invited_by, cohort=cohort
    )
    sent = _mail(invitation, token, site_root)
    audit_record(
        event=Event.MEMBER_INVITED,
        actor=invited_by,
        obj=invitation,
        detail={"organisation": organisation.slug, "role": role},
    )
    return sent


def _mail(invitation: Invitation, token: str, site_root: str | None) -> Sent:
    """Mail the invitation's link once the transaction commits."""
    link = invitation_link(token, site_root)
    inviter = invitation.invited_by
    context = {
        "invitation": invitation,
        "link": link,
        "site_name": settings.SITE_NAME,
        "inviter": inviter.get_full_name() or inviter.username if inviter else "",
    }
    subject = render_to_string("programmes/invitation_subject.txt", context).strip()
    body = render_to_string("programmes/invitation_email.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [invitation.email]))
    return Sent(invitation, link)


@transaction.atomic
def invitation_resend(*, invitation: Invitation, actor: User, site_root: str | None = None) -> Sent:
    """Send a pending invitation again (it was lost, or it expired): a new invitation with a
    new link and the full time to use it, mailed to the same address for the same role and
    cohort. The old link stops working at once and says that a newer one was sent."""
    old = Invitation.objects.select_for_update(of=("self",)).get(pk=invitation.pk)
    if old.used_at is not None:
        raise ValidationError(f"{old.email} has already accepted this invitation.")
    if old.revoked:
        raise ValidationError("This invitation was withdrawn; invite the person again instead.")
    if old.cohort_removed:
        raise ValidationError(f"The cohort “{old.cohort_name}” no longer exists.")
    new, token = invitation_create(
        organisation=old.organisation,
        email=old.email,
        role=old.role,
        invited_by=actor,
        cohort=old.cohort,
    )
    old.revoked, old.replaced_by = True, new
    old.save(update_fields=["revoked", "replaced_by"])
    audit_record(
        event=Event.INVITATION_RESENT,
        actor=actor,
        obj=new,
        detail={"organisation": old.organisation.slug, "role": old.role, "replaces": old.pk},
    )
    return _mail(new, token, site_root)


def invitation_for(token: str) -> Invitation | None:
    """The invitation a link names, whatever its state; None for a token that names none."""
    return (
        Invitation.objects.select_related("organisation", "cohort")
        .filter(token_digest=token_digest(token))
        .first()
    )


def invitation_problem(invitation: Invitation | None) -> str:
    """Why the invitation cannot be used, in words for the invitee; "" when it can."""
    if invitation is None:
        return UNKNOWN
    if invitation.replaced_by_id is not None:
        return REPLACED.format(email=invitation.email)
    if invitation.revoked:
        return REVOKED
    if invitation.used_at is not None:
        return USED
    if invitation.expires_at <= timezone.now():
        return EXPIRED
    if invitation.cohort_removed:
        return COHORT_REMOVED.format(name=invitation.cohort_name)
    if invitation.cohort is not None and invitation.cohort.archived:
        return COHORT_ARCHIVED.format(name=invitation.cohort.name)
    return ""


def _locked(token: str) -> Invitation:
    """The invitation, locked until the transaction ends (two tabs accepting at once: one wins)."""
    found = (
        # Only the invitation's row: PostgreSQL cannot lock the nullable side of the cohort's
        # outer join.
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation", "cohort")
        .filter(token_digest=token_digest(token))
        .first()
    )
    problem = invitation_problem(found)
    if problem:
        raise InvitationRefused(problem)
    assert found is not None
    return found


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> Membership:
    """Give `user` the invitation's role (and cohort) in its organisation, once. Only the
    account of the invited address may: the link may have been forwarded, or opened in a
    browser signed in as someone else."""
    invitation = _locked(token)
    if not invited_address_matches(invitation, user):
        raise InvitationForAnotherAddress(wrong_account_message(invitation, user))
    membership, created = Membership.objects.get_or_create(
        user=user,
        organisation=invitation.organisation,
        role=invitation.role,
        defaults={"cohort": invitation.cohort},
    )
    if not created and invitation.cohort is not None:
        membership.cohort = invitation.cohort
        membership.save(update_fields=["cohort"])
    if invitation.role == MemberRole.CANDIDATE:
        ProgrammeShare.objects.get_or_create(user=user, organisation=invitation.organisation)
    invitation.used_at, invitation.used_by = timezone.now(), user
    invitation.save(update_fields=["used_at", "used_by"])
    audit_record(
        event=Event.INVITATION_ACCEPTED,
        actor=user,
        obj=membership,
        detail={"organisation": invitation.organisation.slug, "role": invitation.role},
    )
    return membership


@transaction.atomic
def invitation_accept_new(*, token: str, username: str, password: str) -> Membership:
    """Create an account for the invited address (the link proves the mailbox, so it is active
    at once) and accept the invitation with it. The password rules of sign-up apply."""
    invitation = _locked(token)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            "An account already uses this e-mail address. Log in, then open the link again."
        )
    user = user_create(username=username, email=invitation.email, password=password)
    return invitation_accept(token=token, user=user)


def invitation_revoke(*, invitation: Invitation, actor: User) -> None:
    invitation.revoked = True
    invitation.save(update_fields=["revoked"])
    audit_record(event=Event.INVITATION_REVOKED, actor=actor, obj=invitation)
