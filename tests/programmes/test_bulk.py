"""Bulk invitations from a CSV: every row is checked; one bad row and nothing is sent."""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from programmes.bulk import bulk_check, bulk_invite
from programmes.models import Invitation
from tests.programmes.cast import Cast

GOOD = """email,role,cohort
ana@example.org,candidate,spring
ben@example.org,Candidate,Spring intake
cy@example.org,mentor,
dee@example.org,hiring manager,
"""

BAD = """email,role,cohort
ana@example.org,candidate,spring
not-an-address,candidate,spring
ben@example.org,wizard,spring
cy@example.org,candidate,autumn
ana@example.org,candidate,
north-candidate@example.org,candidate,spring
"""


def test_a_good_file_invites_everyone_in_it(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    admin = cast.people["north:programme_admin"]
    with django_capture_on_commit_callbacks(execute=True):
        report = bulk_invite(organisation=cast.north, text=GOOD, invited_by=admin)
    assert report.ok and report.sent == 4
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ana@example.org",
        "ben@example.org",
        "cy@example.org",
        "dee@example.org",
    ]
    by_email = {i.email: i for i in Invitation.objects.all()}
    assert by_email["ben@example.org"].cohort == cast.cohorts["north"]
    assert by_email["dee@example.org"].role == "hiring_manager"
    assert by_email["cy@example.org"].cohort is None


def test_one_bad_row_and_nothing_is_sent_with_every_bad_row_explained(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    admin = cast.people["north:programme_admin"]
    with django_capture_on_commit_callbacks(execute=True):
        report = bulk_invite(organisation=cast.north, text=BAD, invited_by=admin)
    assert not report.ok and report.sent == 0
    assert not Invitation.objects.exists()
    assert mail.outbox == []
    why = {row.line: " ".join(row.problems) for row in report.bad_rows}
    assert set(why) == {3, 4, 5, 6, 7}
    assert "not an e-mail address" in why[3]
    assert "“wizard” is not a role" in why[4]
    assert "No cohort “autumn”" in why[5]
    assert "same person and role as line 2" in why[6]
    assert "already has that role" in why[7]


def test_an_archived_cohort_and_a_missing_header_are_refused(cast: Cast) -> None:
    cast.cohorts["north"].archived = True
    cast.cohorts["north"].save()
    report = bulk_check(organisation=cast.north, text=GOOD)
    assert "archived" in " ".join(report.bad_rows[0].problems)
    headless = bulk_check(organisation=cast.north, text="ana@example.org,candidate\n")
    assert not headless.ok and "must name the columns" in headless.problems[0]
    empty = bulk_check(organisation=cast.north, text="email,role,cohort\n")
    assert "no rows" in empty.problems[0]


def test_the_page_shows_the_report_and_keeps_the_organisation_unchanged(
    client: Client, cast: Cast
) -> None:
    client.force_login(cast.people["north:programme_admin"])
    upload = SimpleUploadedFile("people.csv", BAD.encode(), content_type="text/csv")
    response = client.post("/programmes/north/invite/csv/", {"file": upload})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Nobody was invited" in page and "“wizard” is not a role" in page
    assert not Invitation.objects.exists()
    good = SimpleUploadedFile("people.csv", GOOD.encode("utf-8-sig"), content_type="text/csv")
    assert client.post("/programmes/north/invite/csv/", {"file": good}).status_code == 200
    assert Invitation.objects.count() == 4
