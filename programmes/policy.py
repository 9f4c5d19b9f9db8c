"""The one permission policy: who may see or change what.

Every read of an object a person or an organisation owns goes through a queryset built here
(`attempts_visible_to(user)`, `members_visible_to(user)`, ...), and a view fetches one object with
`get_object_or_404(<queryset>, pk=...)`: anything the caller may not see is a 404, the same as
a row that does not exist. Views, the API, the PDFs and the exports ask this module; they never
compare `obj.user == request.user` themselves.

Rules, in one place:

* A person's practice (attempts, mock interviews) is theirs alone. Membership of an
  organisation, in any role, never lets anyone read another person's answers. Only an explicit
  share does; those grants come from the mentoring area (`practice_grants` below) and open
  reading only, never changing or deleting.
* A member sees their own memberships. A programme admin sees every membership and cohort of
  their organisation; a hiring manager sees the organisation's hiring staff (to form panels).
* What a candidate shows the programme admins is their `ProgrammeShare`, item by item.
* An anonymous visitor gets nothing; Django staff get nothing more here than anyone else
  (the admin site is its own door).

How another area adds its rules: each area owns one module beside this one,
`programmes/policy_hiring.py` (kits, hiring candidates, scorecards, debriefs) and
`programmes/policy_mentoring.py` (pathway, journal, pairings, sessions, shares). Write the same
kind of functions there (`<things>_visible_to(user) -> QuerySet`, `<things>_editable_by(user)`,
`may_<verb>_<thing>(user, obj) -> bool`), built on `roles_in` / `has_role` / `organisations_of`
from `programmes.roles` (not from this module, which imports yours), list them in that module's
`__all__`, and they are re-exported here, so that callers always `from programmes import
policy` and call `policy.<name>`. Tests go in `tests/programmes/test_policy_<area>.py`, a
role x object x action table like `test_policy.py`. The mentoring area opens other people's
practice only by filling `practice_grants()` in its module; nothing else may widen
`attempts_visible_to`.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from practice.models import Attempt, MockInterview
from questionbank.models import Question

from .models import (
    Cohort,
    Invitation,
    MemberRole,
    Membership,
    Organisation,
    OrganisationHiddenQuestion,
    ProgrammeShare,
)

# Each area's rules live in its own module and are re-exported here (see the docstring).
from .policy_hiring import *  # noqa: F403
from .policy_hiring import __all__ as _hiring_names
from .policy_mentoring import *  # noqa: F403
from .policy_mentoring import __all__ as _mentoring_names
from .policy_mentoring import practice_grants
from .roles import HIRING_STAFF, Viewer, has_role, organisations_of, roles_in, user_id

# --- Membership and roles -------------------------------------------------------------------


def members_visible_to(user: Viewer) -> QuerySet[Membership]:
    """Memberships `user` may see: their own; every one of an organisation they run as
    programme admin; the hiring staff of one where they are a hiring manager."""
    uid = user_id(user)
    if uid is None:
        return Membership.objects.none()
    admin_of = organisations_of(user, MemberRole.PROGRAMME_ADMIN)
    manager_of = organisations_of(user, MemberRole.HIRING_MANAGER)
    return Membership.objects.filter(
        Q(user_id=uid)
        | Q(organisation__in=admin_of)
        | Q(organisation__in=manager_of, role__in=HIRING_STAFF)
    ).select_related("user", "organisation", "cohort")


def members_editable_by(user: Viewer) -> QuerySet[Membership]:
    """Memberships `user` may change (role, cohort) or remove: those of organisations they run.
    A member may also end their own (leaving), which `may_leave` answers."""
    return Membership.objects.filter(
        organisation__in=organisations_of(user, MemberRole.PROGRAMME_ADMIN)
    ).select_related("user", "organisation", "cohort")


def may_leave(user: Viewer, membership: Membership) -> bool:
    return membership.user_id is not None and membership.user_id == user_id(user)


def cohorts_visible_to(user: Viewer) -> QuerySet[Cohort]:
    """Cohorts of organisations `user` runs, and the cohorts `user` is a member of."""
    uid = user_id(user)
    if uid is None:
        return Cohort.objects.none()
    return Cohort.objects.filter(
        Q(organisation__in=organisations_of(user, MemberRole.PROGRAMME_ADMIN))
        | Q(memberships__user_id=uid)
    ).distinct()


def cohorts_editable_by(user: Viewer) -> QuerySet[Cohort]:
    return Cohort.objects.filter(
        organisation__in=organisations_of(user, MemberRole.PROGRAMME_ADMIN)
    )


def may_administer(user: Viewer, organisation: Organisation) -> bool:
    """Invite, remove and change members, manage cohorts and content, see the dashboard."""
    return has_role(user, organisation, MemberRole.PROGRAMME_ADMIN)


def invitations_visible_to(user: Viewer) -> QuerySet[Invitation]:
    """Invitations of organisations `user` runs (to list, resend or withdraw); the invitee
    reaches theirs by the token in the link, never by a list."""
    return Invitation.objects.filter(
        organisation__in=organisations_of(user, MemberRole.PROGRAMME_ADMIN)
    ).select_related("organisation", "cohort", "invited_by")


def shares_visible_to(user: Viewer) -> QuerySet[ProgrammeShare]:
    """A candidate's own shares, and the shares made with organisations `user` runs."""
    uid = user_id(user)
    if uid is None:
        return ProgrammeShare.objects.none()
    return ProgrammeShare.objects.filter(
        Q(user_id=uid) | Q(organisation__in=organisations_of(user, MemberRole.PROGRAMME_ADMIN))
    )


# --- Questions: the bundled bank and each organisation's own -------------------------------


def questions_visible_to(user: Viewer) -> QuerySet[Question]:
    """The bundled bank, less the questions any organisation of `user` hides, plus the own
    questions of `user`'s organisations. A visitor and a person in no organisation see the
    bundled bank; nobody ever sees another organisation's own questions."""
    orgs = organisations_of(user)
    hidden = OrganisationHiddenQuestion.objects.filter(organisation__in=orgs).values("question_id")
    return Question.all_objects.filter(
        Q(organisation__isnull=True) & ~Q(pk__in=hidden) | Q(organisation__in=orgs)
    )


def questions_editable_by(user: Viewer) -> QuerySet[Question]:
    """Own questions of organisations `user` runs; the bundled bank is edited by staff only."""
    return Question.all_objects.filter(
        organisation__in=organisations_of(user, MemberRole.PROGRAMME_ADMIN)
    )


# --- Practice: attempts and mock interviews -------------------------------------------------


def attempts_visible_to(user: Viewer) -> QuerySet[Attempt]:
    """Attempts `user` may read: their own, and any an explicit share opens to them."""
    uid = user_id(user)
    if uid is None:
        return Attempt.objects.none()
    grants = practice_grants(user)
    return Attempt.objects.filter(Q(user_id=uid) | grants.attempts).select_related(
        "question", "competency"
    )


def attempts_owned_by(user: Viewer) -> QuerySet[Attempt]:
    """`user`'s own attempts and nothing a share opens to them: what is built for them alone
    from their practice (the prep plan, the next step, fresh questions) reads these."""
    uid = user_id(user)
    if uid is None:
        return Attempt.objects.none()
    return Attempt.objects.filter(user_id=uid).select_related("question", "competency")


def attempts_editable_by(user: Viewer) -> QuerySet[Attempt]:
    """Attempts `user` may change or delete: their own, whatever is shared."""
    return attempts_owned_by(user)


def interviews_visible_to(user: Viewer) -> QuerySet[MockInterview]:
    """Mock interviews `user` may read (with their report and PDF)."""
    uid = user_id(user)
    if uid is None:
        return MockInterview.objects.none()
    grants = practice_grants(user)
    return MockInterview.objects.filter(Q(user_id=uid) | grants.interviews).select_related("role")


def interviews_owned_by(user: Viewer) -> QuerySet[MockInterview]:
    """`user`'s own mock interviews, never one shared with them (see `attempts_owned_by`)."""
    uid = user_id(user)
    if uid is None:
        return MockInterview.objects.none()
    return MockInterview.objects.filter(user_id=uid).select_related("role")


def interviews_editable_by(user: Viewer) -> QuerySet[MockInterview]:
    """Mock interviews `user` may answer, end or delete: their own."""
    return interviews_owned_by(user)


def may_view_attempt(user: Viewer, attempt: Attempt) -> bool:
    return attempts_visible_to(user).filter(pk=attempt.pk).exists()


def may_view_interview(user: Viewer, interview: MockInterview) -> bool:
    return interviews_visible_to(user).filter(pk=interview.pk).exists()


__all__ = [
    "Viewer",
    "roles_in",
    "has_role",
    "organisations_of",
    "members_visible_to",
    "members_editable_by",
    "may_leave",
    "cohorts_visible_to",
    "cohorts_editable_by",
    "may_administer",
    "invitations_visible_to",
    "shares_visible_to",
    "questions_visible_to",
    "questions_editable_by",
    "attempts_visible_to",
    "attempts_owned_by",
    "attempts_editable_by",
    "interviews_visible_to",
    "interviews_owned_by",
    "interviews_editable_by",
    "may_view_attempt",
    "may_view_interview",
    *_hiring_names,
    *_mentoring_names,
]
