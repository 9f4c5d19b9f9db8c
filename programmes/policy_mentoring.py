"""Permission rules of the mentoring area (#13): pathway, journal, pairings, sessions and the
explicit shares of practice. Owned by the mentoring area; re-exported by `programmes.policy`
(see its docstring).

Build on `programmes.roles` (`roles_in`, `has_role`, `organisations_of`), never on
`programmes.policy` itself (it imports this module). List every public name in `__all__`.

`practice_grants(user)` is the only door to another person's practice: the conditions it
returns are OR-ed with "the owner" in `policy.attempts_visible_to` and
`policy.interviews_visible_to` (reading only; changing stays the owner's). It opens exactly what a
candidate shared with `user` as the mentor of a pairing that is active now, and whose share has
not been revoked: unsharing, or the pairing ending, closes it at once.

The rest, in one place:
* A pairing is seen by its two people and by the programme admins of its organisation; a
  session, its notes and next steps, by the two people only.
* A partner's pathway progress, goals and stage assessments are seen by the partner and by their
  mentor while the pairing is active; the mentor alone writes assessments.
* A journal entry is its author's. Their active mentor reads it only while the author shares it.
* Reviews and comments on shared practice are read by the answer's owner always, and by the
  mentor while the share is live; both may add comments then, the owner only replies.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from mentoring.models import (
    AnswerComment,
    Goal,
    JournalEntry,
    MentoringSession,
    MentorProfile,
    Pairing,
    PracticeReview,
    PracticeShare,
    StageAssessment,
    StepProgress,
)
from practice.models import Attempt

from .models import MemberRole, Organisation
from .roles import Viewer, has_role, organisations_of, user_id


@dataclass(frozen=True)
class PracticeGrants:
    """Extra rows `user` may read, as conditions on `Attempt` and on `MockInterview`."""

    attempts: Q
    interviews: Q


NOTHING = Q(pk__in=[])
ACTIVE = Pairing.Status.ACTIVE


def live_shares_to(user: Viewer) -> QuerySet[PracticeShare]:
    """Shares `user` reads as the mentor: live, in a pairing active now."""
    uid = user_id(user)
    if uid is None:
        return PracticeShare.objects.none()
    return PracticeShare.objects.filter(
        pairing__mentor_id=uid, pairing__status=ACTIVE, revoked_at__isnull=True
    )


def practice_grants(user: Viewer) -> PracticeGrants:
    """Attempts and mock interviews shared with `user` as a mentor (an interview's answers too)."""
    if user_id(user) is None:
        return PracticeGrants(attempts=NOTHING, interviews=NOTHING)
    shares = live_shares_to(user)
    interviews = shares.filter(interview__isnull=False).values("interview_id")
    return PracticeGrants(
        attempts=Q(pk__in=shares.filter(attempt__isnull=False).values("attempt_id"))
        | Q(mock_interview_id__in=interviews),
        interviews=Q(pk__in=interviews),
    )


def share_pairings_for(user: Viewer, attempt: Attempt) -> QuerySet[Pairing]:
    """The pairings `user` may share `attempt` with from its feedback page: their own answer
    (one of a mock interview is shared with the whole interview instead), to a mentor of
    theirs now. Empty for anyone else, so the page shows no button."""
    uid = user_id(user)
    if uid is None or attempt.user_id != uid or attempt.mock_interview_id is not None:
        return Pairing.objects.none()
    return Pairing.objects.filter(partner_id=uid, status=ACTIVE, mentor__isnull=False)


def practice_shares_visible_to(user: Viewer) -> QuerySet[PracticeShare]:
    """Shares a candidate made (live or revoked), and the live ones made to `user`."""
    uid = user_id(user)
    if uid is None:
        return PracticeShare.objects.none()
    mine = Q(pairing__partner_id=uid)
    return PracticeShare.objects.filter(mine | Q(pk__in=live_shares_to(user).values("pk")))


def practice_shares_editable_by(user: Viewer) -> QuerySet[PracticeShare]:
    """Only the candidate who shared may revoke or share again."""
    uid = user_id(user)
    if uid is None:
        return PracticeShare.objects.none()
    return PracticeShare.objects.filter(pairing__partner_id=uid)


def reviews_visible_to(user: Viewer) -> QuerySet[PracticeReview]:
    uid = user_id(user)
    if uid is None:
        return PracticeReview.objects.none()
    return PracticeReview.objects.filter(
        Q(attempt__user_id=uid) | Q(share__in=live_shares_to(user))
    ).select_related("share", "attempt", "next_question")


def reviews_editable_by(user: Viewer) -> QuerySet[PracticeReview]:
    """The mentor rates and summarises, while the share is live."""
    return PracticeReview.objects.filter(share__in=live_shares_to(user))


def comments_visible_to(user: Viewer) -> QuerySet[AnswerComment]:
    return AnswerComment.objects.filter(review__in=reviews_visible_to(user))


def pairings_visible_to(user: Viewer) -> QuerySet[Pairing]:
    uid = user_id(user)
    if uid is None:
        return Pairing.objects.none()
    admin_of = organisations_of(user, MemberRole.PROGRAMME_ADMIN)
    return Pairing.objects.filter(
        Q(partner_id=uid) | Q(mentor_id=uid) | Q(organisation__in=admin_of)
    ).select_related("partner", "mentor", "organisation")


def pairings_of(user: Viewer) -> QuerySet[Pairing]:
    """Pairings `user` is one of the two people in (they act on them; an admin only reads)."""
    uid = user_id(user)
    if uid is None:
        return Pairing.objects.none()
    return Pairing.objects.filter(Q(partner_id=uid) | Q(mentor_id=uid)).select_related(
        "partner", "mentor", "organisation"
    )


def sessions_visible_to(user: Viewer) -> QuerySet[MentoringSession]:
    return MentoringSession.objects.filter(pairing__in=pairings_of(user))


def mentees_of(user: Viewer) -> QuerySet[Pairing]:
    uid = user_id(user)
    if uid is None:
        return Pairing.objects.none()
    return Pairing.objects.filter(mentor_id=uid, status=ACTIVE)


def _partners_readable(user: Viewer) -> Q:
    """Rows owned by `user`, or by a partner `user` mentors now."""
    return Q(user_id=user_id(user)) | Q(user_id__in=mentees_of(user).values("partner_id"))


def may_view_pathway_of(user: Viewer, partner_id: int) -> bool:
    # `partner__pk`, not `partner_id`: a primary key's lookup answers an id past the database's
    # integers with nothing, where the foreign key's column overflows (a 500).
    return partner_id == user_id(user) or mentees_of(user).filter(partner__pk=partner_id).exists()


def progress_visible_to(user: Viewer) -> QuerySet[StepProgress]:
    if user_id(user) is None:
        return StepProgress.objects.none()
    return StepProgress.objects.filter(_partners_readable(user))


def goals_visible_to(user: Viewer) -> QuerySet[Goal]:
    if user_id(user) is None:
        return Goal.objects.none()
    return Goal.objects.filter(_partners_readable(user))


def goals_editable_by(user: Viewer) -> QuerySet[Goal]:
    uid = user_id(user)
    return Goal.objects.filter(user_id=uid) if uid is not None else Goal.objects.none()


def assessments_visible_to(user: Viewer) -> QuerySet[StageAssessment]:
    uid = user_id(user)
    if uid is None:
        return StageAssessment.objects.none()
    return StageAssessment.objects.filter(
        Q(pairing__partner_id=uid) | Q(pairing__in=mentees_of(user))
    )


def journal_visible_to(user: Viewer) -> QuerySet[JournalEntry]:
    """Your own entries; a mentee's entries they chose to share, while you mentor them."""
    uid = user_id(user)
    if uid is None:
        return JournalEntry.objects.none()
    mentees = mentees_of(user).values("partner_id")
    return JournalEntry.objects.filter(
        Q(user_id=uid) | Q(user_id__in=mentees, shared_with_mentor=True)
    )


def journal_editable_by(user: Viewer) -> QuerySet[JournalEntry]:
    uid = user_id(user)
    if uid is None:
        return JournalEntry.objects.none()
    return JournalEntry.objects.filter(user_id=uid)


def mentor_profiles_visible_to(user: Viewer) -> QuerySet[MentorProfile]:
    """Mentors of the organisations `user` belongs to, in any role."""
    return MentorProfile.objects.filter(organisation__in=organisations_of(user)).select_related(
        "user"
    )


def may_adapt_pathway(user: Viewer, organisation: Organisation) -> bool:
    return has_role(user, organisation, MemberRole.PROGRAMME_ADMIN)


__all__: list[str] = [
    "PracticeGrants",
    "assessments_visible_to",
    "comments_visible_to",
    "goals_editable_by",
    "goals_visible_to",
    "journal_editable_by",
    "journal_visible_to",
    "live_shares_to",
    "may_adapt_pathway",
    "may_view_pathway_of",
    "mentees_of",
    "mentor_profiles_visible_to",
    "pairings_of",
    "pairings_visible_to",
    "practice_grants",
    "practice_shares_editable_by",
    "practice_shares_visible_to",
    "progress_visible_to",
    "reviews_editable_by",
    "reviews_visible_to",
    "sessions_visible_to",
    "share_pairings_for",
]
