"""Smoke test in Chromium: home page, filter a role's questions without a reload, open one."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from questionbank.models import Question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_browse_filter_and_open_a_question(page: Page, live_server: Any, bank: None) -> None:
    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("patient-engagement interview")
    page.get_by_role("main").get_by_role("link", name="Patient Liaison").click()
    expect(page).to_have_url(f"{live_server.url}/roles/patient-liaison/")

    page.evaluate("window.__marker = 'same page'")  # survives only if nothing reloads
    total = Question.objects.filter(roles__slug="patient-liaison").count()
    technical = Question.objects.filter(roles__slug="patient-liaison", type="technical")
    expect(page.locator("#result-count")).to_contain_text(f"{total} questions")
    page.get_by_label("Type").select_option("technical")
    expect(page.locator("#result-count")).to_contain_text(f"{technical.count()} question")
    assert page.evaluate("window.__marker") == "same page"
    assert "type=technical" in page.url  # the filtered view has its own address

    first = technical.first()
    assert first is not None
    page.get_by_role("link", name=first.text).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(first.text)
    strong = first.example_answers.get(quality="strong")
    expect(page.get_by_text(strong.text[:60])).to_be_hidden()
    page.get_by_text("Show example answers").click()
    expect(page.get_by_text(strong.text[:60])).to_be_visible()


def test_search_from_the_home_page(page: Page, live_server: Any, bank: None) -> None:
    page.goto(live_server.url)
    page.get_by_label("Search the question bank").fill("portal")
    page.keyboard.press("Enter")
    expect(page.locator("#result-count")).to_contain_text("best match first")
    expect(page.locator(".question-item mark").first).to_have_text(re.compile("portal", re.I))
    expect(page.locator(".question-item").first).to_be_visible()
