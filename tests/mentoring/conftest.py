"""The mentoring cast: the programmes cast, with north's mentor paired to north's candidate."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from mentoring import services
from mentoring.models import Pairing
from tests.programmes.cast import Cast, cast_build

AGREEMENT: dict[str, Any] = {
    "goals": "Prepare for a patient partner interview; grow into committee work.",
    "duration_weeks": 12,
    "frequency": "fortnightly",
    "code_of_conduct": "Confidential; no patient details; either of us may pass on a topic.",
    "how_to_end": "Either of us ends it from the pairing page.",
}


@pytest.fixture
def cast(db: None) -> Cast:
    return cast_build()


def pair(cast: Cast, partner: str = "north:candidate", mentor: str = "north:mentor") -> Pairing:
    """A pairing asked for by the partner and accepted by the mentor."""
    org = cast.north if partner.startswith("north") else cast.south
    mentor_user = cast.people[mentor]
    services.mentor_profile_save(
        user=mentor_user,
        organisation=org,
        niche="Committee work and research partnering",
        lived_experience=["Diabetes", "Caring for a parent"],
        languages=["English", "Punjabi"],
        capacity=3,
    )
    pairing = services.pairing_request(
        organisation=org,
        partner=cast.people[partner],
        mentor=mentor_user,
        requested_by=cast.people[partner],
        **AGREEMENT,
    )
    return services.pairing_accept(pairing=pairing, user=mentor_user)


def mentor_of(pairing: Pairing) -> User:
    """The pairing's mentor, who is only missing once their account is erased."""
    assert pairing.mentor is not None
    return pairing.mentor


@pytest.fixture
def pairing(cast: Cast) -> Pairing:
    return pair(cast)
