"""Reads of the mentoring area. Every object comes through `programmes.policy`; what the caller
may not see is a 404, the same as a row that does not exist."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.http import Http404
from django.shortcuts import get_object_or_404

from coach.text import sentences
from practice.models import Attempt
from programmes import policy
from programmes.models import MemberRole
from questionbank.models import Competency
from questionbank.selectors import visible

from . import matching
from .models import AnswerComment, MentorProfile, Pairing, PracticeReview, PracticeShare
from .pathway import home_organisation


def pairing_visible(user: User, pk: int) -> Pairing:
    return get_object_or_404(policy.pairings_visible_to(user), pk=pk)


def pairing_of(user: User, pk: int) -> Pairing:
    """A pairing `user` is one of the two people in (to act on it)."""
    return get_object_or_404(policy.pairings_of(user), pk=pk)


def active_pairings_as_partner(user: User) -> list[Pairing]:
    return list(policy.pairings_of(user).filter(partner=user, status=Pairing.Status.ACTIVE))


def share_visible(user: User, pk: int) -> PracticeShare:
    return get_object_or_404(
        policy.practice_shares_visible_to(user).select_related(
            "pairing", "attempt", "interview", "pairing__partner", "pairing__mentor"
        ),
        pk=pk,
    )


def share_editable(user: User, pk: int) -> PracticeShare:
    return get_object_or_404(policy.practice_shares_editable_by(user), pk=pk)


def shared_attempts(user: User, share: PracticeShare) -> list[Attempt]:
    """The answers a share holds, read through the policy (so a revoked share holds none for
    its mentor, even if a stale page asks)."""
    visible = policy.attempts_visible_to(user)
    if share.attempt_id:
        return list(visible.filter(pk=share.attempt_id))
    return list(visible.filter(mock_interview_id=share.interview_id).order_by("created_at", "pk"))


@dataclass
class AnswerView:
    """One shared answer, its sentences with their comments, and the mentor's review."""

    attempt: Attempt
    review: PracticeReview | None
    sentences: list[tuple[int, str, list[AnswerComment]]] = field(default_factory=list)
    anchors: dict[str, str] = field(default_factory=dict)


def answer_view(user: User, share: PracticeShare, attempt: Attempt) -> AnswerView:
    review = policy.reviews_visible_to(user).filter(share=share, attempt=attempt).first()
    comments: dict[int, list[AnswerComment]] = {}
    if review is not None:
        for comment in (
            policy.comments_visible_to(user).filter(review=review).select_related("author")
        ):
            comments.setdefault(comment.sentence, []).append(comment)
    view = AnswerView(attempt, review)
    view.sentences = [
        (i, s.text, comments.get(i, [])) for i, s in enumerate(sentences(attempt.answer))
    ]
    competency: Competency | None = attempt.competency
    if competency is not None:
        view.anchors = {
            "1": competency.anchor_1,
            "3": competency.anchor_3,
            "5": competency.anchor_5,
        }
    return view


def next_question_choices(attempt: Attempt) -> list[tuple[str, str]]:
    """Questions the candidate may see (the bundled bank less what their organisations hide,
    plus their own) on the same competency (or any, for the candidate's own question)."""
    found = visible(attempt.user)
    if attempt.competency_id:
        found = found.filter(competency_id=attempt.competency_id)
    if attempt.question_id:
        found = found.exclude(pk=attempt.question_id)
    return [(q.slug, q.text[:120]) for q in found.order_by("slug")[:40]]


def mentor_suggestions(partner: User, wishes: matching.Wishes) -> list[matching.Suggestion]:
    """Mentors of the partner's organisation, ranked with their reasons."""
    organisation = home_organisation(partner)
    if organisation is None:
        return []
    mentors = policy.mentor_profiles_visible_to(partner).filter(organisation=organisation)
    mentor_ids = set(
        organisation.memberships.filter(role=MemberRole.MENTOR).values_list("user_id", flat=True)
    )
    facts = [_facts(p) for p in mentors if p.user_id in mentor_ids and p.user_id != partner.pk]
    return matching.suggest(facts, wishes)


def _facts(profile: MentorProfile) -> matching.MentorFacts:
    active = Pairing.objects.filter(mentor_id=profile.user_id, status=Pairing.Status.ACTIVE)
    return matching.MentorFacts(
        user_id=profile.user_id,
        name=profile.user.get_full_name() or profile.user.username,
        niche=profile.niche,
        lived_experience=tuple(profile.lived_experience),
        languages=tuple(profile.languages),
        capacity=profile.capacity,
        active=active.count(),
        accepting=profile.accepting,
    )


def partner_for_mentor(user: User, partner_id: int) -> tuple[User, Pairing]:
    """A partner `user` mentors now, with the pairing; anyone else is a 404."""
    # partner__pk: an id past the database's integers is then a 404, not an overflow.
    pairing = policy.mentees_of(user).filter(partner__pk=partner_id).select_related("partner")
    found = pairing.first()
    if found is None:
        raise Http404
    return found.partner, found
