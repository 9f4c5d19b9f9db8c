"""A real browser: Debian's Chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = os.getenv("CAREPREP_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session", autouse=True)
def warm_coach() -> None:
    """Warm the answer coach once per test process, as a server does at start (careprep.wsgi):
    the live test server does not, and the first review of a fresh process encodes the whole
    bank (about 20 s for 213 questions on two busy cores), longer than a click waits."""
    from coach import review
    from coach.bank import current_bank, use_bank
    from questionbank.coaching import pack_questions

    if current_bank() is not None:
        return
    questions = pack_questions(Path(__file__).parents[2] / "content")
    use_bank(questions)
    first = questions[0]
    review(first, first["example_answer"])


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


WIDTHS = {"desktop": 1366, "phone": 390}


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def sized_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A page at a desktop width and again at a phone's (each test using it runs twice)."""
    width = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def page_width(page: Page) -> int:
    """How wide the laid-out page is: wider than the viewport means it scrolls sideways."""
    return int(page.evaluate("document.documentElement.scrollWidth"))
