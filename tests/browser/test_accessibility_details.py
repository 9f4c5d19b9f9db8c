"""In Chromium, at a desktop and a phone width: help texts named by real ids, the mock form's
question types in a fieldset, a focus ring that is not the error colour, the speech button after a
refused microphone, and a favicon."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser.test_practice import PAGES, SIGNED_IN_PAGES, a_question, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MISSING_IDS = """() => [...document.querySelectorAll('[aria-describedby], [aria-labelledby]')]
  .flatMap(e => ((e.getAttribute('aria-describedby') || '') + ' '
                 + (e.getAttribute('aria-labelledby') || '')).split(/\\s+/).filter(Boolean))
  .filter(id => !document.getElementById(id))"""

# A recogniser that refuses the microphone the way Chromium does when permission is denied.
REFUSING_RECOGNITION = """
window.SpeechRecognition = class {
  start() { setTimeout(() => { this.onerror({error: 'not-allowed'}); this.onend(); }, 10); }
  stop() {}
};
"""


def test_every_described_by_and_labelled_by_id_exists(
    sized_page: Page, live_server: Any, owner: User, bank: None
) -> None:
    page = sized_page
    missing: dict[str, list[str]] = {}
    for path in [*PAGES, "/accounts/password_reset/"]:
        page.goto(f"{live_server.url}{path}")
        missing[path] = page.evaluate(MISSING_IDS)
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/accounts/profile/")
    page.get_by_label("Minutes a day for practice").fill("0")
    page.get_by_role("button", name="Save profile").click()
    missing["profile with an error"] = page.evaluate(MISSING_IDS)
    for path in [*SIGNED_IN_PAGES, f"/practice/{a_question().slug}/"]:
        page.goto(f"{live_server.url}{path}")
        missing[path] = page.evaluate(MISSING_IDS)
    assert {k: v for k, v in missing.items() if v} == {}


def test_the_mock_forms_question_types_are_a_named_group(
    sized_page: Page, live_server: Any, owner: User, bank: None
) -> None:
    page = sized_page
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/mock/")
    group = page.get_by_role("group", name="Question types")
    expect(group).to_be_visible()
    expect(group.get_by_role("checkbox")).to_have_count(4)
    assert page.locator('label[for=""]').count() == 0


def test_the_focus_ring_on_a_text_box_is_not_the_error_colour(
    sized_page: Page, live_server: Any, bank: None
) -> None:
    page = sized_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.keyboard.press("Tab")  # the skip link, then on to the first text box
    box = page.get_by_label("Username")
    while not box.evaluate("e => e === document.activeElement"):
        page.keyboard.press("Tab")
    ring = box.evaluate("e => getComputedStyle(e).outlineColor")
    error = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--bad').trim()"
    )
    assert ring == "rgb(29, 78, 216)" and error == "#9b1c1c"
    assert box.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"


def test_a_refused_microphone_puts_the_speech_button_back(
    sized_page: Page, live_server: Any, owner: User, bank: None
) -> None:
    page = sized_page
    page.add_init_script(REFUSING_RECOGNITION)
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/practice/{a_question().slug}/")
    button = page.get_by_role("button", name="Speak your answer")
    button.click()
    expect(page.get_by_text("did not allow the microphone")).to_be_visible()
    expect(button).to_have_text("Speak your answer")
    expect(button).to_have_attribute("aria-pressed", "false")
    assert page.locator("input[name=mode]").input_value() == "typed"


def test_every_page_has_a_favicon_the_server_serves(
    sized_page: Page, live_server: Any, bank: None
) -> None:
    page = sized_page
    page.goto(live_server.url)
    href = page.locator('link[rel="icon"]').get_attribute("href")
    assert href is not None
    icon = page.request.get(f"{live_server.url}{href}")
    assert icon.ok and icon.headers["content-type"].startswith("image/svg")
    legacy = page.request.get(f"{live_server.url}/favicon.ico")
    assert legacy.ok and legacy.url.endswith(".svg")
