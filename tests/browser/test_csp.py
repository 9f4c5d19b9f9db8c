"""In Chromium, the pages (HTMX filtering, the practice page's script, Swagger UI) work under
the Content-Security-Policy: nothing is refused."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from questionbank.models import Question
from tests.browser.test_drafts import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_no_page_breaks_the_policy(page: Page, live_server: Any, owner: User, bank: None) -> None:
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    page.on("pageerror", lambda e: refused.append(str(e)))
    question = Question.objects.filter(type="behavioural").first()
    assert question is not None
    page.goto(f"{live_server.url}/questions/?q=portal")
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .title").first).to_be_visible()
    log_in(page, live_server.url, "alice")
    page.goto(f"{live_server.url}/practice/{question.slug}/")
    page.get_by_label("Your answer").fill("A draft to keep")
    page.reload()
    expect(page.get_by_label("Your answer")).to_have_value("A draft to keep")  # script ran
    assert refused == []
