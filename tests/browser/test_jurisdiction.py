"""In Chromium: choosing a jurisdiction in the profile changes the role page, the question page
and the guide PDF."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser.test_practice import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_profiles_jurisdiction_changes_what_a_candidate_sees(
    page: Page, live_server: Any, owner: User, bank: None
) -> None:
    base = live_server.url
    log_in(page, base)
    us_only = page.get_by_role("link", name="their insurer has denied coverage", exact=False)
    page.goto(f"{base}/roles/patient-advocate/")
    expect(page.locator("#jurisdiction-note")).to_contain_text("every jurisdiction")
    expect(us_only).to_be_visible()
    with page.expect_download() as general_pdf:
        page.get_by_role("link", name="Download the question guide (PDF)").click()
    general_size = general_pdf.value.path().stat().st_size

    page.goto(f"{base}/accounts/profile/")
    page.get_by_label("Where you will work").select_option("uk-eng")
    page.get_by_role("button", name="Save").click()

    page.goto(f"{base}/roles/patient-advocate/")
    expect(page.locator("#jurisdiction-note")).to_contain_text("England")
    expect(us_only).to_have_count(0)
    with page.expect_download() as uk_pdf:
        page.get_by_role("link", name="Download the question guide (PDF)").click()
    assert uk_pdf.value.path().stat().st_size < general_size

    page.goto(f"{base}/questions/pa-grievance-process/")
    expect(
        page.get_by_text("acknowledge within three working days", exact=False).first
    ).to_be_visible()
    expect(page.get_by_text("Under US CMS guidance", exact=False)).to_have_count(0)
    expect(page.get_by_role("heading", name="Sources")).to_be_visible()
