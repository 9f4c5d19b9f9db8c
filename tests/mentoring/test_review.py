"""Review of shared practice: the mentor rates on the anchored scale, comments on a sentence and
suggests a next question; the candidate sees it beside the answer and replies."""

from __future__ import annotations

import pytest
from django.test import Client

from mentoring import services
from mentoring.models import AnswerComment, Pairing, PracticeShare
from practice.models import Attempt
from questionbank.models import Question
from tests.mentoring.conftest import mentor_of
from tests.practice import rows

ANSWER = "I listened to the patient first. Then I explained the options. It went well."


@pytest.fixture
def share(pairing: Pairing) -> PracticeShare:
    return services.practice_share(
        pairing=pairing, attempt=rows.attempt(pairing.partner, answer=ANSWER)
    )


def test_the_mentor_comments_on_a_sentence_and_the_candidate_replies_beside_it(
    client: Client, share: PracticeShare
) -> None:
    attempt: Attempt = share.attempt  # type: ignore[assignment]
    client.force_login(mentor_of(share.pairing))
    url = f"/mentoring/shared/{share.pk}/answers/{attempt.pk}/comments/"
    client.post(url, {"sentence": 1, "text": "Which options? Name two."})
    comment = AnswerComment.objects.get()
    assert comment.quote == "Then I explained the options." and comment.sentence == 1

    client.force_login(share.pairing.partner)
    page = client.get(f"/mentoring/shared/{share.pk}/").content.decode()
    sentence = page.index("Then I explained the options.")
    assert sentence < page.index("Which options? Name two.") < page.index("It went well.")
    client.post(url, {"reply_to": comment.pk, "text": "Leaflets and a call back."})
    reply = AnswerComment.objects.get(reply_to=comment)
    assert reply.sentence == 1 and reply.author == share.pairing.partner
    # The candidate replies; they do not start comments of their own on sentences.
    client.post(url, {"sentence": 0, "text": "A comment of my own"})
    assert AnswerComment.objects.count() == 2


def test_the_mentor_rates_on_the_scale_and_suggests_a_question(
    client: Client, share: PracticeShare
) -> None:
    attempt: Attempt = share.attempt  # type: ignore[assignment]
    other = Question.objects.create(
        slug="rows-next",
        text="How do you close a meeting?",
        type="situational",
        competency=attempt.question.competency,  # type: ignore[union-attr]
    )
    client.force_login(mentor_of(share.pairing))
    client.post(
        f"/mentoring/shared/{share.pk}/answers/{attempt.pk}/review/",
        {"rating": 3, "summary": "Clear, but no result.", "next_question": other.slug},
    )
    client.force_login(share.pairing.partner)
    page = client.get(f"/mentoring/shared/{share.pk}/").content
    assert b"3 of 5." in page and b"Clear, but no result." in page
    assert b"How do you close a meeting?" in page


def test_a_revoked_share_takes_no_more_comments_or_ratings(
    client: Client, share: PracticeShare
) -> None:
    attempt: Attempt = share.attempt  # type: ignore[assignment]
    services.practice_unshare(share=share)
    client.force_login(mentor_of(share.pairing))
    base = f"/mentoring/shared/{share.pk}/answers/{attempt.pk}"
    assert client.post(f"{base}/comments/", {"sentence": 0, "text": "x"}).status_code == 404
    assert client.post(f"{base}/review/", {"rating": 5}).status_code == 404
    assert not AnswerComment.objects.exists()
