"""The programme admin's dashboard: each candidate's shared items only, never answer text; the
cohort's weakest competencies from shared averages; the CSV export; every other role gets 404."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from accounts.services import profile_for
from audit.models import AuditEvent, Event
from practice.models import Attempt
from programmes import admin_views
from programmes.dashboard import cohort_view
from programmes.models import Membership, ProgrammeShare
from questionbank.models import Competency
from tests.practice import rows
from tests.programmes.cast import EVERYONE_ELSE, Cast

SECRET = "My private answer about Mrs Patel."


@pytest.fixture
def practised(cast: Cast) -> Cast:
    """The candidate answered twice (61 each in Empathy) and finished a mock interview; a second
    candidate in the cohort shares nothing."""
    rows.attempt(cast.candidate, answer=SECRET)
    rows.interview(cast.candidate, finished=rows.long_ago(1), answers=1)
    Attempt.objects.update(competency=Competency.objects.get(slug="rows-empathy"))
    profile = profile_for(cast.candidate)
    profile.interview_date = rows.long_ago(-20).date()
    profile.save()
    quiet = Membership.objects.get(user=cast.people["north:mentor"])
    quiet.pk, quiet.role = None, "candidate"
    quiet.save()
    rows.attempt(cast.people["north:mentor"], answer="The mentor's own practice.")
    return cast


def _share(cast: Cast, **items: bool) -> None:
    ProgrammeShare.objects.update_or_create(
        user=cast.candidate, organisation=cast.north, defaults=items
    )


def test_nothing_shared_shows_nothing_but_the_name(practised: Cast) -> None:
    admin = practised.people["north:programme_admin"]
    view = cohort_view(viewer=admin, organisation=practised.north, cohort=None)
    alice = next(c for c in view.candidates if c.username == "north-candidate")
    assert alice.shared == []
    assert (alice.practice_count, alice.mock_interviews, alice.interview_date) == (None,) * 3
    assert alice.competency_averages is None
    assert view.weakest == []


def test_each_shared_item_appears_and_only_that_one(practised: Cast) -> None:
    admin = practised.people["north:programme_admin"]
    _share(practised, practice_count=True, competency_averages=True)
    view = cohort_view(viewer=admin, organisation=practised.north, cohort=None)
    alice = next(c for c in view.candidates if c.username == "north-candidate")
    assert alice.practice_count == 2
    assert alice.mock_interviews is None and alice.interview_date is None
    assert alice.competency_averages == {"Empathy": 61}
    assert view.weakest == [("Empathy", 61, 1)]  # the mentor-candidate shares nothing


def test_the_page_shows_the_summary_and_never_an_answer(client: Client, practised: Cast) -> None:
    _share(practised, practice_count=True, mock_interviews=True, interview_date=True)
    client.force_login(practised.people["north:programme_admin"])
    page = client.get("/programmes/north/").content.decode()
    assert "north-candidate" in page and "Mock interviews finished" in page
    assert SECRET not in page and "Mrs Patel" not in page
    assert "The mentor's own practice" not in page
    assert "not shared" in page  # the averages, and everything of the second candidate


def test_the_csv_export_holds_shared_figures_only_and_is_audited(
    client: Client, practised: Cast
) -> None:
    _share(practised, mock_interviews=True)
    client.force_login(practised.people["north:programme_admin"])
    response = client.get("/programmes/north/export.csv?cohort=spring")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert "Mrs Patel" not in body
    lines = {row[0]: row for row in csv.reader(io.StringIO(body))}
    assert lines["north-candidate"][2:5] == ["not shared", "1", "not shared"]
    assert lines["north-mentor"][2] == "not shared"
    assert AuditEvent.objects.filter(event=Event.DATA_EXPORTED).exists()


@pytest.mark.parametrize("who", [w for w in EVERYONE_ELSE if w != "north:programme_admin"])
def test_every_other_role_gets_404_on_the_admin_pages(
    client: Client, practised: Cast, who: str
) -> None:
    _share(practised, practice_count=True, competency_averages=True)
    client.force_login(practised.people[who])
    for url in (
        "/programmes/north/",
        "/programmes/north/export.csv",
        "/programmes/north/invite/",
        "/programmes/north/invite/csv/",
        "/programmes/north/cohorts/new/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post("/programmes/north/cohorts/spring/archive/").status_code == 404
    assert not cohort_view(
        viewer=practised.people[who], organisation=practised.north, cohort=None
    ).candidates


def test_a_candidate_turns_each_item_on_and_off(client: Client, cast: Cast) -> None:
    client.force_login(cast.candidate)
    page = client.get("/programmes/north/sharing/").content.decode()
    assert "What I share with North Hospital" in page
    client.post("/programmes/north/sharing/", {"practice_count": "on", "interview_date": "on"})
    share = ProgrammeShare.objects.get(user=cast.candidate)
    assert share.shared_items() == ["practice_count", "interview_date"]
    client.post("/programmes/north/sharing/", {"interview_date": "on"})
    share.refresh_from_db()
    assert share.shared_items() == ["interview_date"]
    assert AuditEvent.objects.filter(event=Event.SHARE_CHANGED).count() == 2
    client.force_login(cast.people["north:mentor"])  # not a candidate there
    assert client.get("/programmes/north/sharing/").status_code == 404


def test_the_admin_invites_one_person_from_the_dashboard(client: Client, cast: Cast) -> None:
    client.force_login(cast.people["north:programme_admin"])
    response = client.post(
        "/programmes/north/invite/",
        {"email": "new@example.org", "role": "candidate", "cohort": cast.cohorts["north"].pk},
    )
    assert response.status_code == 302
    assert b"new@example.org" in client.get("/programmes/north/").content
    foreign = client.post(
        "/programmes/north/invite/",
        {"email": "x@example.org", "role": "candidate", "cohort": cast.cohorts["south"].pk},
    )
    assert foreign.status_code == 200 and b"Select a valid choice" in foreign.content


def test_averages_count_a_reviewed_zero_and_skip_answers_still_in_review(cast: Cast) -> None:
    """Empathy: 80 and a reviewed 0 average 40; the answer still in review (a placeholder 0)
    counts for nothing, and a competency with only such answers has no average yet."""
    empathy = rows.question().competency
    other = Competency.objects.create(
        slug="rows-clarity",
        name="Clarity",
        definition="d",
        anchor_1="a",
        anchor_3="b",
        anchor_5="c",
    )
    for score, status, competency in [
        (80, Attempt.Review.DONE, empathy),
        (0, Attempt.Review.DONE, empathy),
        (0, Attempt.Review.PENDING, empathy),
        (0, Attempt.Review.PENDING, other),
    ]:
        made = rows.attempt(cast.candidate)
        Attempt.objects.filter(pk=made.pk).update(
            overall=score, review_status=status, competency=competency
        )
    _share(cast, competency_averages=True)
    admin = cast.people["north:programme_admin"]
    view = cohort_view(viewer=admin, organisation=cast.north, cohort=None)
    alice = next(c for c in view.candidates if c.username == "north-candidate")
    assert alice.competency_averages == {"Empathy": 40}
    assert view.weakest == [("Empathy", 40, 1)]


def test_the_members_list_comes_in_pages(
    client: Client, cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(admin_views, "MEMBERS_PER_PAGE", 2)
    names = sorted(m.user.username for m in Membership.objects.filter(organisation=cast.north))
    assert len(names) == 5
    client.force_login(cast.people["north:programme_admin"])

    def listed(query: str) -> list[str]:
        page = client.get(f"/programmes/north/{query}").content.decode()
        members = page[page.index('id="members-title"') :]
        return [n for n in names if f'<th scope="row">{n}</th>' in members]

    assert listed("") == names[:2]
    assert listed("?page=2") == names[2:4]
    assert listed("?page=3") == listed("?page=99") == names[4:]
    assert listed("?page=nonsense") == names[:2]
    page = client.get("/programmes/north/?cohort=spring&page=2").content.decode()
    assert "Members 3 to 4 of 5." in page
    assert 'href="?cohort=spring&amp;page=3"' in page and 'href="?cohort=spring&amp;page=1"' in page
