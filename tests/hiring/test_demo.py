"""The hiring side of the demo: a kit, a hiring candidate and two submitted scorecards."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User

from hiring.demo import KIT_TITLE, extend
from hiring.models import HiringCandidate, InterviewKit, Scorecard
from hiring.selectors import debrief_for
from programmes.models import MemberRole, Membership, Organisation

pytestmark = pytest.mark.django_db


def _context() -> SimpleNamespace:
    """What `programmes.demo` hands each area: the organisation, cohort and users by name."""
    organisation = Organisation.objects.create(name="Demo Hospital", slug="demo-hospital")
    roles = {
        "demo-admin": (MemberRole.PROGRAMME_ADMIN, MemberRole.HIRING_MANAGER),
        "demo-interviewer": (MemberRole.INTERVIEWER,),
        "demo-interviewer2": (MemberRole.INTERVIEWER,),
    }
    users = {}
    for name, held in roles.items():
        users[name] = User.objects.create_user(name, f"{name}@example.org")
        for role in held:
            Membership.objects.create(user=users[name], organisation=organisation, role=role)
    return SimpleNamespace(organisation=organisation, cohort=None, users=users)


def test_the_demo_gains_a_kit_a_candidate_and_two_submitted_scorecards(small_bank: None) -> None:
    context = _context()
    extend(context)
    extend(context)  # a second run adds nothing
    kit = InterviewKit.objects.get(title=KIT_TITLE)
    assert kit.is_published and kit.competencies.count() == 5
    candidate = HiringCandidate.objects.get()
    cards = Scorecard.objects.filter(interview__candidate=candidate, status="submitted")
    assert cards.count() == 2
    debrief = debrief_for(context.users["demo-admin"], candidate.interviews.get())
    assert debrief is not None and debrief.splits == ["Conflict resolution"]
