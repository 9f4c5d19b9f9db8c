"""What staff add, change and delete in Django's admin is in the audit log: who, which object,
which fields (never their values), from a change page, a delete page or "delete selected"."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client

from accounts.services import user_create
from audit.admin_actions import changed_fields
from audit.models import AuditEvent, Event
from audit.services import audit_verify
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db: None) -> tuple[Client, User]:
    root = user_create(username="root", email="root@example.org", password=PASSWORD, superuser=True)
    client = Client()
    client.force_login(root)
    return client, root


def admin_events(kind: Event) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(event=kind).order_by("id"))


def test_adding_and_changing_a_group_are_recorded_with_the_fields(
    admin_client: tuple[Client, User],
) -> None:
    client, root = admin_client
    added = client.post("/admin/auth/group/add/", {"name": "Ward clerks"})
    assert added.status_code == 302
    group = Group.objects.get(name="Ward clerks")
    [event] = admin_events(Event.ADMIN_ADDED)
    assert (event.actor_id, event.object_type, event.object_id) == (
        root.pk,
        "auth.group",
        str(group.pk),
    )
    permission = Permission.objects.get(codename="view_auditevent")
    changed = client.post(
        f"/admin/auth/group/{group.pk}/change/",
        {"name": "Ward clerks", "permissions": [permission.pk]},
    )
    assert changed.status_code == 302
    [change] = admin_events(Event.ADMIN_CHANGED)
    assert change.object_id == str(group.pk) and change.detail["fields"] == ["Permissions"]
    assert audit_verify().broken is None


def test_making_someone_staff_names_the_fields_but_not_the_values(
    admin_client: tuple[Client, User],
) -> None:
    client, _ = admin_client
    nurse = user_create(username="nurse", email="nurse@example.org", password=PASSWORD)
    form = {
        "username": "nurse",
        "email": "new-address-4711@example.org",
        "first_name": "",
        "last_name": "",
        "is_active": "on",
        "is_staff": "on",
        "date_joined_0": "2026-12-01",
        "date_joined_1": "09:00:00",
    }
    response = client.post(f"/admin/auth/user/{nurse.pk}/change/", form)
    assert response.status_code == 302, response.content[:2000]
    nurse.refresh_from_db()
    assert nurse.is_staff
    [change] = admin_events(Event.ADMIN_CHANGED)
    assert change.object_type == "auth.user" and change.object_id == str(nurse.pk)
    assert {"Staff status", "Email address"} <= set(change.detail["fields"])
    assert "4711" not in str(change.detail)


def test_deleting_from_the_page_and_from_the_list_is_recorded_once_each(
    admin_client: tuple[Client, User],
) -> None:
    client, root = admin_client
    one, two, three, four = (Group.objects.create(name=f"Team {n}") for n in range(4))
    page = client.post(f"/admin/auth/group/{one.pk}/delete/", {"post": "yes"})
    assert page.status_code == 302 and not Group.objects.filter(pk=one.pk).exists()
    selected = {"action": "delete_selected", "post": "yes"}
    several = client.post(
        "/admin/auth/group/", {**selected, "_selected_action": [two.pk, three.pk]}
    )
    alone = client.post("/admin/auth/group/", {**selected, "_selected_action": [four.pk]})
    assert several.status_code == alone.status_code == 302
    assert not Group.objects.exists()
    deleted = admin_events(Event.ADMIN_DELETED)
    assert sorted(e.object_id for e in deleted) == sorted(
        str(g.pk) for g in (one, two, three, four)
    )
    assert {e.actor_id for e in deleted} == {root.pk}
    assert audit_verify().broken is None


def test_the_confirmation_page_of_delete_selected_records_nothing(
    admin_client: tuple[Client, User],
) -> None:
    client, _ = admin_client
    group = Group.objects.create(name="Kept")
    page = client.post(
        "/admin/auth/group/", {"action": "delete_selected", "_selected_action": [group.pk]}
    )
    assert page.status_code == 200 and Group.objects.filter(pk=group.pk).exists()
    assert admin_events(Event.ADMIN_DELETED) == []


def test_change_messages_give_field_names() -> None:
    message = '[{"changed": {"fields": ["Groups", "Staff status"]}}, {"added": {}}]'
    assert changed_fields(message) == ["Groups", "Staff status"]
    assert changed_fields("Changed by hand.") == [] and changed_fields("") == []
