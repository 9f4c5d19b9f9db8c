"""End-to-end in Chromium: practise and see feedback, a mock interview to its report, a PDF,
a reload in the middle of typing, and an accessibility check of the main pages."""

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from practice.models import MockInterview
from questionbank.models import Question
from tests.conftest import PASSWORD
from tests.practice.helpers import half_answer
from tests.practice.test_services import STRONG

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()


def a_question() -> Question:
    question = Question.objects.filter(type="behavioural", roles__slug="patient-liaison").first()
    assert question is not None
    return question


def test_practise_a_question_and_see_feedback(
    page: Page, live_server: Any, owner: User, bank: None
) -> None:
    log_in(page, live_server.url)
    question = a_question()
    page.goto(f"{live_server.url}{question.get_absolute_url()}")
    page.get_by_role("link", name="Practise this question").click()
    page.get_by_label("Your answer").fill(STRONG)
    page.get_by_role("button", name="Get feedback").click()
    expect(page.get_by_role("heading", name="Feedback on your answer")).to_be_visible()
    expect(page.locator(".criteria-bars li")).to_have_count(5)
    expect(page.get_by_role("heading", name="Talking points")).to_be_visible()
    expect(page.get_by_role("heading", name="Example answers")).to_be_visible()
    page.get_by_role("link", name="Try again").click()
    expect(page.get_by_label("Your answer")).to_have_value("")  # the sent draft was cleared
    page.get_by_label("Your answer").fill(STRONG + " I also wrote up what I learned for the team.")
    page.get_by_role("button", name="Get feedback").click()
    expect(page.locator(".change")).to_contain_text("since your last attempt")


def test_a_reload_while_typing_keeps_the_text(
    page: Page, live_server: Any, owner: User, bank: None
) -> None:
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/practice/{a_question().slug}/")
    page.get_by_label("Your answer").press_sequentially("Half-written answer about a delay")
    page.reload()
    expect(page.get_by_label("Your answer")).to_have_value("Half-written answer about a delay")
    expect(page.locator("#draft-restored")).to_be_visible()
    page.get_by_label("Your answer").fill("Too short")
    page.get_by_role("button", name="Get feedback").click()  # refused, and the text is kept
    expect(page.locator("#answer-error")).to_contain_text("too short")
    expect(page.get_by_label("Your answer")).to_have_value("Too short")


def test_a_mock_interview_with_a_follow_up_to_its_report_and_pdf(
    page: Page, live_server: Any, owner: User, bank: None
) -> None:
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/mock/")
    page.get_by_label("Role", exact=True).select_option("patient-liaison")
    page.get_by_label("Level").select_option("experienced")
    page.get_by_label("Length").select_option("3")
    for kind in ("Situational", "Technical", "Motivation"):
        page.get_by_label(kind).uncheck()
    page.get_by_role("button", name="Start the interview").click()
    expect(page.get_by_text("Question 1 of 3")).to_be_visible()
    interview = MockInterview.objects.get()
    follow_ups = 0
    for _ in range(6):
        if page.get_by_role("heading", name="That was the last question").is_visible():
            break
        heading = page.get_by_role("heading", level=1).inner_text()
        if page.get_by_text("I'd like to follow up on that").is_visible():
            follow_ups += 1
            answer = STRONG
        else:
            answer = half_answer(interview.steps.get(question__text=heading).question)
        page.get_by_label("Your answer").fill(answer)
        page.get_by_role("button", name="Submit answer").click()
    assert follow_ups >= 1
    page.get_by_role("button", name="Finish and see my report").click()
    expect(page.get_by_role("heading", name="Mock interview report")).to_be_visible()
    expect(page.get_by_text("Follow-up:").first).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as PDF").click()
    path = download.value.path()
    assert path is not None and path.read_bytes()[:4] == b"%PDF"


PAGES = [
    "/",
    "/roles/patient-partner/",
    "/questions/?q=portal",
    "/competencies/",
    "/accounts/login/",
    "/accounts/signup/",
]
SIGNED_IN_PAGES = [
    "/practice/",
    "/practice/own/",
    "/progress/",
    "/plan/",
    "/mock/",
    "/accounts/profile/",
]


def serious(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_main_pages_have_no_serious_accessibility_violations(
    page: Page, live_server: Any, owner: User, bank: None
) -> None:
    question = a_question()
    problems: dict[str, list[str]] = {}
    for path in [*PAGES, question.get_absolute_url()]:
        page.goto(f"{live_server.url}{path}")
        problems[path] = serious(page)
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/practice/{question.slug}/")
    problems["practice"] = serious(page)
    page.get_by_label("Your answer").fill(STRONG)
    page.get_by_role("button", name="Get feedback").click()
    problems["feedback"] = serious(page)
    for path in SIGNED_IN_PAGES:
        page.goto(f"{live_server.url}{path}")
        problems[path] = serious(page)
    assert {k: v for k, v in problems.items() if v} == {}


def test_the_accessibility_check_catches_a_real_problem(page: Page, live_server: Any) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x>')")
    assert any(problem.startswith("image-alt") for problem in serious(page))
