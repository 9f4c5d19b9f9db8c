"""The feedback page and the mock interview report each link to deleting what they show."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.practice import rows

pytestmark = pytest.mark.django_db


def test_the_feedback_page_links_to_deleting_the_answer(client: Client, owner: User) -> None:
    attempt = rows.attempt(owner)
    client.force_login(owner)
    page = client.get(f"/attempts/{attempt.pk}/").content.decode()
    assert f'href="/attempts/{attempt.pk}/delete/"' in page


def test_the_mock_report_links_to_deleting_the_interview(client: Client, owner: User) -> None:
    interview = rows.interview(owner, finished=rows.long_ago(0), answers=1)
    client.force_login(owner)
    page = client.get(f"/mock/{interview.pk}/report/").content.decode()
    assert f'href="/mock/{interview.pk}/delete/"' in page
