"""Organisations, cohorts, memberships and shares: what the database allows."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from programmes.models import (
    Cohort,
    MemberRole,
    Membership,
    Organisation,
    ProgrammeShare,
)
from questionbank import jurisdictions

pytestmark = pytest.mark.django_db


def _org(slug: str = "north") -> Organisation:
    return Organisation.objects.create(name=f"{slug.title()} Hospital", slug=slug)


def test_an_organisation_starts_general_with_the_install_retention(db: None) -> None:
    org = _org()
    assert org.jurisdiction == jurisdictions.GENERAL
    assert org.retention_days is None
    org.jurisdiction = "atlantis"
    with pytest.raises(ValidationError):
        org.full_clean()


def test_a_cohort_slug_is_unique_within_its_organisation_only(db: None) -> None:
    north, south = _org("north"), _org("south")
    Cohort.objects.create(organisation=north, name="Spring", slug="spring")
    Cohort.objects.create(organisation=south, name="Spring", slug="spring")
    with pytest.raises(IntegrityError), transaction.atomic():
        Cohort.objects.create(organisation=north, name="Spring again", slug="spring")


def test_a_cohort_cannot_end_before_it_starts(db: None) -> None:
    cohort = Cohort(organisation=_org(), name="Spring", slug="spring")
    cohort.starts_on, cohort.ends_on = date(2026, 5, 1), date(2026, 4, 1)
    with pytest.raises(ValidationError, match="end before"):
        cohort.full_clean()


def test_one_row_per_role_and_several_roles_in_one_organisation(db: None) -> None:
    user = User.objects.create_user("pat")
    org = _org()
    Membership.objects.create(user=user, organisation=org, role=MemberRole.CANDIDATE)
    Membership.objects.create(user=user, organisation=org, role=MemberRole.MENTOR)
    assert user.memberships.count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, organisation=org, role=MemberRole.CANDIDATE)


def test_a_membership_refuses_a_cohort_of_another_organisation(db: None) -> None:
    north, south = _org("north"), _org("south")
    theirs = Cohort.objects.create(organisation=south, name="Spring", slug="spring")
    member = Membership(
        user=User.objects.create_user("pat"),
        organisation=north,
        role=MemberRole.CANDIDATE,
        cohort=theirs,
    )
    with pytest.raises(ValidationError, match="another organisation"):
        member.full_clean()
    with pytest.raises(ValidationError, match="another organisation"):
        member.save()
    assert not Membership.objects.exists()


def test_nothing_is_shared_until_the_candidate_turns_it_on(db: None) -> None:
    user, org = User.objects.create_user("pat"), _org()
    share = ProgrammeShare.objects.create(user=user, organisation=org)
    assert share.shared_items() == []
    share.interview_date = True
    assert share.shared_items() == ["interview_date"]
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeShare.objects.create(user=user, organisation=org)
