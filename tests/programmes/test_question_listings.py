"""Every list of questions a candidate meets (mock interview picking, the prep plan, the role
guide PDF, the per-role counts on the home page and in the API) shows what the role page shows:
the bundled bank less what the candidate's organisation hides, plus its own questions."""

from __future__ import annotations

import random
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from practice.pdf import guide_questions
from practice.plan import plan_build
from practice.services import pick_questions
from programmes.content import question_add, question_hide
from questionbank.models import Competency, Level, Question, Role
from questionbank.selectors import (
    QuestionFilter,
    competencies_for,
    question_list,
    roles_with_counts,
)
from tests.programmes.cast import Cast

ROLE = "patient-liaison"
MIX = ["behavioural", "situational", "motivational", "technical"]


@pytest.fixture
def role(bank: None) -> Role:
    return Role.objects.get(slug=ROLE)


@pytest.fixture
def hidden(cast: Cast, role: Role) -> Question:
    """A bundled liaison question north hides from its members."""
    question = role.questions.filter(levels__slug="entry").order_by("slug").first()
    assert question is not None
    question_hide(
        organisation=cast.north, question=question, actor=cast.people["north:programme_admin"]
    )
    return question


@pytest.fixture
def own(cast: Cast, role: Role, hidden: Question) -> Question:
    """North's own liaison question, of the same competency and type as the hidden one."""
    return question_add(
        organisation=cast.north,
        text="How would you explain North Hospital's visiting hours to a worried family?",
        type=hidden.type,
        competency=hidden.competency,
        roles=[role],
        levels=list(Level.objects.all()),
        key_points=["Listen to the worry first", "Explain the rule and its reason"],
    )


def _every_pick(user: User, role: Role) -> set[Question]:
    """A mock interview long enough to take every fitting question."""
    return set(
        pick_questions(
            user=user, role=role, level="entry", length=500, mix=MIX, rng=random.Random(1)
        )
    )


def test_a_mock_interview_never_asks_a_question_the_organisation_hides(
    cast: Cast, role: Role, hidden: Question, own: Question
) -> None:
    north = _every_pick(cast.candidate, role)
    assert hidden not in north and own in north
    south = _every_pick(cast.people["south:candidate"], role)
    assert hidden in south and own not in south


def test_the_prep_plan_draws_on_what_the_role_page_lists(
    cast: Cast, role: Role, hidden: Question, own: Question
) -> None:
    def planned(user: User) -> set[Question]:
        plan = plan_build(
            user=user,
            role=role,
            level="entry",
            interview_date=None,
            minutes_per_day=240,
            today=timezone.localdate(),
        )
        return {item.question for day in plan.days for item in day.items}

    north = planned(cast.candidate)
    assert hidden not in north and own in north
    south = planned(cast.people["south:candidate"])
    assert hidden in south and own not in south


def test_the_role_guide_lists_what_the_member_may_see(
    client: Client, cast: Cast, role: Role, hidden: Question, own: Question
) -> None:
    north = set(guide_questions(role, viewer=cast.candidate))
    assert hidden not in north and own in north
    assert hidden in set(guide_questions(role)) and own not in set(guide_questions(role))
    client.force_login(cast.candidate)
    assert client.get(f"/roles/{ROLE}/guide.pdf").status_code == 200


@pytest.mark.parametrize("who", ["north:candidate", "north:mentor", "south:candidate", "outsider"])
def test_each_roles_count_is_the_number_its_role_page_lists(
    client: Client, cast: Cast, own: Question, who: str
) -> None:
    viewer = cast.people[who]
    counts = {r.slug: r.question_count for r in roles_with_counts(viewer)}
    listed = question_list(QuestionFilter(role=ROLE), viewer=viewer).count()
    assert counts[ROLE] == listed
    client.force_login(viewer)
    home = client.get("/").content.decode()
    card = home[home.index(f'href="/roles/{ROLE}/"') :]
    shown = re.search(r"(\d+) questions?</p>", card)
    assert shown is not None and int(shown.group(1)) == listed
    api = {r["slug"]: r["question_count"] for r in client.get("/api/v1/roles").json()}
    assert api[ROLE] == listed


def test_a_hidden_question_counts_out_and_an_own_one_in_for_members_only(
    cast: Cast, role: Role, hidden: Question
) -> None:
    def count(viewer: User | None) -> int:
        return {r.slug: r.question_count for r in roles_with_counts(viewer)}[ROLE]

    bundled = role.questions.filter(organisation__isnull=True).count()
    assert count(cast.candidate) == bundled - 1
    assert count(cast.people["south:candidate"]) == count(None) == bundled
    question_add(
        organisation=cast.north,
        text="What would you tell a family about North Hospital's parking refunds?",
        type=hidden.type,
        competency=hidden.competency,
        roles=[role],
        levels=[],
        key_points=["Say who decides", "Give the form"],
    )
    assert count(cast.candidate) == bundled
    assert count(cast.people["south:candidate"]) == bundled


def test_the_competency_filter_offers_an_own_questions_competency_to_members_only(
    client: Client, cast: Cast, role: Role
) -> None:
    local = Competency.objects.create(
        slug="local-policy",
        name="Local visiting policy",
        definition="d",
        anchor_1="a",
        anchor_3="b",
        anchor_5="c",
    )
    question_add(
        organisation=cast.north,
        text="Which of North Hospital's visiting rules would you explain first, and why?",
        type="situational",
        competency=local,
        roles=[role],
        levels=list(Level.objects.all()),
        key_points=["Start from the family's worry"],
    )
    assert local in competencies_for(ROLE, cast.candidate)
    assert local not in competencies_for(ROLE, cast.people["south:candidate"])
    assert local not in competencies_for()
    for who, offered in [("north:candidate", True), ("south:candidate", False)]:
        client.force_login(cast.people[who])
        for url in (f"/roles/{ROLE}/", "/questions/"):
            page = client.get(url).content.decode()
            assert ('value="local-policy"' in page) is offered, (who, url)


def test_a_mentor_suggests_next_only_what_the_candidate_may_see(
    cast: Cast, hidden: Question, own: Question
) -> None:
    from mentoring.selectors import next_question_choices
    from practice.models import Attempt

    other = Question.objects.filter(competency=hidden.competency).exclude(pk=hidden.pk).first()
    assert other is not None
    member = Attempt(user=cast.candidate, question=other, competency=hidden.competency)
    slugs = [slug for slug, _ in next_question_choices(member)]
    assert hidden.slug not in slugs and own.slug in slugs
    outsider = Attempt(user=cast.people["outsider"], question=other, competency=hidden.competency)
    slugs = [slug for slug, _ in next_question_choices(outsider)]
    assert hidden.slug in slugs and own.slug not in slugs
