"""Invitations: sent by e-mail, work once, expire, refuse for a closed or removed cohort, and
create an account (with sign-up's password rules) or join the signed-in one."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from accounts.services import token_digest
from audit.models import AuditEvent, Event
from programmes.invitations import (
    InvitationForAnotherAddress,
    InvitationRefused,
    invitation_accept,
    invitation_create,
    invitation_send,
)
from programmes.models import Invitation, MemberRole, Membership, ProgrammeShare
from tests.conftest import PASSWORD
from tests.programmes.cast import Cast


def _link_token(body: str) -> str:
    found = re.search(r"/invitations/([^/\s]+)/", body)
    assert found, body
    return found.group(1)


def test_an_invitation_mails_a_link_and_stores_only_the_tokens_digest(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    admin = cast.people["north:programme_admin"]
    with django_capture_on_commit_callbacks(execute=True):
        sent = invitation_send(
            organisation=cast.north,
            email="new@example.org",
            role=MemberRole.CANDIDATE,
            cohort=cast.cohorts["north"],
            invited_by=admin,
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@example.org"]
    assert "North Hospital" in message.subject
    token = _link_token(str(message.body))
    invitation = Invitation.objects.get()
    assert invitation == sent.invitation
    assert invitation.token_digest == token_digest(token)
    assert token not in invitation.token_digest
    assert AuditEvent.objects.filter(event=Event.MEMBER_INVITED).count() == 1


def test_a_new_account_is_made_for_the_invited_address_and_lands_in_the_cohort(
    client: Client, cast: Cast
) -> None:
    invitation, token = invitation_create(
        organisation=cast.north,
        email="new@example.org",
        role=MemberRole.CANDIDATE,
        cohort=cast.cohorts["north"],
        invited_by=None,
    )
    page = client.get(f"/invitations/{token}/")
    assert b"Spring intake" in page.content
    assert not Membership.objects.filter(user__username="newbie").exists()  # GET changes nothing
    response = client.post(
        f"/invitations/{token}/",
        {"username": "newbie", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/programmes/north/sharing/"
    user = User.objects.get(username="newbie")
    assert user.email == "new@example.org" and user.is_active
    membership = Membership.objects.get(user=user)
    assert (membership.role, membership.cohort) == ("candidate", cast.cohorts["north"])
    assert ProgrammeShare.objects.get(user=user).shared_items() == []
    assert client.get("/programmes/north/sharing/").status_code == 200  # signed in
    invitation.refresh_from_db()
    assert invitation.used_by == user


def test_a_weak_password_is_refused_and_the_invitation_still_works(
    client: Client, cast: Cast
) -> None:
    _, token = invitation_create(
        organisation=cast.north, email="new@example.org", role="candidate", invited_by=None
    )
    response = client.post(
        f"/invitations/{token}/",
        {"username": "newbie", "password1": "password", "password2": "password"},
    )
    assert response.status_code == 200
    assert b"too common" in response.content or b"too short" in response.content
    assert not User.objects.filter(username="newbie").exists()
    assert Invitation.objects.get().used_at is None


def test_a_signed_in_person_adds_the_role_to_their_own_account(client: Client, cast: Cast) -> None:
    person = cast.people["south:mentor"]
    _, token = invitation_create(
        organisation=cast.north, email=person.email, role=MemberRole.MENTOR, invited_by=None
    )
    client.force_login(person)
    assert b"Join as south-mentor" in client.get(f"/invitations/{token}/").content
    client.post(f"/invitations/{token}/")
    assert set(person.memberships.values_list("organisation__slug", "role")) == {
        ("north", "mentor"),
        ("south", "mentor"),
    }
    assert AuditEvent.objects.filter(event=Event.INVITATION_ACCEPTED, actor_id=person.pk).exists()


def test_an_invitation_works_once(client: Client, cast: Cast) -> None:
    _, token = invitation_create(
        organisation=cast.north, email="outsider@example.org", role="candidate", invited_by=None
    )
    invitation_accept(token=token, user=cast.people["outsider"])
    with pytest.raises(InvitationRefused, match="already been used"):
        invitation_accept(token=token, user=cast.people["south:candidate"])
    client.force_login(cast.people["south:candidate"])
    response = client.post(f"/invitations/{token}/")
    assert response.status_code == 410
    assert b"already been used" in response.content
    assert not cast.people["south:candidate"].memberships.filter(organisation=cast.north).exists()


def test_an_expired_invitation_says_so(client: Client, cast: Cast) -> None:
    invitation, token = invitation_create(
        organisation=cast.north, email="x@example.org", role="candidate", invited_by=None
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.get(f"/invitations/{token}/")
    assert response.status_code == 410
    assert b"has expired" in response.content
    with pytest.raises(InvitationRefused, match="expired"):
        invitation_accept(token=token, user=cast.people["outsider"])


def test_an_invitation_for_an_archived_or_removed_cohort_refuses_clearly(
    client: Client, cast: Cast
) -> None:
    cohort = cast.cohorts["north"]
    _, token = invitation_create(
        organisation=cast.north,
        email="x@example.org",
        role="candidate",
        cohort=cohort,
        invited_by=None,
    )
    cohort.archived = True
    cohort.save()
    assert "“Spring intake” has closed" in client.get(f"/invitations/{token}/").content.decode()
    cohort.delete()
    response = client.post(f"/invitations/{token}/")
    assert response.status_code == 410
    assert "“Spring intake” no longer exists" in response.content.decode()
    assert not Membership.objects.filter(user__email="x@example.org").exists()


def test_a_withdrawn_or_unknown_invitation_opens_nothing(client: Client, cast: Cast) -> None:
    invitation, token = invitation_create(
        organisation=cast.north, email="x@example.org", role="candidate", invited_by=None
    )
    invitation.revoked = True
    invitation.save()
    assert b"withdrawn" in client.get(f"/invitations/{token}/").content
    assert b"not valid" in client.get("/invitations/made-up-token/").content


def test_an_invitation_cannot_name_another_organisations_cohort(cast: Cast) -> None:
    with pytest.raises(ValidationError, match="another organisation"):
        invitation_create(
            organisation=cast.north,
            email="x@example.org",
            role="candidate",
            cohort=cast.cohorts["south"],
            invited_by=None,
        )


def test_an_existing_address_is_asked_to_log_in_first(client: Client, cast: Cast) -> None:
    _, token = invitation_create(
        organisation=cast.north, email="outsider@example.org", role="candidate", invited_by=None
    )
    response = client.post(
        f"/invitations/{token}/",
        {"username": "second-account", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert b"Log in, then open the link again" in response.content
    assert not User.objects.filter(username="second-account").exists()


def test_another_signed_in_account_is_told_whose_invitation_it_is_and_joins_nothing(
    client: Client, cast: Cast
) -> None:
    person = cast.people["south:mentor"]
    invitation, token = invitation_create(
        organisation=cast.north, email="newcomer@example.org", role="candidate", invited_by=None
    )
    url = f"/invitations/{token}/"
    client.force_login(person)
    page = client.get(url).content.decode()
    assert "sent to newcomer@example.org" in page
    assert "signed in as south-mentor (south-mentor@example.org)" in page
    assert "Join as" not in page
    assert "Sign out and open the invitation again" in page
    assert f'name="next" value="{url}"' in page
    response = client.post(url)
    assert response.status_code == 403
    assert "sent to newcomer@example.org" in response.content.decode()
    assert not person.memberships.filter(organisation=cast.north).exists()
    invitation.refresh_from_db()
    assert invitation.used_at is None and invitation.used_by is None
    assert not AuditEvent.objects.filter(event=Event.INVITATION_ACCEPTED).exists()
    # Signing out from that page comes back to the link, which still works for the invitee.
    logout_url = re.search(r'<form method="post" action="([^"]+)">', page)
    assert logout_url is not None
    back = client.post(logout_url.group(1), {"next": url})
    assert back.status_code == 302 and back["Location"] == url
    assert b"Create your account" in client.get(url).content


def test_only_the_invited_address_may_accept_whatever_its_case(cast: Cast) -> None:
    person = cast.people["south:mentor"]
    _, token = invitation_create(
        organisation=cast.north, email="someone@example.org", role="mentor", invited_by=None
    )
    with pytest.raises(InvitationForAnotherAddress, match=re.escape("sent to someone@example.org")):
        invitation_accept(token=token, user=person)
    _, token = invitation_create(
        organisation=cast.north, email=" South-Mentor@Example.ORG", role="mentor", invited_by=None
    )
    assert invitation_accept(token=token, user=person).organisation == cast.north


def test_an_account_without_an_address_cannot_take_an_invitation(cast: Cast) -> None:
    person = User.objects.create_user("no-mail")
    _, token = invitation_create(
        organisation=cast.north, email="someone@example.org", role="mentor", invited_by=None
    )
    with pytest.raises(InvitationForAnotherAddress, match="no e-mail address"):
        invitation_accept(token=token, user=person)
