"""End-to-end in Chromium, two people: a partner asks for a mentor, the mentor accepts, the
partner shares an answer, the mentor comments on one sentence and the partner sees it there;
then the partner writes a Gibbs reflection and downloads the portfolio PDF. The review and the
pathway pages are checked for serious accessibility violations on the way."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mentoring import services
from mentoring.models import PracticeShare
from tests.practice import rows
from tests.programmes.cast import cast_build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ANSWER = "I listened to the patient first. Then I explained the options. It went well."


def serious_violations(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def signed_in(browser: Browser, base: str, user: User) -> tuple[BrowserContext, Page]:
    """A browser of `user`'s own, signed in through a session cookie (no password typing)."""
    client = Client()
    client.force_login(user)
    context = browser.new_context()
    host = base.split("://", 1)[1].split(":")[0]
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "domain": host,
                "path": "/",
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


def test_pair_share_comment_reflect_and_download(browser: Browser, live_server: Any) -> None:
    cast = cast_build()
    partner, mentor = cast.candidate, cast.people["north:mentor"]
    services.mentor_profile_save(
        user=mentor,
        organisation=cast.north,
        niche="Committee work",
        capacity=2,
        lived_experience=["Diabetes"],
        languages=["English"],
    )
    rows.attempt(partner, answer=ANSWER)
    base = live_server.url
    p_context, me = signed_in(browser, base, partner)
    m_context, them = signed_in(browser, base, mentor)

    me.goto(f"{base}/mentoring/mentors/")
    me.get_by_text(f"Ask {mentor.username} to mentor you").click()
    me.get_by_label("What we want from the pairing").fill("Prepare for my interview.")
    me.get_by_role("button", name="Send request").click()
    expect(me.get_by_text("Waiting for the other person to accept.")).to_be_visible()
    pairing_url = me.url

    them.goto(pairing_url)
    them.get_by_role("button", name="Accept and start").click()
    expect(them.get_by_text("Active", exact=True)).to_be_visible()

    me.goto(f"{base}/mentoring/shared/")
    me.get_by_role("button", name=f"Share with {mentor.username}").click()
    expect(me.get_by_text(f"Shared with {mentor.username}.")).to_be_visible()
    share = PracticeShare.objects.get()

    them.goto(f"{base}/mentoring/shared/{share.pk}/")
    sentence = them.locator(f"#sentence-{share.attempt_id}-1")
    sentence.get_by_text("Comment on this sentence").click()
    sentence.get_by_label("Your comment").fill("Which options? Name two.")
    sentence.get_by_role("button", name="Add comment").click()

    me.goto(f"{base}/mentoring/shared/{share.pk}/")
    mine = me.locator(f"#sentence-{share.attempt_id}-1")
    expect(mine).to_contain_text("Then I explained the options.")
    expect(mine).to_contain_text("Which options? Name two.")
    assert serious_violations(me) == []

    me.goto(f"{base}/mentoring/journal/new/gibbs/")
    me.get_by_label("Title").fill("My first ward visit")
    me.get_by_label("Description").fill("I visited the ward with the patient experience team.")
    me.get_by_label("Feelings").fill("Nervous, then glad I went.")
    me.get_by_role("button", name="Save reflection").click()
    expect(me.get_by_role("heading", name="My first ward visit")).to_be_visible()

    me.goto(f"{base}/mentoring/")
    assert serious_violations(me) == []
    with me.expect_download() as download:
        me.get_by_role("link", name="Download my portfolio (PDF)").click()
    assert download.value.suggested_filename == "careprep-portfolio.pdf"
    p_context.close()
    m_context.close()
