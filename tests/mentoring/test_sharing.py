"""Shared practice on every read path: shared, the mentor reads it; unshared (or the pairing
ended), every page, API call and PDF is a 404 again."""

from __future__ import annotations

import pytest
from django.test import Client

from mentoring import services
from mentoring.models import Pairing
from practice.models import Attempt, MockInterview
from programmes import policy
from tests.mentoring.conftest import mentor_of
from tests.practice import rows
from tests.programmes.cast import Cast

SECRET = "My answer about a long wait in the emergency department."


@pytest.fixture
def attempt(cast: Cast) -> Attempt:
    return rows.attempt(cast.candidate, answer=f"{SECRET} I listened first. Then I acted.")


@pytest.fixture
def interview(cast: Cast) -> MockInterview:
    return rows.interview(cast.candidate, finished=rows.long_ago(1))


def _attempt_paths(attempt: Attempt, share_pk: int) -> list[str]:
    return [
        f"/attempts/{attempt.pk}/",
        f"/api/v1/attempts/{attempt.pk}",
        f"/mentoring/shared/{share_pk}/",
        f"/api/v1/mentoring/shares/{share_pk}",
    ]


def _interview_paths(interview: MockInterview, share_pk: int) -> list[str]:
    first = interview.attempts.order_by("pk").first()
    assert first is not None
    return [
        f"/mock/{interview.pk}/report/",
        f"/mock/{interview.pk}/report.pdf",
        f"/api/v1/mock-interviews/{interview.pk}",
        f"/attempts/{first.pk}/",
        f"/mentoring/shared/{share_pk}/",
        f"/api/v1/mentoring/shares/{share_pk}",
    ]


def _statuses(client: Client, paths: list[str]) -> dict[str, int]:
    return {path: client.get(path).status_code for path in paths}


def test_nothing_is_visible_to_the_mentor_before_it_is_shared(
    client: Client, cast: Cast, pairing: Pairing, attempt: Attempt, bank: None
) -> None:
    client.force_login(mentor_of(pairing))
    for path in (f"/attempts/{attempt.pk}/", f"/api/v1/attempts/{attempt.pk}"):
        response = client.get(path)
        assert response.status_code == 404 and SECRET.encode() not in response.content


def test_a_shared_attempt_is_readable_and_unsharing_makes_it_404(
    client: Client, pairing: Pairing, attempt: Attempt, bank: None
) -> None:
    share = services.practice_share(pairing=pairing, attempt=attempt)
    paths = _attempt_paths(attempt, share.pk)
    client.force_login(mentor_of(pairing))
    assert set(_statuses(client, paths).values()) == {200}
    assert SECRET.encode() in client.get(f"/mentoring/shared/{share.pk}/").content

    services.practice_unshare(share=share)
    assert set(_statuses(client, paths).values()) == {404}
    # Sharing again opens it again, with nothing lost.
    services.practice_share(pairing=pairing, attempt=attempt)
    assert set(_statuses(client, paths).values()) == {200}


def test_a_shared_mock_interview_opens_its_report_pdf_and_answers_until_unshared(
    client: Client, pairing: Pairing, interview: MockInterview, bank: None
) -> None:
    share = services.practice_share(pairing=pairing, interview=interview)
    paths = _interview_paths(interview, share.pk)
    client.force_login(mentor_of(pairing))
    assert set(_statuses(client, paths).values()) == {200}
    assert client.get(paths[1])["Content-Type"] == "application/pdf"
    services.practice_unshare(share=share)
    assert set(_statuses(client, paths).values()) == {404}


def test_ending_the_pairing_closes_every_share(
    client: Client, pairing: Pairing, attempt: Attempt, bank: None
) -> None:
    share = services.practice_share(pairing=pairing, attempt=attempt)
    services.pairing_end(pairing=pairing, user=pairing.partner)
    client.force_login(mentor_of(pairing))
    assert set(_statuses(client, _attempt_paths(attempt, share.pk)).values()) == {404}


@pytest.mark.parametrize("who", ["south:mentor", "north:programme_admin", "north:interviewer"])
def test_a_share_opens_nothing_to_anyone_but_the_pairings_mentor(
    client: Client, cast: Cast, pairing: Pairing, attempt: Attempt, bank: None, who: str
) -> None:
    share = services.practice_share(pairing=pairing, attempt=attempt)
    client.force_login(cast.people[who])
    assert set(_statuses(client, _attempt_paths(attempt, share.pk)).values()) == {404}


def test_sharing_opens_reading_only(pairing: Pairing, attempt: Attempt) -> None:
    services.practice_share(pairing=pairing, attempt=attempt)
    assert attempt in policy.attempts_visible_to(pairing.mentor)
    assert attempt not in policy.attempts_editable_by(pairing.mentor)


def test_only_the_candidates_own_practice_can_be_shared(cast: Cast, pairing: Pairing) -> None:
    someone_elses = rows.attempt(cast.people["south:candidate"])
    with pytest.raises(Exception, match="your own"):
        services.practice_share(pairing=pairing, attempt=someone_elses)
