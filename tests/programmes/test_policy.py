"""The permission policy as a table: every role of the candidate's organisation and of another
one, an outsider, staff and a visitor, against each object type and action."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.test import Client

from practice.models import Attempt, MockInterview
from programmes import policy
from programmes.models import MemberRole, Membership, ProgrammeShare
from tests.practice import rows
from tests.programmes.cast import EVERYONE_ELSE, ROLES, Cast


@pytest.fixture
def practice(cast: Cast) -> tuple[Attempt, MockInterview]:
    """The candidate's practice: an attempt of their own and a finished mock interview."""
    attempt = rows.attempt(cast.candidate, answer="My private answer about Mrs Patel.")
    interview = rows.interview(cast.candidate, finished=rows.long_ago(1))
    return attempt, interview


# --- Practice: nobody but the owner, whatever their role ------------------------------------


def test_the_owner_may_read_and_change_their_own_practice(
    cast: Cast, practice: tuple[Attempt, MockInterview]
) -> None:
    attempt, interview = practice
    me = cast.candidate
    assert attempt in policy.attempts_visible_to(me)
    assert attempt in policy.attempts_editable_by(me)
    assert interview in policy.interviews_visible_to(me)
    assert interview in policy.interviews_editable_by(me)
    assert policy.may_view_attempt(me, attempt) and policy.may_view_interview(me, interview)


@pytest.mark.parametrize("who", EVERYONE_ELSE)
def test_no_role_of_any_organisation_reads_or_changes_another_persons_practice(
    cast: Cast, practice: tuple[Attempt, MockInterview], who: str
) -> None:
    attempt, interview = practice
    user = cast.people[who]
    assert not policy.attempts_visible_to(user).filter(pk=attempt.pk).exists()
    assert not policy.attempts_editable_by(user).filter(pk=attempt.pk).exists()
    assert not policy.interviews_visible_to(user).filter(pk=interview.pk).exists()
    assert not policy.interviews_editable_by(user).filter(pk=interview.pk).exists()
    assert not policy.may_view_attempt(user, attempt)
    assert not policy.may_view_interview(user, interview)


def test_a_visitor_and_a_deactivated_owner_get_nothing(
    cast: Cast, practice: tuple[Attempt, MockInterview]
) -> None:
    assert not policy.attempts_visible_to(AnonymousUser()).exists()
    assert not policy.interviews_visible_to(AnonymousUser()).exists()
    cast.candidate.is_active = False
    assert not policy.attempts_visible_to(cast.candidate).exists()


def _pages(attempt: Attempt, interview: MockInterview) -> list[tuple[str, str]]:
    return [
        ("get", f"/attempts/{attempt.pk}/"),
        ("get", f"/attempts/{attempt.pk}/delete/"),
        ("post", f"/attempts/{attempt.pk}/delete/"),
        ("get", f"/mock/{interview.pk}/report/"),
        ("get", f"/mock/{interview.pk}/report.pdf"),
        ("get", f"/mock/{interview.pk}/"),
        ("post", f"/mock/{interview.pk}/finish/"),
        ("post", f"/mock/{interview.pk}/delete/"),
        ("get", f"/api/v1/attempts/{attempt.pk}"),
        ("get", f"/api/v1/mock-interviews/{interview.pk}"),
    ]


@pytest.mark.parametrize("who", EVERYONE_ELSE)
def test_pages_pdfs_and_the_api_answer_404_to_everyone_but_the_owner(
    client: Client, cast: Cast, practice: tuple[Attempt, MockInterview], bank: None, who: str
) -> None:
    attempt, interview = practice
    client.force_login(cast.people[who])
    for method, url in _pages(attempt, interview):
        response = getattr(client, method)(url)
        assert response.status_code == 404, (method, url)
        assert b"Mrs Patel" not in response.content
    assert Attempt.objects.filter(pk=attempt.pk).exists()
    assert MockInterview.objects.filter(pk=interview.pk).exists()


def test_the_owner_reaches_the_same_pages(
    client: Client, cast: Cast, practice: tuple[Attempt, MockInterview], bank: None
) -> None:
    attempt, interview = practice
    client.force_login(cast.candidate)
    assert client.get(f"/attempts/{attempt.pk}/").status_code == 200
    assert client.get(f"/mock/{interview.pk}/report/").status_code == 200
    assert client.get(f"/mock/{interview.pk}/report.pdf")["Content-Type"] == "application/pdf"
    assert client.get(f"/api/v1/attempts/{attempt.pk}").json()["id"] == attempt.pk


# --- Memberships, cohorts, shares -----------------------------------------------------------

# Which north memberships each person sees (besides nothing of south).
MEMBERS_SEEN = {
    "north:programme_admin": set(ROLES),
    "north:hiring_manager": {"interviewer", "hiring_manager", "programme_admin"},
    "north:interviewer": {"interviewer"},
    "north:mentor": {"mentor"},
    "north:candidate": {"candidate"},
    "south:programme_admin": set(),
    "south:hiring_manager": set(),
    "outsider": set(),
    "staff": set(),
}


@pytest.mark.parametrize(("who", "seen"), MEMBERS_SEEN.items())
def test_who_sees_which_memberships(cast: Cast, who: str, seen: set[str]) -> None:
    visible = policy.members_visible_to(cast.people[who])
    assert {m.role for m in visible.filter(organisation=cast.north)} == seen
    if who.startswith("north:"):
        assert not visible.filter(organisation=cast.south).exists()


@pytest.mark.parametrize("who", [name for name in MEMBERS_SEEN if name != "north:programme_admin"])
def test_only_the_programme_admin_may_change_memberships(cast: Cast, who: str) -> None:
    assert not policy.members_editable_by(cast.people[who]).filter(organisation=cast.north).exists()
    assert not policy.may_administer(cast.people[who], cast.north)


def test_a_programme_admin_changes_their_own_organisation_only(cast: Cast) -> None:
    admin = cast.people["north:programme_admin"]
    editable = policy.members_editable_by(admin)
    assert set(editable.values_list("organisation__slug", flat=True)) == {"north"}
    assert policy.may_administer(admin, cast.north)
    assert not policy.may_administer(admin, cast.south)


def test_a_member_may_leave_only_their_own_membership(cast: Cast) -> None:
    mine = Membership.objects.get(user=cast.candidate)
    assert policy.may_leave(cast.candidate, mine)
    assert not policy.may_leave(cast.people["north:programme_admin"], mine)
    assert not policy.may_leave(AnonymousUser(), mine)


COHORT_SEEN = {
    "north:programme_admin": True,
    "north:candidate": True,
    "north:mentor": True,
    "north:interviewer": False,
    "north:hiring_manager": False,
    "south:programme_admin": False,
    "south:candidate": False,
    "outsider": False,
    "staff": False,
}


@pytest.mark.parametrize(("who", "sees"), COHORT_SEEN.items())
def test_who_sees_the_cohort(cast: Cast, who: str, sees: bool) -> None:
    cohort = cast.cohorts["north"]
    assert policy.cohorts_visible_to(cast.people[who]).filter(pk=cohort.pk).exists() is sees
    may_edit = policy.cohorts_editable_by(cast.people[who]).filter(pk=cohort.pk).exists()
    assert may_edit is (who == "north:programme_admin")


@pytest.mark.parametrize("who", EVERYONE_ELSE)
def test_a_share_is_seen_by_the_candidate_and_their_programme_admins(cast: Cast, who: str) -> None:
    share = ProgrammeShare.objects.create(
        user=cast.candidate, organisation=cast.north, practice_count=True
    )
    assert share in policy.shares_visible_to(cast.candidate)
    sees = policy.shares_visible_to(cast.people[who]).filter(pk=share.pk).exists()
    assert sees is (who == "north:programme_admin")


# --- Roles ----------------------------------------------------------------------------------


def test_roles_are_per_organisation_and_a_person_may_hold_several(cast: Cast) -> None:
    person: User = cast.people["north:mentor"]
    Membership.objects.create(user=person, organisation=cast.north, role=MemberRole.INTERVIEWER)
    Membership.objects.create(user=person, organisation=cast.south, role=MemberRole.CANDIDATE)
    assert policy.roles_in(person, cast.north) == {"mentor", "interviewer"}
    assert policy.roles_in(person, cast.south) == {"candidate"}
    assert policy.has_role(person, cast.north, MemberRole.INTERVIEWER)
    assert not policy.has_role(person, cast.south, MemberRole.MENTOR)
    assert policy.has_role(person, cast.south)
    assert set(policy.organisations_of(person)) == {cast.north, cast.south}
    assert list(policy.organisations_of(person, MemberRole.MENTOR)) == [cast.north]
    assert policy.roles_in(AnonymousUser(), cast.north) == set()
    assert not policy.organisations_of(cast.people["outsider"]).exists()
