"""In Chromium, at a desktop and a phone width: typing in the bank's search box ranks the
results in place (no reload), marks the matched words, updates the announced count, and the
results are reachable by keyboard."""

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import page_width

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_a_word_ranks_and_marks_the_results_in_place(
    sized_page: Page, live_server: Any, bank: None
) -> None:
    page = sized_page
    page.set_default_timeout(30_000)  # the first page of a fresh server is slow when busy
    page.goto(f"{live_server.url}/questions/")
    page.evaluate("window.__marker = 'same page'")
    page.get_by_label("Search", exact=True).fill("portals")
    count = page.get_by_role("status")
    expect(count).to_contain_text("match “portals”, best match first")
    first = page.locator("ol.ranked > li").first
    expect(first.locator("mark").first).to_have_text(re.compile("^portal$", re.IGNORECASE))
    expect(first.locator(".roles")).to_contain_text("Patient Portal Specialist")
    assert page.evaluate("window.__marker") == "same page"
    assert "q=portals" in page.url

    page.get_by_label("Search", exact=True).fill("zzqxv")
    expect(count).to_contain_text("No questions match “zzqxv”")
    page.get_by_label("Search", exact=True).fill("portal")
    expect(count).to_contain_text("match “portal”")  # swapped in: nothing moves focus later
    page.get_by_label("Search", exact=True).focus()
    for _ in range(30):  # past the filters and the button, to the first result
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('ol.ranked') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('ol.ranked') !== null")
    assert page_width(page) <= page.viewport_size["width"]  # type: ignore[index]
