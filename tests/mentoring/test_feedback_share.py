"""The share button on an attempt's feedback page: shown to a candidate with an active mentor,
posts (with CSRF) to share or stop sharing, and is absent for everyone else."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from mentoring import services
from mentoring.models import Pairing, PracticeShare
from practice.models import Attempt
from tests.mentoring.conftest import mentor_of
from tests.practice import rows
from tests.programmes.cast import Cast

ANSWER = "I asked the family what mattered most. Then I took it to the ward manager."
SHARE_BUTTON = "Share this answer with north-mentor"
STOP_BUTTON = "Stop sharing with north-mentor"


@pytest.fixture
def attempt(pairing: Pairing) -> Attempt:
    return rows.attempt(pairing.partner, answer=ANSWER)


def share_url(attempt: Attempt) -> str:
    return reverse("attempt_share", args=[attempt.pk])


def feedback_page(client: Client, attempt: Attempt) -> str:
    response = client.get(attempt.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_candidate_with_a_mentor_shares_from_the_feedback_page_and_stops(
    client: Client, pairing: Pairing, attempt: Attempt
) -> None:
    client.force_login(pairing.partner)
    page = feedback_page(client, attempt)
    assert f'action="{share_url(attempt)}"' in page and SHARE_BUTTON in page
    assert 'method="post"' in page and "csrfmiddlewaretoken" in page
    assert 'aria-describedby="mentor-share-help"' in page

    response = client.post(share_url(attempt), {"pairing": pairing.pk, "action": "share"})
    assert response.status_code == 302 and response["Location"] == attempt.get_absolute_url()
    share = PracticeShare.objects.get(pairing=pairing, attempt=attempt)
    assert share.live
    page = feedback_page(client, attempt)
    assert STOP_BUTTON in page and SHARE_BUTTON not in page

    # The mentor now reads the answer, and is offered no share button of their own.
    mentor = Client()
    mentor.force_login(mentor_of(pairing))
    assert "mentor-share-title" not in feedback_page(mentor, attempt)

    client.post(share_url(attempt), {"pairing": pairing.pk, "action": "withdraw"})
    share.refresh_from_db()
    assert not share.live
    assert mentor.get(attempt.get_absolute_url()).status_code == 404
    assert SHARE_BUTTON in feedback_page(client, attempt)


def test_without_an_active_mentor_there_is_no_button_and_posting_is_refused(
    client: Client, cast: Cast, pairing: Pairing, attempt: Attempt
) -> None:
    services.pairing_end(pairing=pairing, user=pairing.partner)
    client.force_login(pairing.partner)
    assert "mentor-share-title" not in feedback_page(client, attempt)
    response = client.post(share_url(attempt), {"pairing": pairing.pk, "action": "share"})
    assert response.status_code == 404
    assert not PracticeShare.objects.exists()

    loner = cast.people["south:candidate"]
    own = rows.attempt(loner, answer=ANSWER)
    client.force_login(loner)
    assert "mentor-share-title" not in feedback_page(client, own)


def test_no_one_else_can_share_the_answer(
    client: Client, cast: Cast, pairing: Pairing, attempt: Attempt
) -> None:
    for name in ("north:mentor", "north:programme_admin", "outsider"):
        client.force_login(cast.people[name])
        response = client.post(share_url(attempt), {"pairing": pairing.pk, "action": "share"})
        assert response.status_code == 404, name
    # The owner cannot aim it at a pairing that is not theirs.
    other = Pairing.objects.create(
        organisation=cast.south,
        partner=cast.people["south:candidate"],
        mentor=cast.people["south:mentor"],
        requested_by=cast.people["south:candidate"],
        status=Pairing.Status.ACTIVE,
        slot=1,
        goals="g",
        code_of_conduct="c",
        how_to_end="h",
    )
    client.force_login(pairing.partner)
    response = client.post(share_url(attempt), {"pairing": other.pk, "action": "share"})
    assert response.status_code == 404
    assert not PracticeShare.objects.exists()


def test_sharing_is_post_only_with_the_csrf_token(pairing: Pairing, attempt: Attempt) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(pairing.partner)
    assert client.get(share_url(attempt)).status_code == 405
    response = client.post(share_url(attempt), {"pairing": pairing.pk, "action": "share"})
    assert response.status_code == 403
    assert not PracticeShare.objects.exists()


def test_a_mock_interview_answer_is_shared_with_its_interview_not_from_here(
    client: Client, pairing: Pairing
) -> None:
    mock = rows.interview(pairing.partner, answers=1)
    answer = Attempt.objects.filter(mock_interview=mock).first()
    assert answer is not None
    client.force_login(pairing.partner)
    assert "mentor-share-title" not in feedback_page(client, answer)
