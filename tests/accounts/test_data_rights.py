"""Data rights on the profile page: download everything the account owns, delete the account."""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from accounts.services import profile_for, token_create
from tests.conftest import PASSWORD
from tests.practice import rows

pytestmark = pytest.mark.django_db


def test_the_profile_page_offers_download_and_deletion(client: Client, owner: User) -> None:
    client.force_login(owner)
    page = client.get("/accounts/profile/").content.decode()
    assert 'href="/accounts/data.json"' in page
    assert 'href="/accounts/delete/"' in page


def test_download_holds_everything_the_account_owns_and_no_token_secret(
    client: Client, owner: User, outsider: User
) -> None:
    profile = profile_for(owner)
    profile.minutes_per_day = 45
    profile.save()
    alone = rows.attempt(owner, answer="My own story about my mother's dialysis.")
    mock = rows.interview(owner, answers=2)
    record, secret = token_create(user=owner, name="laptop script")
    rows.attempt(outsider, answer="Mallory's private answer.")
    client.force_login(owner)

    response = client.get("/accounts/data.json")

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["username"] == "alice"
    assert data["plan_settings"]["minutes_per_day"] == 45
    assert {a["id"] for a in data["attempts"]} == {
        alone.pk,
        *mock.attempts.values_list("pk", flat=True),
    }
    assert data["attempts"][0]["answer"] == "My own story about my mother's dialysis."
    assert data["attempts"][0]["feedback"] == {"overall": 61, "flags": []}
    assert [len(m["steps"]) for m in data["mock_interviews"]] == [2]
    assert data["api_tokens"] == [
        {
            "name": "laptop script",
            "created_at": record.created_at.isoformat(),
            "last_used_at": None,
            "expires_at": record.expires_at.isoformat() if record.expires_at else None,
        }
    ]
    body = response.content.decode()
    assert secret not in body and record.digest not in body and record.prefix not in body
    assert "Mallory" not in body


def test_download_needs_a_log_in(client: Client) -> None:
    response = client.get("/accounts/data.json")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_account_deletion_asks_for_confirmation_first(client: Client, owner: User) -> None:
    client.force_login(owner)
    page = client.get("/accounts/delete/")
    assert page.status_code == 200
    assert b"csrfmiddlewaretoken" in page.content
    assert User.objects.filter(pk=owner.pk).exists()


def test_a_wrong_password_deletes_nothing(client: Client, owner: User) -> None:
    client.force_login(owner)
    response = client.post("/accounts/delete/", {"password": "not-my-password-1"})
    assert response.status_code == 200
    assert "not your password" in response.content.decode()
    assert User.objects.filter(pk=owner.pk).exists()


def test_deletion_needs_the_csrf_token(owner: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post("/accounts/delete/", {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=owner.pk).exists()


def _rows_pointing_at(user_pk: int) -> list[str]:
    """Every row, in every model (through tables too), with a foreign key to User naming the
    user."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User:
                count = model._default_manager.filter(**{field.attname: user_pk}).count()
                if count:
                    found.append(f"{model._meta.label}.{field.name}: {count}")
    return found


def test_deleting_the_account_leaves_no_row_that_points_at_the_user(
    client: Client, owner: User, outsider: User
) -> None:
    rows.attempt(owner)
    rows.interview(owner, answers=2)
    rows.interview(owner, answers=1, finished=rows.long_ago(1))
    token_create(user=owner, name="script")
    owner.groups.add(Group.objects.create(name="testers"))
    LogEntry.objects.create(
        user=owner,
        content_type=ContentType.objects.get_for_model(User),
        object_repr="alice",
        action_flag=ADDITION,
    )
    kept = rows.attempt(outsider)
    pk = owner.pk
    assert _rows_pointing_at(pk), "the test should start with rows to delete"
    client.force_login(owner)

    response = client.post("/accounts/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(pk=pk).exists()
    assert _rows_pointing_at(pk) == []
    assert kept.__class__.objects.filter(pk=kept.pk).exists()
    assert "_auth_user_id" not in client.session
    assert client.get("/accounts/profile/").status_code == 302


def story_text(story: list) -> str:
    """The text of a PDF's paragraphs (the fonts are subset, so the file's bytes do not show it)."""
    return "\n".join(getattr(flowable, "text", "") for flowable in story)


def test_the_pdf_download_is_a_readable_copy_of_the_same_data(
    client: Client, owner: User, outsider: User
) -> None:
    from accounts.data_pdf import export_story
    from accounts.data_rights import account_export
    from audit.models import AuditEvent, Event

    rows.attempt(owner, answer="My own story about my mother's dialysis.")
    rows.interview(owner, answers=2)
    rows.attempt(outsider, answer="Mallory's private answer.")
    client.force_login(owner)

    response = client.get("/accounts/data.pdf")

    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Cache-Control"] == "no-store"
    assert 'filename="careprep-my-data.pdf"' in response["Content-Disposition"]
    exported = AuditEvent.objects.filter(event=Event.DATA_EXPORTED, actor_id=owner.pk).get()
    assert exported.detail == {"as": "pdf"}
    text = story_text(export_story(account_export(user=owner)))
    assert "mother's dialysis" in text.replace("&#x27;", "'").replace("&#39;", "'")
    assert "Practice answers (3)" in text and "Mock interviews (1)" in text
    assert "Mallory" not in text
    assert client.get("/accounts/profile/").content.decode().count('href="/accounts/data.pdf"') == 1


def test_the_pdf_download_needs_a_log_in(client: Client) -> None:
    response = client.get("/accounts/data.pdf")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
