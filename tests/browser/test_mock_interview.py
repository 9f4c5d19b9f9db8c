"""In Chromium, at a desktop and a phone width: a mock interview greets, ending early asks first,
and the report reads like a debrief with each answer and its advice."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from practice.models import MockInterview
from practice.personas import persona_for
from tests.browser.conftest import page_width
from tests.browser.test_practice import log_in
from tests.practice.test_services import STRONG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_end_early_after_confirming_and_read_the_debrief(
    sized_page: Page, live_server: Any, owner: User, bank: None
) -> None:
    page = sized_page
    page.set_default_timeout(240_000)  # the coach warms up on the first answer (slow when busy)
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/mock/")
    page.get_by_label("Role", exact=True).select_option("patient-portal-specialist")
    page.get_by_label("Length").select_option("3")
    page.get_by_role("button", name="Start the interview").click()
    interview = MockInterview.objects.get()
    persona = persona_for("patient-portal-specialist", interview.pk)
    expect(page.get_by_text(f"Hello, I'm {persona.first_name}")).to_be_visible()
    expect(page.get_by_text(f"{persona.name}, {persona.title}:")).to_be_visible()

    page.wait_for_timeout(1500)  # some time on the question's page before the paste
    page.get_by_label("Your answer").fill(STRONG)  # a pasted answer: no typing time
    page.get_by_role("button", name="Submit answer").click()
    if page.get_by_text("I'd like to follow up on that").is_visible():
        page.get_by_label("Your answer").fill(STRONG)
        page.get_by_role("button", name="Submit answer").click()
    page.get_by_role("button", name="End the interview now").click()
    expect(page.get_by_role("heading", name="End the interview now?")).to_be_visible()
    page.get_by_role("link", name="No, go back to the question").click()
    expect(page.get_by_role("button", name="Submit answer")).to_be_visible()
    page.get_by_role("button", name="End the interview now").click()
    page.get_by_role("button", name="Yes, end the interview").click()

    expect(page.get_by_role("heading", name="Mock interview report")).to_be_visible()
    debrief = page.locator(".debrief")
    expect(debrief).to_contain_text("You answered 1 of 3 questions before ending the interview")
    expect(debrief).not_to_contain_text(" 0 s")
    expect(page.get_by_text(STRONG[:50]).first).to_be_visible()
    expect(page.get_by_text("Advice").first).to_be_visible()
    expect(page.get_by_text("Keep practising")).to_have_count(0)
    assert page_width(page) <= page.viewport_size["width"]  # type: ignore[index]
