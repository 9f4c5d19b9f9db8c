"""In Chromium, at a desktop and a phone width: the home page says what to do, and a signed-in
candidate lands on their next step."""

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Page, expect

from questionbank.models import Role
from tests.browser.conftest import page_width
from tests.browser.test_practice import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_home_page_offers_practice_a_mock_interview_and_a_plan(
    sized_page: Page, live_server: Any, bank: None
) -> None:
    page = sized_page
    page.goto(live_server.url)
    for name in ("Practise a question", "Start a mock interview", "See your prep plan"):
        expect(page.get_by_role("link", name=name)).to_be_visible()
    assert page_width(page) <= page.viewport_size["width"]  # type: ignore[index]


def test_a_signed_in_candidate_lands_on_their_next_step(
    sized_page: Page, live_server: Any, owner: User, bank: None
) -> None:
    profile = owner.profile
    profile.target_role = Role.objects.get(slug="patient-portal-specialist")
    profile.level = "entry"
    profile.interview_date = timezone.localdate() + timedelta(days=5)
    profile.save()
    page = sized_page
    log_in(page, live_server.url)
    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your next step")
    expect(page.get_by_text("Your interview is in 5 days")).to_be_visible()
    first = page.locator(".today-items a").first
    expect(first).to_be_visible()
    first.click()
    expect(page.get_by_label("Your answer")).to_be_visible()
    page.go_back()
    assert page_width(page) <= page.viewport_size["width"]  # type: ignore[index]
