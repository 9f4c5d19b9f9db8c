"""Admins list and filter the audit log in the admin; nobody can add, change or delete there."""

from __future__ import annotations

import pytest
from django.contrib.admin.sites import site
from django.contrib.auth.models import User
from django.test import Client, RequestFactory

from accounts.services import user_create
from audit.models import AuditEvent, Event
from audit.services import audit_record
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(db: None) -> User:
    return user_create(username="root", email="root@example.org", password=PASSWORD, superuser=True)


def test_admins_list_and_filter_the_log(client: Client, admin_user: User) -> None:
    audit_record(event=Event.DATA_EXPORTED, actor=41, object_type="auth.user", object_id=41)
    audit_record(event=Event.LOGIN_FAILED, detail={"username": "zed"})
    client.force_login(admin_user)

    listing = client.get("/admin/audit/auditevent/")
    assert listing.status_code == 200
    shown = {e.event for e in listing.context["cl"].result_list}
    assert {"data_exported", "login_failed", "login"} == shown  # the admin's own log-in too
    filtered = client.get("/admin/audit/auditevent/?event__exact=login_failed")
    assert [e.detail for e in filtered.context["cl"].result_list] == [{"username": "zed"}]
    by_actor = client.get("/admin/audit/auditevent/?q=41")
    assert [e.event for e in by_actor.context["cl"].result_list] == ["data_exported"]


def test_the_admin_cannot_add_change_or_delete(client: Client, admin_user: User) -> None:
    row = audit_record(event=Event.LOGOUT, actor=41)
    model_admin = site._registry[AuditEvent]
    request = RequestFactory().get("/")
    request.user = admin_user
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, row)
    assert not model_admin.has_delete_permission(request, row)

    client.force_login(admin_user)
    assert client.get("/admin/audit/auditevent/add/").status_code == 403
    assert (
        client.post(f"/admin/audit/auditevent/{row.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    page = client.get(f"/admin/audit/auditevent/{row.pk}/change/")
    assert (
        page.status_code == 200 and 'type="submit"' not in page.content.decode().split("<form")[-1]
    )
    client.post(f"/admin/audit/auditevent/{row.pk}/change/", {"event": "login", "actor_id": 1})
    client.post(
        "/admin/audit/auditevent/",
        {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"},
    )
    row_now = AuditEvent.objects.get(pk=row.pk)
    assert (row_now.event, row_now.actor_id, row_now.hash) == ("logout", 41, row.hash)


def test_question_bank_editors_cannot_read_the_log(client: Client) -> None:
    editor = user_create(username="ed", email="ed@example.org", password=PASSWORD, staff=True)
    client.force_login(editor)
    assert client.get("/admin/audit/auditevent/").status_code == 403
