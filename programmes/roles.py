"""Who holds which role where: the lookups every permission rule is built on.

Kept apart from `policy.py` so that the areas' rule modules (`policy_hiring.py`,
`policy_mentoring.py`) can build on them without importing the policy that re-exports them.
Call them as `policy.roles_in(...)` elsewhere.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from .models import MemberRole, Membership, Organisation

# request.user; anything but a signed-in, active User sees nothing.
Viewer = User | AnonymousUser | Any

HIRING_STAFF = (MemberRole.INTERVIEWER, MemberRole.HIRING_MANAGER, MemberRole.PROGRAMME_ADMIN)


def user_id(user: Viewer) -> int | None:
    """The id of a signed-in, active user; None for anyone else (who then sees nothing)."""
    if isinstance(user, User) and user.is_authenticated and user.is_active:
        return user.pk
    return None


def roles_in(user: Viewer, organisation: Organisation) -> set[str]:
    """The roles `user` holds in `organisation` (empty for an outsider or a visitor)."""
    uid = user_id(user)
    if uid is None:
        return set()
    return set(
        Membership.objects.filter(user_id=uid, organisation=organisation).values_list(
            "role", flat=True
        )
    )


def has_role(user: Viewer, organisation: Organisation, *roles: str) -> bool:
    """Whether `user` holds any of `roles` in `organisation`; with no roles, any membership."""
    held = roles_in(user, organisation)
    return bool(held & set(roles)) if roles else bool(held)


def organisations_of(user: Viewer, *roles: str) -> QuerySet[Organisation]:
    """The organisations where `user` holds any of `roles` (any role when none are given)."""
    uid = user_id(user)
    if uid is None:
        return Organisation.objects.none()
    memberships = Membership.objects.filter(user_id=uid)
    if roles:
        memberships = memberships.filter(role__in=roles)
    return Organisation.objects.filter(pk__in=memberships.values("organisation_id"))
