# ruff: noqa: F811  (the test takes the hiring tests' bank fixture, imported below, as an argument)
"""Hiring in a real browser: a hiring manager builds and publishes a kit and schedules an
interview; two interviewers score blind; the debrief appears only after both submit; the kit
PDF downloads."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from hiring.candidates import hiring_candidate_create
from programmes.models import MemberRole, Membership, Organisation
from questionbank.models import Level, Role
from tests.hiring.conftest import small_bank  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMPETENCIES = [
    "Engagement strategy",
    "Cultural competency",
    "Conflict resolution",
    "Advocacy",
    "Motivation",
]


def signed_in(browser: Browser, base: str, user: User) -> Page:
    """A browser context carrying a session for `user` (no password typing: that is tested
    elsewhere)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base}])
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def build_and_publish(page: Page, base: str) -> str:
    page.goto(f"{base}/hiring/kits/new/")
    page.get_by_label("Role", exact=True).select_option(label="Patient Liaison")
    page.get_by_label("Level", exact=True).select_option(index=1)
    page.get_by_label("Title", exact=True).fill("Liaison panel")
    page.get_by_role("button", name="Create the draft kit").click()
    for name in COMPETENCIES:
        page.get_by_label("Competency", exact=True).select_option(label=name)
        page.get_by_role("button", name="Add the competency").click()
        section = page.get_by_role("region", name=name)
        section.get_by_label("From the question bank").select_option(index=1)
        section.get_by_role("button", name="Add the question").click()
    page.get_by_role("button", name="Publish this kit").click()
    expect(page.get_by_text("It can no longer change")).to_be_visible()
    return page.url


def score(page: Page, base: str, interview_url: str, rating: str) -> None:
    page.goto(interview_url)
    for name in COMPETENCIES:
        group = page.get_by_role("group", name=name)
        group.get_by_label("Rating").select_option(rating)
        group.get_by_label("Evidence").fill(f"Described what they did ({name}).")
    page.get_by_label("Overall recommendation").select_option(label="Yes")
    page.get_by_role("button", name="Submit scorecard").click()
    expect(page.get_by_text("You can now see the panel's debrief")).to_be_visible()


def test_a_panel_scores_blind_and_debriefs(
    browser: Browser, live_server: Any, small_bank: None
) -> None:
    base = live_server.url
    org = Organisation.objects.create(name="North Hospital", slug="north")
    people = {}
    for name, role in (
        ("manager", MemberRole.HIRING_MANAGER),
        ("ira", MemberRole.INTERVIEWER),
        ("jo", MemberRole.INTERVIEWER),
    ):
        people[name] = User.objects.create_user(name, f"{name}@example.org")
        Membership.objects.create(user=people[name], organisation=org, role=role)
    candidate = hiring_candidate_create(
        organisation=org,
        name="Robin Example",
        role=Role.objects.get(slug="patient-liaison"),
        level=Level.objects.get(slug="experienced"),
        by=people["manager"],
    )
    manager = signed_in(browser, base, people["manager"])
    kit_url = build_and_publish(manager, base)
    with manager.expect_download() as download:
        manager.get_by_role("link", name="Download the kit PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")

    manager.goto(f"{base}/hiring/candidates/{candidate.pk}/interviews/new/")
    manager.get_by_label("Kit (published)").select_option(index=1)
    manager.get_by_label("Date and time").fill("2030-03-04T10:00")
    manager.get_by_label("ira").check()
    manager.get_by_label("jo").check()
    manager.get_by_role("button", name="Schedule it").click()
    interview_url = manager.get_by_role("link", name="4 Mar 2030 10:00").get_attribute("href")
    assert interview_url is not None and kit_url
    interview_url = base + interview_url

    ira = signed_in(browser, base, people["ira"])
    jo = signed_in(browser, base, people["jo"])
    score(ira, base, interview_url, "4")
    debrief = f"{base}/hiring/candidates/{candidate.pk}/debrief/"
    jo.goto(debrief)
    expect(jo.get_by_text("Submit your own scorecard for this interview")).to_be_visible()
    expect(jo.locator("table")).to_have_count(0)  # nothing of Ira's scorecard
    score(jo, base, interview_url, "2")
    jo.goto(debrief)
    table = jo.get_by_role("table")
    expect(table.get_by_role("columnheader", name="ira")).to_be_visible()
    expect(table.get_by_role("columnheader", name="jo")).to_be_visible()
    expect(table.get_by_text("Panel splits").first).to_be_visible()
