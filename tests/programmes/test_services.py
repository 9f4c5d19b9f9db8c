"""Leaving, removing and changing a role: each is audited, and an organisation keeps an admin."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from audit.models import AuditEvent, Event
from programmes.models import MemberRole, Membership
from programmes.services import membership_leave, membership_remove, membership_role_change
from tests.programmes.cast import Cast


def _membership(cast: Cast, who: str) -> Membership:
    return Membership.objects.get(user=cast.people[who])


def test_leaving_removing_and_changing_a_role_are_audited(cast: Cast) -> None:
    admin = cast.people["north:programme_admin"]
    membership_role_change(
        membership=_membership(cast, "north:interviewer"), role="hiring_manager", actor=admin
    )
    membership_remove(membership=_membership(cast, "north:mentor"), actor=admin)
    membership_leave(membership=_membership(cast, "north:candidate"), actor=cast.candidate)
    events = {e.event: e for e in AuditEvent.objects.all()}
    changed = events[Event.MEMBER_ROLE_CHANGED]
    assert changed.actor_id == admin.pk
    assert changed.detail["previous_role"] == "interviewer"
    assert changed.detail["role"] == "hiring_manager"
    assert events[Event.MEMBER_REMOVED].detail["member"] == cast.people["north:mentor"].pk
    assert events[Event.MEMBER_LEFT].actor_id == cast.candidate.pk
    assert not Membership.objects.filter(
        user__in=[cast.candidate, cast.people["north:mentor"]]
    ).exists()


def test_the_last_programme_admin_cannot_go(cast: Cast) -> None:
    admin = cast.people["north:programme_admin"]
    mine = _membership(cast, "north:programme_admin")
    for change in (
        lambda: membership_leave(membership=mine, actor=admin),
        lambda: membership_remove(membership=mine, actor=admin),
        lambda: membership_role_change(membership=mine, role="mentor", actor=admin),
    ):
        with pytest.raises(ValidationError, match="at least one programme admin"):
            change()
    assert Membership.objects.filter(pk=mine.pk, role=MemberRole.PROGRAMME_ADMIN).exists()
    Membership.objects.create(
        user=cast.people["north:mentor"], organisation=cast.north, role="programme_admin"
    )
    membership_leave(membership=mine, actor=admin)
    assert not Membership.objects.filter(pk=mine.pk).exists()


def test_a_role_the_member_already_holds_is_refused(cast: Cast) -> None:
    person = cast.people["north:mentor"]
    Membership.objects.create(user=person, organisation=cast.north, role="interviewer")
    with pytest.raises(ValidationError, match="already has that role"):
        membership_role_change(
            membership=Membership.objects.get(user=person, role="mentor"),
            role="interviewer",
            actor=cast.people["north:programme_admin"],
        )


def test_the_pages_change_roles_and_remove_members_for_the_admin_only(
    client: Client, cast: Cast
) -> None:
    target = _membership(cast, "north:interviewer")
    client.force_login(cast.people["north:hiring_manager"])
    assert (
        client.post(f"/programmes/north/members/{target.pk}/role/", {"role": "mentor"}).status_code
        == 404
    )
    assert client.post(f"/programmes/north/members/{target.pk}/remove/").status_code == 404
    client.force_login(cast.people["south:programme_admin"])
    assert client.post(f"/programmes/south/members/{target.pk}/remove/").status_code == 404
    client.force_login(cast.people["north:programme_admin"])
    client.post(f"/programmes/north/members/{target.pk}/role/", {"role": "mentor"})
    target.refresh_from_db()
    assert target.role == "mentor"
    client.post(f"/programmes/north/members/{target.pk}/remove/")
    assert not Membership.objects.filter(pk=target.pk).exists()


def test_a_member_leaves_from_their_organisations_page(client: Client, cast: Cast) -> None:
    mine = _membership(cast, "north:candidate")
    other = _membership(cast, "north:mentor")
    client.force_login(cast.candidate)
    assert b"North Hospital" in client.get("/programmes/").content
    assert client.post(f"/programmes/north/leave/{other.pk}/").status_code == 404
    assert client.post(f"/programmes/north/leave/{mine.pk}/").status_code == 302
    assert not Membership.objects.filter(pk=mine.pk).exists()
    assert Membership.objects.filter(pk=other.pk).exists()
