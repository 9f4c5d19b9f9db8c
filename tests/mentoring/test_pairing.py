"""Pairing: a transparent suggestion, request and accept by the other, one active mentor per
partner unless the admin allows more, capacity, and feedback from both sides at the end."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from mentoring import services
from mentoring.matching import MentorFacts, Wishes, explain, suggest
from mentoring.models import MentoringPolicy, Pairing
from programmes.models import MemberRole, Membership
from tests.mentoring.conftest import AGREEMENT, mentor_of, pair
from tests.programmes.cast import Cast


def _second_mentor(cast: Cast) -> None:
    """north's interviewer also mentors, so the candidate has two mentors to choose from."""
    user = cast.people["north:interviewer"]
    Membership.objects.create(user=user, organisation=cast.north, role=MemberRole.MENTOR)
    services.mentor_profile_save(
        user=user,
        organisation=cast.north,
        niche="Patient portals",
        languages=["English"],
        capacity=1,
    )


def _ask(cast: Cast, mentor: str) -> Pairing:
    return services.pairing_request(
        organisation=cast.north,
        partner=cast.candidate,
        mentor=cast.people[mentor],
        requested_by=cast.candidate,
        **AGREEMENT,
    )


def test_the_suggestion_says_why_and_its_parts_add_up() -> None:
    mentor = MentorFacts(
        1,
        "Ama",
        "Research partnering and committees",
        ("Diabetes",),
        ("English", "Twi"),
        capacity=2,
        active=1,
    )
    found = explain(mentor, Wishes("committees", ("diabetes",), ("twi",)))
    parts = {part: why for part, _, why in found.parts}
    assert set(parts) == {"Lived experience", "Niche", "Language", "Room"}
    assert "Diabetes" in parts["Lived experience"] and "Twi" in parts["Language"]
    assert found.score == sum(points for _, points, _ in found.parts) == 20 + 25 + 20 + 15


def test_a_full_mentor_is_listed_last_and_marked_so() -> None:
    full = MentorFacts(1, "Full", "committees", ("Diabetes",), (), capacity=1, active=1)
    free = MentorFacts(2, "Free", "portals", (), (), capacity=1, active=0)
    ranked = suggest([full, free], Wishes("committees", ("Diabetes",)))
    assert [s.mentor.name for s in ranked] == ["Free", "Full"] and not ranked[1].available


def test_a_request_waits_for_the_other_person(cast: Cast, pairing: Pairing) -> None:
    services.pairing_end(pairing=pairing, user=pairing.partner)
    asked = _ask(cast, "north:mentor")
    with pytest.raises(ValidationError, match="other person"):
        services.pairing_accept(pairing=asked, user=cast.candidate)
    assert services.pairing_accept(pairing=asked, user=mentor_of(asked)).status == "active"


def test_a_partner_has_one_active_mentor_unless_the_admin_allows_more(
    cast: Cast, pairing: Pairing
) -> None:
    _second_mentor(cast)
    second = _ask(cast, "north:interviewer")
    with pytest.raises(ValidationError, match="already has an active mentor"):
        services.pairing_accept(pairing=second, user=mentor_of(second))
    MentoringPolicy.objects.create(organisation=cast.north, mentors_per_partner=2)
    services.pairing_accept(pairing=second, user=mentor_of(second))
    assert Pairing.objects.filter(partner=cast.candidate, status="active").count() == 2


def test_a_mentor_takes_no_more_partners_than_their_capacity(cast: Cast) -> None:
    _second_mentor(cast)  # capacity 1
    services.pairing_accept(
        pairing=_ask(cast, "north:interviewer"), user=cast.people["north:interviewer"]
    )
    other = cast.people["north:hiring_manager"]
    Membership.objects.create(user=other, organisation=cast.north, role=MemberRole.CANDIDATE)
    asked = services.pairing_request(
        organisation=cast.north,
        partner=other,
        mentor=cast.people["north:interviewer"],
        requested_by=other,
        **AGREEMENT,
    )
    with pytest.raises(ValidationError, match="no room"):
        services.pairing_accept(pairing=asked, user=cast.people["north:interviewer"])


def test_only_mentors_of_the_organisation_can_be_asked(cast: Cast) -> None:
    with pytest.raises(ValidationError, match="not a mentor"):
        _ask(cast, "south:mentor")


def test_both_sides_give_feedback_once_it_has_ended(cast: Cast, pairing: Pairing) -> None:
    with pytest.raises(ValidationError, match="once the pairing has ended"):
        services.feedback_give(
            pairing=pairing, user=pairing.partner, helpfulness=5, went_well="", to_change=""
        )
    services.pairing_end(pairing=pairing, user=mentor_of(pairing))
    for user in (pairing.partner, mentor_of(pairing)):
        services.feedback_give(
            pairing=pairing,
            user=user,
            helpfulness=4,
            went_well="Honest.",
            to_change="Meet more often.",
        )
    assert pairing.feedback.count() == 2
    with pytest.raises(ValidationError, match="already"):
        services.feedback_give(
            pairing=pairing, user=mentor_of(pairing), helpfulness=4, went_well="", to_change=""
        )


def test_a_session_is_logged_and_a_next_step_becomes_a_goal(
    client: Client, cast: Cast, pairing: Pairing
) -> None:
    client.force_login(mentor_of(pairing))
    client.post(
        f"/mentoring/pairings/{pairing.pk}/sessions/",
        {
            "held_on": "2026-11-20",
            "agenda": "Interview nerves",
            "notes": "Talked it through.",
            "next_steps": "Practise the motivation question\nRead the compensation guide",
        },
    )
    session = pairing.sessions.get()
    assert session.next_steps == ["Practise the motivation question", "Read the compensation guide"]
    client.force_login(pairing.partner)
    page = client.get(f"/mentoring/pairings/{pairing.pk}/")
    assert b"Talked it through." in page.content
    client.post(
        f"/mentoring/sessions/{session.pk}/adopt/", {"index": 1, "stage": "patient-partner"}
    )
    assert pairing.partner.mentoring_goals.get().text == "Read the compensation guide"


@pytest.mark.parametrize("who", ["north:programme_admin", "south:mentor", "outsider"])
def test_sessions_are_for_the_two_people_only(
    client: Client, cast: Cast, pairing: Pairing, who: str
) -> None:
    services.session_log(
        pairing=pairing,
        user=mentor_of(pairing),
        held_on=pairing.created_at.date(),
        agenda="",
        notes="Private notes of the pair.",
        next_steps=[],
    )
    client.force_login(cast.people[who])
    page = client.get(f"/mentoring/pairings/{pairing.pk}/")
    assert b"Private notes of the pair." not in page.content
    assert client.get(f"/api/v1/mentoring/pairings/{pairing.pk}/sessions").status_code == 404


def test_the_partner_requests_and_the_mentor_accepts_through_the_pages(
    client: Client, cast: Cast
) -> None:
    pair(cast)  # makes the mentor profile; end it to ask afresh through the page
    services.pairing_end(pairing=Pairing.objects.get(), user=cast.candidate)
    client.force_login(cast.candidate)
    listing = client.get("/mentoring/mentors/?lived_experience=diabetes&languages=Punjabi")
    assert b"Lived experience +20" in listing.content and b"speaks Punjabi" in listing.content
    mentor = cast.people["north:mentor"]
    response = client.post(f"/mentoring/mentors/{mentor.pk}/request/", AGREEMENT)
    asked = Pairing.objects.get(status="requested")
    assert response.status_code == 302
    client.force_login(mentor)
    client.post(f"/mentoring/pairings/{asked.pk}/accept/")
    asked.refresh_from_db()
    assert asked.status == "active"


def test_the_mentor_finds_a_waiting_request_on_their_pathway_page(
    client: Client, cast: Cast, pairing: Pairing
) -> None:
    services.pairing_end(pairing=pairing, user=cast.candidate)
    _ask(cast, "north:mentor")
    client.force_login(cast.people["north:mentor"])
    assert b"(waiting for you)" in client.get("/mentoring/").content


def test_a_second_active_mentor_is_refused_on_the_page_with_a_clear_message(
    client: Client, cast: Cast, pairing: Pairing
) -> None:
    _second_mentor(cast)
    second = _ask(cast, "north:interviewer")
    client.force_login(cast.people["north:interviewer"])
    url = reverse("pairing_action", args=[second.pk, "accept"])
    page = client.post(url, follow=True).content.decode()
    assert "This partner already has an active mentor; end that pairing first" in page
    second.refresh_from_db()
    assert second.status == "requested" and second.slot is None


def test_the_database_refuses_a_second_active_pairing_in_the_same_place(
    cast: Cast, pairing: Pairing
) -> None:
    """Even a write that skips `pairing_accept` (two acceptances at once, a script) cannot give
    a partner two active mentors where one is allowed."""
    assert pairing.slot == 1
    _second_mentor(cast)
    second = _ask(cast, "north:interviewer")
    second.status, second.slot = Pairing.Status.ACTIVE, 1
    with pytest.raises(ValidationError, match=r"This partner already has an active mentor\."):
        second.validate_constraints()
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    second.slot = None  # an active pairing must hold a place
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    assert Pairing.objects.filter(partner=cast.candidate, status="active").count() == 1


def test_allowing_two_mentors_gives_two_places_and_an_ended_pairing_frees_its_own(
    cast: Cast, pairing: Pairing
) -> None:
    MentoringPolicy.objects.create(organisation=cast.north, mentors_per_partner=2)
    _second_mentor(cast)
    second = services.pairing_accept(
        pairing=_ask(cast, "north:interviewer"), user=cast.people["north:interviewer"]
    )
    assert (pairing.slot, second.slot) == (1, 2)
    services.pairing_end(pairing=pairing, user=cast.candidate)
    again = services.pairing_accept(
        pairing=_ask(cast, "north:mentor"), user=cast.people["north:mentor"]
    )
    assert again.slot == 1
    # The admin narrowing it back to one refuses a third, though a place is free.
    services.pairing_end(pairing=again, user=cast.candidate)
    MentoringPolicy.objects.filter(organisation=cast.north).update(mentors_per_partner=1)
    third = _ask(cast, "north:mentor")
    with pytest.raises(ValidationError, match="already has an active mentor"):
        services.pairing_accept(pairing=third, user=cast.people["north:mentor"])
