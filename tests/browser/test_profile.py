"""In Chromium, at a desktop and a phone width: the interview date survives two saves, and a
date in the past is refused."""

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.conftest import page_width
from tests.browser.test_practice import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_interview_date_survives_two_saves(
    sized_page: Page, live_server: Any, owner: User
) -> None:
    page = sized_page
    log_in(page, live_server.url)
    soon = timezone.localdate() + timedelta(days=21)
    date_box = page.get_by_label("Interview date")
    date_box.fill(soon.isoformat())
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved")).to_be_visible()
    expect(date_box).to_have_value(soon.isoformat())
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved")).to_be_visible()
    expect(date_box).to_have_value(soon.isoformat())
    owner.refresh_from_db()
    assert owner.profile.interview_date == soon
    assert page_width(page) <= page.viewport_size["width"]  # type: ignore[index]


def test_a_past_date_and_no_minutes_are_refused(
    sized_page: Page, live_server: Any, owner: User
) -> None:
    page = sized_page
    log_in(page, live_server.url)
    page.get_by_label("Interview date").fill("2020-01-01")
    page.get_by_label("Minutes a day for practice").fill("0")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("That date has passed")).to_be_visible()
    expect(page.get_by_text("Choose between 5 and 240 minutes a day")).to_be_visible()
    expect(page.get_by_text("Profile saved")).to_have_count(0)
