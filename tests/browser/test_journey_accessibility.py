"""axe-core in Chromium over the candidate's journey as it now stands, with real data: the
signed-in home page's next step, search results with marked words, a mock interview under way,
ending it, its report, the progress chart and the prep plan. No serious or critical violation at
1366 px, and none of these pages scrolls sideways at 390 px."""

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from practice.models import Attempt
from practice.services import attempt_create, mock_answer, mock_create, mock_finish
from questionbank.models import Question, Role
from tests.browser.conftest import page_width
from tests.browser.test_practice import log_in, serious
from tests.practice.test_services import NO_RESULT, STRONG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def journey_of(owner: User) -> list[str]:
    """A candidate two weeks into preparing: answers on several days, a finished mock interview
    and one under way, a profile with a role, level and date. Returns the pages to check."""
    role = Role.objects.get(slug="patient-portal-specialist")
    profile = owner.profile
    profile.target_role, profile.level = role, "entry"
    profile.interview_date = timezone.localdate() + timedelta(days=12)
    profile.save()
    questions = list(Question.objects.filter(roles=role).order_by("order")[:3])
    answers = [NO_RESULT, STRONG] * 3
    for n, (question, answer) in enumerate(zip(questions * 2, answers, strict=True)):
        attempt = attempt_create(user=owner, question=question, answer=answer)
        when = timezone.now() - timedelta(days=10 - 2 * n)
        Attempt.objects.filter(pk=attempt.pk).update(created_at=when)
    done = mock_create(user=owner, role=role, level="entry", length=2, mix=["technical"], seed=2)
    mock_answer(interview=done, answer=STRONG)
    mock_finish(interview=done)
    going = mock_create(user=owner, role=role, level="entry", length=2, mix=["technical"], seed=3)
    return [
        "/",
        "/questions/?q=portal+privacy",
        "/roles/patient-portal-specialist/?q=proxy",
        f"/mock/{going.pk}/",
        f"/mock/{done.pk}/report/",
        "/progress/",
        "/plan/",
    ]


def test_the_journey_pages_pass_axe_and_fit_a_phone(
    browser: Browser, live_server: Any, owner: User, bank: None
) -> None:
    pages = journey_of(owner)
    problems: dict[str, list[str]] = {}
    too_wide: dict[str, int] = {}
    for width in (1366, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.set_default_timeout(20_000)
        log_in(page, live_server.url)

        def check(name: str, page: Page = page, width: int = width) -> None:
            if width == 1366:
                problems[name] = serious(page)
            elif page_width(page) > width:
                too_wide[name] = page_width(page)

        for path in pages:
            page.goto(f"{live_server.url}{path}")
            expect(page.locator("main h1")).to_be_visible()
            check(path)
            if path.startswith("/mock/") and "report" not in path:
                page.get_by_role("button", name="End the interview now").click()  # it asks first
                expect(page.get_by_role("heading", name="End the interview now?")).to_be_visible()
                check(f"{path} (ending)")
        context.close()
    assert {k: v for k, v in problems.items() if v} == {}
    assert too_wide == {}
