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


def _pending(cast: Cast, django_capture_on_commit_callbacks: Any) -> tuple[Invitation, str]:
    with django_capture_on_commit_callbacks(execute=True):
        sent = invitation_send(
            organisation=cast.north,
            email="late@example.org",
            role=MemberRole.CANDIDATE,
            cohort=cast.cohorts["north"],
            invited_by=cast.people["north:programme_admin"],
        )
    return sent.invitation, _link_token(str(mail.outbox[-1].body))


def test_the_admin_sends_an_expired_invitation_again_with_a_new_link(
    client: Client, cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    old, old_token = _pending(cast, django_capture_on_commit_callbacks)
    Invitation.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(days=1))
    admin = cast.people["north:programme_admin"]
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/programmes/north/invitations/{old.pk}/resend/")
    assert response.status_code == 302
    assert len(mail.outbox) == 2 and mail.outbox[-1].to == ["late@example.org"]
    new_token = _link_token(str(mail.outbox[-1].body))
    assert new_token != old_token
    new = Invitation.objects.get(token_digest=token_digest(new_token))
    assert (new.role, new.cohort, new.expires_at > timezone.now()) == (
        "candidate",
        cast.cohorts["north"],
        True,
    )
    old.refresh_from_db()
    assert old.revoked and old.replaced_by == new
    event = AuditEvent.objects.get(event=Event.INVITATION_RESENT)
    assert event.actor_id == admin.pk and event.detail["replaces"] == old.pk
    dashboard = client.get("/programmes/north/").content.decode()
    assert "the earlier link no longer works" in dashboard
    # Listed once, as the new invitation: the old one is no longer pending.
    assert dashboard.count('<th scope="row">late@example.org</th>') == 1
    assert f"/invitations/{new.pk}/withdraw/" in dashboard
    assert f"/invitations/{old.pk}/withdraw/" not in dashboard
    client.logout()
    stale = client.get(f"/invitations/{old_token}/")
    assert stale.status_code == 410 and "sent a newer invitation" in stale.content.decode()
    with pytest.raises(InvitationRefused, match="newer invitation"):
        invitation_accept(token=old_token, user=cast.people["outsider"])
    assert b"Create your account" in client.get(f"/invitations/{new_token}/").content


def test_an_accepted_or_withdrawn_invitation_is_not_sent_again(
    client: Client, cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    invitation, token = _pending(cast, django_capture_on_commit_callbacks)
    accepter = User.objects.create_user("late", "late@example.org")
    invitation_accept(token=token, user=accepter)
    client.force_login(cast.people["north:programme_admin"])
    client.post(f"/programmes/north/invitations/{invitation.pk}/resend/")
    withdrawn, _ = invitation_create(
        organisation=cast.north, email="gone@example.org", role="mentor", invited_by=None
    )
    withdrawn.revoked = True
    withdrawn.save()
    page = client.post(f"/programmes/north/invitations/{withdrawn.pk}/resend/", follow=True)
    assert b"withdrawn" in page.content
    assert Invitation.objects.count() == 2 and len(mail.outbox) == 1
    assert not AuditEvent.objects.filter(event=Event.INVITATION_RESENT).exists()


@pytest.mark.parametrize("who", ["north:mentor", "north:candidate", "south:programme_admin"])
def test_nobody_but_the_organisations_admin_sends_an_invitation_again(
    client: Client, cast: Cast, who: str
) -> None:
    invitation, _ = invitation_create(
        organisation=cast.north, email="late@example.org", role="candidate", invited_by=None
    )
    client.force_login(cast.people[who])
    assert client.post(f"/programmes/north/invitations/{invitation.pk}/resend/").status_code == 404
    assert client.post(f"/programmes/south/invitations/{invitation.pk}/resend/").status_code == 404
    assert Invitation.objects.count() == 1 and not mail.outbox
