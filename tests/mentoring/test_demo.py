"""The demo organisation's mentoring: a pairing with a session, two reflections, a reviewed
answer; running it twice changes nothing."""

from __future__ import annotations

from mentoring import demo
from mentoring.models import AnswerComment, JournalEntry, Pairing, PracticeReview
from programmes.models import MemberRole, Membership
from tests.practice import rows
from tests.programmes.cast import Cast


def test_the_demo_gains_a_pairing_a_session_two_reflections_and_a_reviewed_attempt(
    cast: Cast,
) -> None:
    partner, mentor = cast.candidate, cast.people["north:mentor"]
    rows.attempt(partner, answer="I asked for plain summaries. The chair agreed.")
    context = {
        "organisation": cast.north,
        "cohort": cast.cohorts["north"],
        "users": {"demo-candidate": partner, "demo-mentor": mentor},
    }
    demo.extend(context)
    demo.extend(context)
    pairing = Pairing.objects.get()
    assert pairing.status == "active" and pairing.sessions.count() == 1
    assert JournalEntry.objects.filter(user=partner).count() == 2
    review = PracticeReview.objects.get()
    assert review.rating == 4 and review.attempt.user == partner
    assert AnswerComment.objects.count() == 1
    assert Membership.objects.filter(user=mentor, role=MemberRole.MENTOR).exists()
