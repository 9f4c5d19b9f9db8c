"""At 390 px (a phone) no page scrolls sideways; at 1366 px neither. Signed out and signed in."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page

from tests.browser.conftest import page_width
from tests.browser.test_practice import PAGES, SIGNED_IN_PAGES, a_question, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def wide_elements(page: Page) -> list[str]:
    """The elements that reach past the right edge of the viewport, to name the culprit."""
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right
                           > document.documentElement.clientWidth + 1)
              .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.className && typeof e.className === 'string' ? '.' + e.className : ''))"""
        )
    )


def test_no_page_scrolls_sideways(
    sized_page: Page, live_server: Any, owner: User, bank: None
) -> None:
    page = sized_page
    width = page.viewport_size["width"]  # type: ignore[index]
    question = a_question()
    too_wide: dict[str, list[str]] = {}
    signed_out = [*PAGES, "/questions/", "/roles/patient-portal-specialist/"]
    for path in [*signed_out, question.get_absolute_url()]:
        page.goto(f"{live_server.url}{path}")
        if page_width(page) > width:
            too_wide[path] = wide_elements(page)
    log_in(page, live_server.url)
    for path in [*SIGNED_IN_PAGES, f"/practice/{question.slug}/", "/roles/patient-liaison/"]:
        page.goto(f"{live_server.url}{path}")
        if page_width(page) > width:
            too_wide[path] = wide_elements(page)
    assert too_wide == {}
