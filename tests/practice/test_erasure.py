"""Deleting one attempt or one mock interview (owner only, after confirmation), and retention."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from typer.testing import CliRunner

from careprep.cli import app
from practice.erasure import retention_apply
from practice.models import Attempt, MockInterview, MockStep
from tests.practice import rows

pytestmark = pytest.mark.django_db


def test_deleting_an_attempt_asks_first_then_deletes_it(client: Client, owner: User) -> None:
    attempt = rows.attempt(owner)
    client.force_login(owner)

    page = client.get(f"/attempts/{attempt.pk}/delete/")
    assert page.status_code == 200 and b"csrfmiddlewaretoken" in page.content
    assert Attempt.objects.filter(pk=attempt.pk).exists()

    response = client.post(f"/attempts/{attempt.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == "/progress/"
    assert not Attempt.objects.filter(pk=attempt.pk).exists()
    assert client.get(f"/attempts/{attempt.pk}/").status_code == 404


def test_an_outsider_cannot_see_or_delete_someone_elses_attempt(
    client: Client, owner: User, outsider: User
) -> None:
    attempt = rows.attempt(owner)
    client.force_login(outsider)
    assert client.get(f"/attempts/{attempt.pk}/delete/").status_code == 404
    assert client.post(f"/attempts/{attempt.pk}/delete/").status_code == 404
    assert Attempt.objects.filter(pk=attempt.pk).exists()


def test_deletion_needs_the_csrf_token(owner: User) -> None:
    attempt = rows.attempt(owner)
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post(f"/attempts/{attempt.pk}/delete/").status_code == 403
    assert Attempt.objects.filter(pk=attempt.pk).exists()


def test_deleting_a_mock_interview_takes_its_steps_and_attempts(
    client: Client, owner: User
) -> None:
    mock = rows.interview(owner, answers=3)
    other = rows.interview(owner, answers=1)
    alone = rows.attempt(owner)
    client.force_login(owner)

    page = client.get(f"/mock/{mock.pk}/delete/")
    assert page.status_code == 200 and "3 answers" in page.content.decode()
    response = client.post(f"/mock/{mock.pk}/delete/")

    assert response.status_code == 302
    assert not MockInterview.objects.filter(pk=mock.pk).exists()
    assert not MockStep.objects.filter(interview_id=mock.pk).exists()
    assert not Attempt.objects.filter(mock_interview_id=mock.pk).exists()
    assert set(Attempt.objects.filter(user=owner)) == {alone, *other.attempts.all()}


def test_an_outsider_cannot_delete_someone_elses_mock_interview(
    client: Client, owner: User, outsider: User
) -> None:
    mock = rows.interview(owner)
    client.force_login(outsider)
    assert client.get(f"/mock/{mock.pk}/delete/").status_code == 404
    assert client.post(f"/mock/{mock.pk}/delete/").status_code == 404
    assert MockInterview.objects.filter(pk=mock.pk).exists()


def test_the_progress_page_links_to_each_delete(client: Client, owner: User) -> None:
    attempt = rows.attempt(owner)
    mock = rows.interview(owner, answers=1)
    client.force_login(owner)
    page = client.get("/progress/").content.decode()
    assert f'href="/attempts/{attempt.pk}/delete/"' in page
    assert f'href="/mock/{mock.pk}/delete/"' in page


def _world(user: User) -> dict[str, Any]:
    return {
        "old": rows.attempt(user, when=rows.long_ago(40)),
        "new": rows.attempt(user, when=rows.long_ago(5)),
        "old_mock": rows.interview(user, finished=rows.long_ago(40)),
        "new_mock": rows.interview(user, finished=rows.long_ago(5)),
        "open_mock": rows.interview(user, answers=1),
    }


def test_retention_removes_only_what_is_older_and_is_idempotent(owner: User) -> None:
    world = _world(owner)
    Attempt.objects.filter(mock_interview=world["open_mock"]).update(created_at=rows.long_ago(90))

    first = retention_apply(days=30)
    assert (first.attempts, first.interviews) == (3, 1)  # the old attempt and the old mock's two
    assert not Attempt.objects.filter(pk=world["old"].pk).exists()
    assert set(MockInterview.objects.all()) == {world["new_mock"], world["open_mock"]}
    assert Attempt.objects.filter(user=owner).count() == 1 + 2 + 1

    second = retention_apply(days=30)
    assert (second.attempts, second.interviews) == (0, 0)


def test_retention_zero_keeps_everything(owner: User) -> None:
    _world(owner)
    report = retention_apply(days=0)
    assert report.cutoff is None and "nothing removed" in str(report)
    assert Attempt.objects.count() == 2 + 2 + 2 + 1


def test_the_command_reads_retention_days_and_takes_days(owner: User) -> None:
    _world(owner)
    runner = CliRunner()
    with override_settings(RETENTION_DAYS=0):
        result = runner.invoke(app, ["retention", "apply"])
    assert result.exit_code == 0, result.output
    assert "nothing removed" in result.output
    with override_settings(RETENTION_DAYS=30):
        result = runner.invoke(app, ["retention", "apply"])
    assert "removed 3 attempts and 1 finished mock interviews" in result.output
    result = runner.invoke(app, ["retention", "apply", "--days", "1"])
    assert "removed 3 attempts and 1 finished mock interviews" in result.output
    assert runner.invoke(app, ["retention", "apply", "--days", "-1"]).exit_code == 2
