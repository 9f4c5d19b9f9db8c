"""Changes to memberships, cohorts and shares; each change of a membership is audited.

Who may make a change is the policy's answer (`programmes.policy`), asked by the view or API
before calling these; the functions here keep the rules that hold whoever asks: an
organisation always keeps at least one programme admin.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from audit.models import Event
from audit.services import audit_record

from .models import SHARE_ITEMS, Cohort, MemberRole, Membership, Organisation, ProgrammeShare

LAST_ADMIN = "{org} needs at least one programme admin. Give someone else that role first."


def _keeps_an_admin(membership: Membership) -> None:
    """Refuse to take away the organisation's last programme admin."""
    if membership.role != MemberRole.PROGRAMME_ADMIN:
        return
    others = Membership.objects.filter(
        organisation_id=membership.organisation_id, role=MemberRole.PROGRAMME_ADMIN
    ).exclude(pk=membership.pk)
    if not others.exists():
        raise ValidationError(LAST_ADMIN.format(org=membership.organisation.name))


def _audit(event: Event, actor: User, membership: Membership, **detail: str) -> None:
    audit_record(
        event=event,
        actor=actor,
        obj=membership,
        detail={
            "organisation": membership.organisation.slug,
            "member": membership.user_id,
            "role": membership.role,
            **detail,
        },
    )


@transaction.atomic
def membership_leave(*, membership: Membership, actor: User) -> None:
    """The member ends one of their own memberships."""
    _keeps_an_admin(membership)
    _audit(Event.MEMBER_LEFT, actor, membership)
    membership.delete()


@transaction.atomic
def membership_remove(*, membership: Membership, actor: User) -> None:
    """A programme admin removes someone's membership (one role)."""
    _keeps_an_admin(membership)
    _audit(Event.MEMBER_REMOVED, actor, membership)
    membership.delete()


@transaction.atomic
def membership_role_change(*, membership: Membership, role: str, actor: User) -> Membership:
    """Give the member `role` instead of the membership's current one."""
    if role not in MemberRole.values:
        raise ValidationError(f"“{role}” is not a role here.")
    if role == membership.role:
        return membership
    duplicate = Membership.objects.filter(
        user_id=membership.user_id, organisation_id=membership.organisation_id, role=role
    )
    if duplicate.exists():
        raise ValidationError(f"{membership.user.username} already has that role.")
    _keeps_an_admin(membership)
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    _audit(Event.MEMBER_ROLE_CHANGED, actor, membership, previous_role=before)
    if role == MemberRole.CANDIDATE:
        ProgrammeShare.objects.get_or_create(
            user_id=membership.user_id, organisation_id=membership.organisation_id
        )
    return membership


def membership_cohort_change(*, membership: Membership, cohort: Cohort | None) -> Membership:
    membership.cohort = cohort
    membership.save(update_fields=["cohort"])
    return membership


def share_for(*, user: User, organisation: Organisation) -> ProgrammeShare:
    share, _ = ProgrammeShare.objects.get_or_create(user=user, organisation=organisation)
    return share


def share_update(*, share: ProgrammeShare, items: dict[str, bool]) -> ProgrammeShare:
    """Turn each named item on or off (the candidate's choice); unknown names are refused."""
    unknown = set(items) - set(SHARE_ITEMS)
    if unknown:
        raise ValidationError(f"Nothing called {', '.join(sorted(unknown))} can be shared.")
    for item, on in items.items():
        setattr(share, item, bool(on))
    share.save()
    audit_record(
        event=Event.SHARE_CHANGED,
        actor=share.user,
        obj=share,
        detail={"organisation": share.organisation.slug, "shared": share.shared_items()},
    )
    return share


def cohort_create(*, organisation: Organisation, name: str, slug: str, **dates: object) -> Cohort:
    cohort = Cohort(organisation=organisation, name=name, slug=slug, **dates)
    cohort.full_clean()
    cohort.save()
    return cohort
