"""Permission rules of the hiring area (#12): interview kits, hiring candidates, scorecards,
debriefs. Owned by the hiring area; re-exported by `programmes.policy` (see its docstring).

Build on `programmes.roles` (`roles_in`, `has_role`, `organisations_of`), never on
`programmes.policy` itself (it imports this module). List every public name in `__all__`.

The rules:

* Kits are read by the organisation's hiring staff (interviewers, hiring managers, programme
  admins) and built by its hiring managers; a published kit is read-only for everyone.
* A hiring candidate and their interviews are seen by the organisation's hiring managers and by
  the interviewers on one of that candidate's panels (still hiring staff there).
* **Blind until submitted.** An interviewer sees their own scorecards (every version, draft or
  submitted). They see another panel member's scorecard, and any average, debrief or summary of
  an interview, only once they have submitted their own scorecard for that interview. The
  hiring manager sees every submitted scorecard of the organisation; someone else's draft is
  private to its author for everyone. Every page, API call, PDF and export reads scorecards
  through `scorecards_visible_to` and panel figures through `hiring_interviews_debriefable_by`.
* Calibration: an interviewer's own report is built from interviews they may debrief; the
  panel's report is for hiring managers.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from hiring.models import (
    HiringCandidate,
    Interview,
    InterviewKit,
    KitStatus,
    Scorecard,
    ScorecardStatus,
)

from .models import MemberRole, Organisation
from .roles import HIRING_STAFF, Viewer, has_role, organisations_of, user_id

__all__: list[str] = [
    "hiring_candidates_editable_by",
    "hiring_candidates_visible_to",
    "hiring_interviews_debriefable_by",
    "hiring_interviews_visible_to",
    "hiring_panel_eligible",
    "kits_editable_by",
    "kits_visible_to",
    "may_debrief",
    "may_manage_hiring",
    "may_score",
    "scorecards_visible_to",
]

MANAGER = MemberRole.HIRING_MANAGER
PANEL_ROLES = (MemberRole.INTERVIEWER, MemberRole.HIRING_MANAGER)


def may_manage_hiring(user: Viewer, organisation: Organisation) -> bool:
    """Build kits, add hiring candidates, schedule interviews, read every submitted scorecard."""
    return has_role(user, organisation, MANAGER)


def kits_visible_to(user: Viewer) -> QuerySet[InterviewKit]:
    return InterviewKit.objects.filter(
        organisation__in=organisations_of(user, *HIRING_STAFF)
    ).select_related("organisation", "role", "level")


def kits_editable_by(user: Viewer) -> QuerySet[InterviewKit]:
    """Draft kits of organisations where `user` is a hiring manager (published ones never)."""
    return InterviewKit.objects.filter(
        organisation__in=organisations_of(user, MANAGER), status=KitStatus.DRAFT
    )


def _panel_seat(user: Viewer) -> Q:
    """Interviews where `user` sits on the panel and is still hiring staff of the organisation."""
    return Q(
        panel__id=user_id(user), candidate__organisation__in=organisations_of(user, *PANEL_ROLES)
    )


def hiring_candidates_visible_to(user: Viewer) -> QuerySet[HiringCandidate]:
    if user_id(user) is None:
        return HiringCandidate.objects.none()
    on_panel = Interview.objects.filter(_panel_seat(user)).values("candidate_id")
    return HiringCandidate.objects.filter(
        Q(organisation__in=organisations_of(user, MANAGER)) | Q(pk__in=on_panel)
    ).select_related("organisation", "role", "level")


def hiring_candidates_editable_by(user: Viewer) -> QuerySet[HiringCandidate]:
    """Change the stage, schedule interviews, erase: the organisation's hiring managers."""
    return HiringCandidate.objects.filter(organisation__in=organisations_of(user, MANAGER))


def hiring_interviews_visible_to(user: Viewer) -> QuerySet[Interview]:
    if user_id(user) is None:
        return Interview.objects.none()
    seats = Interview.objects.filter(_panel_seat(user)).values("pk")
    return Interview.objects.filter(
        Q(candidate__organisation__in=organisations_of(user, MANAGER)) | Q(pk__in=seats)
    ).select_related("candidate", "kit")


def may_score(user: Viewer, interview: Interview) -> bool:
    """Only a panel member who is still an interviewer or hiring manager there scores."""
    return Interview.objects.filter(_panel_seat(user), pk=interview.pk).exists()


def _submitted_own(user: Viewer) -> QuerySet[Scorecard]:
    return Scorecard.objects.filter(interviewer_id=user_id(user), status=ScorecardStatus.SUBMITTED)


def hiring_interviews_debriefable_by(user: Viewer) -> QuerySet[Interview]:
    """Interviews whose panel figures (other scorecards, averages, the debrief) `user` may see:
    any interview of an organisation they manage hiring for, and any interview on which they
    have submitted their own scorecard and still sit on the panel."""
    if user_id(user) is None:
        return Interview.objects.none()
    submitted = _submitted_own(user).values("interview_id")
    seats = Interview.objects.filter(_panel_seat(user), pk__in=submitted).values("pk")
    return Interview.objects.filter(
        Q(candidate__organisation__in=organisations_of(user, MANAGER)) | Q(pk__in=seats)
    ).select_related("candidate", "kit")


def may_debrief(user: Viewer, interview: Interview) -> bool:
    return hiring_interviews_debriefable_by(user).filter(pk=interview.pk).exists()


def scorecards_visible_to(user: Viewer) -> QuerySet[Scorecard]:
    """The user's own scorecards, and other people's submitted ones on interviews they may
    debrief. Drafts are their author's alone."""
    uid = user_id(user)
    if uid is None:
        return Scorecard.objects.none()
    debriefable = hiring_interviews_debriefable_by(user).values("pk")
    return Scorecard.objects.filter(
        Q(interviewer_id=uid) | Q(status=ScorecardStatus.SUBMITTED, interview__in=debriefable)
    ).select_related("interview", "interviewer")


def hiring_panel_eligible(organisation: Organisation) -> QuerySet:
    """Users who may sit on a panel of `organisation`: its interviewers and hiring managers."""
    from django.contrib.auth.models import User

    return (
        User.objects.filter(
            is_active=True,
            memberships__organisation=organisation,
            memberships__role__in=PANEL_ROLES,
        )
        .distinct()
        .order_by("username")
    )
