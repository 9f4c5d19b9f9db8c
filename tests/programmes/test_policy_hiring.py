# ruff: noqa: F811  (tests take the hiring cast's fixtures, imported below, as arguments)
"""The hiring area's rules as a table: every role of two organisations, an outsider, staff and
a visitor, against kits, hiring candidates, interviews and scorecards, and the blind rule."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from hiring.candidates import hiring_candidate_create, interview_schedule
from hiring.scorecards import scorecard_save
from programmes import policy
from programmes.models import MemberRole, Membership
from tests.hiring.cast import HiringCast, full_scores, kit_build, submit_scorecard
from tests.hiring.conftest import hiring, small_bank  # noqa: F401

ROLES = [role.value for role in MemberRole]
EVERYONE = [f"{org}:{role}" for org in ("north", "south") for role in ROLES] + [
    "north:interviewer2",
    "outsider",
    "staff",
]
HIRING_STAFF = {
    "north:interviewer",
    "north:interviewer2",
    "north:hiring_manager",
    "north:programme_admin",
}
PANEL = {"north:interviewer", "north:interviewer2"}


def test_who_reads_and_builds_kits(hiring: HiringCast) -> None:
    draft = kit_build(hiring.cast.north, hiring.manager)
    table = {
        who: (
            policy.kits_visible_to(hiring.people[who]).filter(pk=hiring.kit.pk).exists(),
            policy.kits_editable_by(hiring.people[who]).filter(pk=draft.pk).exists(),
            # A published kit is editable by nobody, its hiring manager included.
            policy.kits_editable_by(hiring.people[who]).filter(pk=hiring.kit.pk).exists(),
        )
        for who in EVERYONE
    }
    assert table == {
        who: (who in HIRING_STAFF, who == "north:hiring_manager", False) for who in EVERYONE
    }


def test_who_sees_a_hiring_candidate_and_their_interviews(hiring: HiringCast) -> None:
    candidate, interview = hiring.candidate, hiring.interview
    table = {
        who: (
            policy.hiring_candidates_visible_to(user).filter(pk=candidate.pk).exists(),
            policy.hiring_interviews_visible_to(user).filter(pk=interview.pk).exists(),
            policy.hiring_candidates_editable_by(user).filter(pk=candidate.pk).exists(),
            policy.may_score(user, interview),
        )
        for who, user in ((who, hiring.people[who]) for who in EVERYONE)
    }
    sees = PANEL | {"north:hiring_manager"}
    assert table == {
        who: (who in sees, who in sees, who == "north:hiring_manager", who in PANEL)
        for who in EVERYONE
    }


def test_a_visitor_sees_nothing(hiring: HiringCast) -> None:
    visitor = AnonymousUser()
    assert not policy.kits_visible_to(visitor).exists()
    assert not policy.hiring_candidates_visible_to(visitor).exists()
    assert not policy.hiring_interviews_visible_to(visitor).exists()
    assert not policy.scorecards_visible_to(visitor).exists()
    assert not policy.may_score(visitor, hiring.interview)


def test_an_interviewer_on_another_panel_does_not_see_this_candidate(hiring: HiringCast) -> None:
    other = hiring_candidate_create(
        organisation=hiring.cast.north,
        name="Sam Other",
        role=hiring.kit.role,
        level=hiring.kit.level,
        by=hiring.manager,
    )
    interview_schedule(
        candidate=other,
        kit=hiring.kit,
        scheduled_at=timezone.now(),
        panel=[hiring.second],
        by=hiring.manager,
    )
    assert not policy.hiring_candidates_visible_to(hiring.first).filter(pk=other.pk).exists()


# --- Blind until submitted ---------------------------------------------------------------------


def _visible(hiring: HiringCast, who: str) -> set[str]:
    cards = policy.scorecards_visible_to(hiring.people[who]).filter(interview=hiring.interview)
    return {card.interviewer.username for card in cards}


def test_a_draft_is_its_authors_alone(hiring: HiringCast) -> None:
    scorecard_save(
        interview=hiring.interview, interviewer=hiring.first, scores=full_scores(hiring.interview)
    )
    assert {who: _visible(hiring, who) for who in EVERYONE} == {
        who: {"north-interviewer"} if who == "north:interviewer" else set() for who in EVERYONE
    }


def test_a_panel_member_who_has_not_submitted_sees_no_other_scorecard(
    hiring: HiringCast,
) -> None:
    submit_scorecard(hiring.interview, hiring.first)
    scorecard_save(
        interview=hiring.interview, interviewer=hiring.second, scores=full_scores(hiring.interview)
    )
    expected = {
        "north:interviewer": {"north-interviewer"},
        "north:interviewer2": {"north-interviewer2"},  # only their own draft
        "north:hiring_manager": {"north-interviewer"},  # every submitted one, no drafts
    }
    table = {
        who: (_visible(hiring, who), policy.may_debrief(hiring.people[who], hiring.interview))
        for who in EVERYONE
    }
    assert table == {
        who: (expected.get(who, set()), who in {"north:interviewer", "north:hiring_manager"})
        for who in EVERYONE
    }


def test_after_submitting_the_panel_member_sees_the_others(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first)
    submit_scorecard(hiring.interview, hiring.second, rating=2, says="no")
    assert _visible(hiring, "north:interviewer2") == {"north-interviewer", "north-interviewer2"}
    assert policy.may_debrief(hiring.second, hiring.interview)


def test_submitting_on_another_interview_opens_only_that_one(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first)
    later = interview_schedule(
        candidate=hiring.candidate,
        kit=hiring.kit,
        scheduled_at=timezone.now() + timedelta(days=3),
        panel=[hiring.first, hiring.second],
        by=hiring.manager,
    )
    submit_scorecard(later, hiring.second)
    assert not policy.may_debrief(hiring.second, hiring.interview)
    assert _visible(hiring, "north:interviewer2") == set()


def test_leaving_the_organisation_closes_the_panel(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first)
    submit_scorecard(hiring.interview, hiring.second)
    Membership.objects.filter(user=hiring.second, organisation=hiring.cast.north).delete()
    assert not policy.may_debrief(hiring.second, hiring.interview)
    assert _visible(hiring, "north:interviewer2") == {"north-interviewer2"}  # their own stays
    assert not policy.may_score(hiring.second, hiring.interview)
