"""The programmes API: scoped to what the caller may see (404 otherwise), changes for the
organisation's programme admins, in the OpenAPI document with separate input and output schemas."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from accounts.services import token_create
from programmes.models import Invitation, Membership, ProgrammeShare
from tests.programmes.cast import EVERYONE_ELSE, Cast, cast_build


@pytest.fixture
def cast(db: None) -> Cast:
    return cast_build()


def _as(client: Client, cast: Cast, who: str) -> dict[str, str]:
    _, token = token_create(user=cast.people[who])
    return {"Authorization": f"Bearer {token}"}


def test_a_member_lists_their_organisations_and_roles(client: Client, cast: Cast) -> None:
    Membership.objects.create(user=cast.candidate, organisation=cast.south, role="mentor")
    found = client.get("/api/v1/organisations", headers=_as(client, cast, "north:candidate"))
    assert {(o["slug"], tuple(o["your_roles"])) for o in found.json()} == {
        ("north", ("candidate",)),
        ("south", ("mentor",)),
    }
    none = client.get("/api/v1/organisations", headers=_as(client, cast, "outsider"))
    assert none.json() == []
    assert client.get("/api/v1/organisations").status_code == 401


@pytest.mark.parametrize(
    ("who", "seen"),
    [
        ("north:programme_admin", 5),
        ("north:hiring_manager", 3),
        ("north:candidate", 1),
        ("north:interviewer", 1),
    ],
)
def test_memberships_are_what_the_policy_shows(
    client: Client, cast: Cast, who: str, seen: int
) -> None:
    found = client.get(
        "/api/v1/organisations/north/memberships", headers=_as(client, cast, who)
    ).json()
    assert len(found) == seen


@pytest.mark.parametrize("who", ["south:programme_admin", "outsider", "staff"])
def test_an_organisation_of_others_is_a_404_everywhere(
    client: Client, cast: Cast, who: str
) -> None:
    headers = _as(client, cast, who)
    for url in ("", "/cohorts", "/memberships", "/invitations", "/share"):
        assert client.get(f"/api/v1/organisations/north{url}", headers=headers).status_code == 404


@pytest.mark.parametrize(
    "who", [w for w in EVERYONE_ELSE if w.startswith("north:") and w != "north:programme_admin"]
)
def test_only_the_programme_admin_invites_and_changes_roles(
    client: Client, cast: Cast, who: str
) -> None:
    headers = _as(client, cast, who)
    target = Membership.objects.get(user=cast.people["north:interviewer"])
    invite = client.post(
        "/api/v1/organisations/north/invitations",
        {"email": "x@example.org", "role": "candidate"},
        content_type="application/json",
        headers=headers,
    )
    assert invite.status_code == 404
    patch = client.post(
        f"/api/v1/organisations/north/memberships/{target.pk}/role",
        {"role": "mentor"},
        content_type="application/json",
        headers=headers,
    )
    assert patch.status_code == 404
    assert client.get("/api/v1/organisations/north/invitations", headers=headers).status_code == 404
    assert not Invitation.objects.exists()


def test_the_admin_invites_changes_and_removes_through_the_api(
    client: Client, cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    headers = _as(client, cast, "north:programme_admin")
    with django_capture_on_commit_callbacks(execute=True):
        made = client.post(
            "/api/v1/organisations/north/invitations",
            {"email": "new@example.org", "role": "candidate", "cohort": "spring"},
            content_type="application/json",
            headers=headers,
        )
    assert made.status_code == 201
    assert made.json()["cohort"] == "spring" and "token" not in made.json()
    assert len(mail.outbox) == 1
    bad = client.post(
        "/api/v1/organisations/north/invitations",
        {"email": "new@example.org", "role": "candidate", "cohort": "autumn"},
        content_type="application/json",
        headers=headers,
    )
    assert bad.status_code == 422 and "autumn" in bad.json()["detail"]
    target = Membership.objects.get(user=cast.people["north:interviewer"])
    changed = client.post(
        f"/api/v1/organisations/north/memberships/{target.pk}/role",
        {"role": "hiring_manager"},
        content_type="application/json",
        headers=headers,
    )
    assert changed.json()["role"] == "hiring_manager"
    gone = client.post(f"/api/v1/organisations/north/memberships/{target.pk}/end", headers=headers)
    assert gone.status_code == 204
    assert not Membership.objects.filter(pk=target.pk).exists()
    withdrawn = client.post(
        f"/api/v1/organisations/north/invitations/{made.json()['id']}/withdraw", headers=headers
    )
    assert withdrawn.status_code == 204 and Invitation.objects.get().revoked


def test_a_candidate_reads_and_sets_their_share_and_may_leave(client: Client, cast: Cast) -> None:
    headers = _as(client, cast, "north:candidate")
    assert (
        client.get("/api/v1/organisations/north/share", headers=headers).json()["practice_count"]
        is False
    )
    put = client.post(
        "/api/v1/organisations/north/share",
        {"practice_count": True},
        content_type="application/json",
        headers=headers,
    )
    assert put.json()["practice_count"] is True
    assert ProgrammeShare.objects.get(user=cast.candidate).shared_items() == ["practice_count"]
    mine = Membership.objects.get(user=cast.candidate)
    other = Membership.objects.get(user=cast.people["north:mentor"])
    assert (
        client.post(
            f"/api/v1/organisations/north/memberships/{other.pk}/end", headers=headers
        ).status_code
        == 404
    )
    assert (
        client.post(
            f"/api/v1/organisations/north/memberships/{mine.pk}/end", headers=headers
        ).status_code
        == 204
    )


def test_the_openapi_document_has_the_programme_endpoints(client: Client, db: None) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/organisations/{slug}/invitations" in document["paths"]
    schemas = document["components"]["schemas"]
    assert {"InvitationIn", "InvitationOut", "MembershipIn", "MembershipOut", "CohortIn"} <= set(
        schemas
    )
    assert "token_digest" not in str(schemas["InvitationOut"])
