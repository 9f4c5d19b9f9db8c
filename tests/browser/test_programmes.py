"""End-to-end in Chromium: a programme admin invites by e-mail, the invitee accepts (a new
account), lands in the cohort and chooses what to share; the admin's dashboard then shows the
shared summary and never the answer."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from playwright.sync_api import Browser, expect

from programmes.models import Membership
from tests.conftest import PASSWORD
from tests.practice import rows
from tests.programmes.cast import cast_build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SECRET = "I sat with Mrs Okafor after her diagnosis and we talked it through."


def test_invite_accept_share_and_the_admin_sees_only_the_summary(
    browser: Browser, live_server: Any
) -> None:
    cast = cast_build()
    admin_client = Client()
    admin_client.force_login(cast.people["north:programme_admin"])
    host = live_server.url.split("://", 1)[1].split(":")[0]
    admin_context = browser.new_context()
    admin_context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": admin_client.cookies["sessionid"].value,
                "domain": host,
                "path": "/",
            }
        ]
    )
    admin = admin_context.new_page()
    admin.set_default_timeout(10_000)

    # The first request of a live server may be slow on a busy machine.
    admin.goto(f"{live_server.url}/programmes/north/invite/", timeout=60_000)
    admin.get_by_label("E-mail address").fill("newcomer@example.org")
    admin.get_by_label("Role", exact=True).select_option("candidate")
    admin.get_by_label("Cohort").select_option(label="Spring intake")
    admin.get_by_role("button", name="Send the invitation").click()
    expect(admin.get_by_text("Invitation sent to newcomer@example.org")).to_be_visible()

    link = re.search(r"https?://\S+/invitations/\S+/", str(mail.outbox[-1].body))
    assert link is not None
    invitee_context = browser.new_context()
    invitee = invitee_context.new_page()
    invitee.set_default_timeout(10_000)
    invitee.goto(link.group(0).replace("http://127.0.0.1:8000", live_server.url))
    expect(invitee.get_by_role("heading", name="Join North Hospital")).to_be_visible()
    invitee.get_by_label("Username").fill("newcomer")
    invitee.get_by_label("Password", exact=True).fill(PASSWORD)
    invitee.get_by_label("Password confirmation").fill(PASSWORD)
    invitee.get_by_role("button", name="Create my account and join").click()

    expect(invitee.get_by_role("heading", name="What I share with North Hospital")).to_be_visible()
    expect(invitee.get_by_text("You are in the cohort Spring intake")).to_be_visible()
    newcomer = User.objects.get(username="newcomer")
    assert Membership.objects.get(user=newcomer).cohort == cast.cohorts["north"]
    rows.attempt(newcomer, answer=SECRET)
    invitee.get_by_label("How many answers I have practised").check()
    invitee.get_by_role("button", name="Save what I share").click()
    expect(invitee.get_by_text("now sees what is ticked below")).to_be_visible()

    admin.goto(f"{live_server.url}/programmes/north/?cohort=spring")
    row = admin.locator("#shared-summary tr", has_text="newcomer")
    expect(row.locator("td").nth(1)).to_have_text("1")
    expect(row.locator("td").nth(2)).to_have_text("not shared")
    assert "Mrs Okafor" not in admin.content()
    invitee_context.close()
    admin_context.close()
