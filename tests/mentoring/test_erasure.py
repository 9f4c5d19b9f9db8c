"""Erasing an account through the real erasure page (POST /accounts/delete/).

A mentor's erasure keeps what belongs to the partner: the pairing (ended, shown with "a former
mentor"), sessions, stage assessments, shares, reviews and the mentor's comments beside the
partner's answers; only what was the mentor's alone (their profile, their feedback form) goes.
A partner's erasure takes every record of the pairing with it, the mentor's notes about them too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from mentoring import services
from mentoring.models import (
    AnswerComment,
    JournalEntry,
    MentoringSession,
    MentorProfile,
    Pairing,
    PairingFeedback,
    PracticeReview,
    PracticeShare,
    StageAssessment,
)
from tests.conftest import PASSWORD
from tests.mentoring.conftest import pair
from tests.practice import rows
from tests.programmes.cast import Cast

ANSWER = "I listened to the patient first. Then I explained the options."
NOTES = "We planned the committee introduction together."


@dataclass
class History:
    earlier: Pairing  # ended, with feedback from both
    current: Pairing  # active, with a session, an assessment and a reviewed share
    session: MentoringSession
    entry: JournalEntry
    share: PracticeShare
    comment: AnswerComment
    reply: AnswerComment


@pytest.fixture
def history(cast: Cast) -> History:
    earlier = pair(cast)
    partner, mentor = earlier.partner, cast.people["north:mentor"]
    services.pairing_end(pairing=earlier, user=partner)
    for author in (partner, mentor):
        services.feedback_give(
            pairing=earlier, user=author, helpfulness=4, went_well="Kind", to_change="Less"
        )
    current = pair(cast)
    session = services.session_log(
        pairing=current,
        user=mentor,
        held_on=date(2026, 11, 3),
        agenda="Committee work",
        notes=NOTES,
        next_steps=["Read the terms of reference"],
    )
    services.stage_assess(pairing=current, stage="patient-partner", percent=60, comment="Good")
    entry = services.journal_entry_save(
        user=partner,
        framework="what-so-what-now-what",
        title="After our first session",
        answers={"what": "We talked about committees."},
        session=session,
        shared=True,
    )
    attempt = rows.attempt(partner, answer=ANSWER)
    share = services.practice_share(pairing=current, attempt=attempt)
    comment = services.comment_add(
        share=share, attempt=attempt, author=mentor, sentence=1, text="Which options?"
    )
    reply = services.comment_add(
        share=share, attempt=attempt, author=partner, sentence=0, text="Two.", reply_to=comment
    )
    return History(earlier, current, session, entry, share, comment, reply)


def erase(user: User) -> None:
    """The account owner confirms with their password on the erasure page."""
    user.set_password(PASSWORD)
    user.save()
    client = Client()
    client.force_login(user)
    response = client.post("/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def test_erasing_the_mentor_keeps_the_partners_records(cast: Cast, history: History) -> None:
    mentor = cast.people["north:mentor"]
    erase(mentor)

    current = Pairing.objects.get(pk=history.current.pk)
    assert current.mentor_id is None and current.mentor_name == "a former mentor"
    assert current.status == Pairing.Status.ENDED and current.ended_at is not None
    assert Pairing.objects.filter(pk=history.earlier.pk, mentor__isnull=True).exists()
    session = MentoringSession.objects.get(pk=history.session.pk)
    assert session.notes == NOTES and session.created_by_id is None
    assert StageAssessment.objects.get(pairing=current).percent == 60
    assert JournalEntry.objects.get(pk=history.entry.pk).session_id == session.pk
    assert PracticeShare.objects.filter(pk=history.share.pk).exists()
    assert PracticeReview.objects.filter(share=history.share).exists()
    comment = AnswerComment.objects.get(pk=history.comment.pk)
    assert comment.author_id is None and comment.text == "Which options?"
    assert AnswerComment.objects.filter(pk=history.reply.pk, reply_to=comment).exists()
    # What was the mentor's alone goes with them: the private feedback form and the profile.
    authors = PairingFeedback.objects.values_list("author_id", flat=True)
    assert list(authors) == [cast.candidate.pk]
    assert not MentorProfile.objects.filter(user_id=mentor.pk).exists()


def test_the_partner_sees_a_former_mentor_and_may_pair_again(
    client: Client, cast: Cast, history: History
) -> None:
    erase(cast.people["north:mentor"])
    client.force_login(cast.candidate)

    page = client.get(f"/mentoring/pairings/{history.current.pk}/")
    assert page.status_code == 200 and "A former mentor mentoring" in page.content.decode()
    assert NOTES in page.content.decode()
    review = client.get(f"/mentoring/shared/{history.share.pk}/").content.decode()
    assert "a former mentor" in review and "Which options?" in review
    assert client.get("/mentoring/portfolio.pdf").status_code == 200
    assert "a former mentor" in client.get("/accounts/data.json").content.decode()
    # No pairing is left active with nobody in it, counting as the partner's one mentor.
    assert not Pairing.objects.filter(partner=cast.candidate, status="active").exists()


def test_erasing_the_mentor_declines_their_open_requests(cast: Cast) -> None:
    mentor = cast.people["north:mentor"]
    services.mentor_profile_save(user=mentor, organisation=cast.north, niche="Research")
    request = services.pairing_request(
        organisation=cast.north,
        partner=cast.candidate,
        mentor=mentor,
        requested_by=mentor,
        goals="Research partnering",
        duration_weeks=8,
        frequency="monthly",
        code_of_conduct="Confidential.",
        how_to_end="Either of us.",
    )
    erase(mentor)

    request.refresh_from_db()
    assert request.status == Pairing.Status.DECLINED
    assert request.mentor_id is None and request.requested_by_id is None


def test_erasing_the_partner_takes_every_record_of_the_pairing(
    cast: Cast, history: History
) -> None:
    mentor = cast.people["north:mentor"]
    erase(cast.candidate)

    assert not Pairing.objects.exists()
    for model in (
        MentoringSession,
        StageAssessment,
        JournalEntry,
        PracticeShare,
        PracticeReview,
        AnswerComment,
        PairingFeedback,
    ):
        assert not model.objects.exists(), model.__name__
    # The mentor keeps their account and profile, and their room for another partner.
    assert User.objects.filter(pk=mentor.pk).exists()
    assert MentorProfile.objects.filter(user=mentor).exists()
    assert services.active_mentees(mentor) == 0
