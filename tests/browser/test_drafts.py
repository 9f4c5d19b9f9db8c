"""Shared computers: a second person on the same browser never gets the first one's draft,
whether the first logged out or just walked away (the session ended)."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from questionbank.models import Question
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAFT = "The patient on ward 7 told me about her diagnosis and I had not sent this yet."


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()


def leave_a_draft(page: Page, base: str, question: Question) -> None:
    log_in(page, base, "alice")
    page.goto(f"{base}/practice/{question.slug}/")
    page.get_by_label("Your answer").fill(DRAFT)
    page.reload()
    expect(page.get_by_label("Your answer")).to_have_value(DRAFT)  # kept for its owner


def drafts_kept(page: Page) -> list[str]:
    script = "Object.keys(localStorage).filter(k => k.startsWith('careprep:draft:'))"
    return list(page.evaluate(script))


@pytest.fixture
def question(bank: None) -> Question:
    found = Question.objects.filter(type="behavioural").first()
    assert found is not None
    return found


def test_logging_out_forgets_the_draft(
    page: Page, live_server: Any, owner: User, outsider: User, question: Question
) -> None:
    leave_a_draft(page, live_server.url, question)
    page.get_by_role("button", name="Log out").click()
    assert drafts_kept(page) == []
    log_in(page, live_server.url, "mallory")
    page.goto(f"{live_server.url}/practice/{question.slug}/")
    expect(page.get_by_label("Your answer")).to_have_value("")
    expect(page.locator("#draft-restored")).to_be_hidden()


def test_a_draft_left_by_an_ended_session_is_not_shown_to_the_next_person(
    page: Page, live_server: Any, owner: User, outsider: User, question: Question
) -> None:
    leave_a_draft(page, live_server.url, question)
    page.context.clear_cookies()  # the session ended without a log-out
    log_in(page, live_server.url, "mallory")
    page.goto(f"{live_server.url}/practice/{question.slug}/")
    expect(page.get_by_label("Your answer")).to_have_value("")
    expect(page.locator("#draft-restored")).to_be_hidden()
    assert all(":" + str(owner.pk) + ":" not in k for k in drafts_kept(page))
