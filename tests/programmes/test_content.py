"""Content per organisation: its own questions are seen by its members only, the bundled ones
it hides are hidden from its members only, and reloading the bundled pack touches neither."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from programmes.content import question_add, question_hide
from programmes.models import OrganisationHiddenQuestion
from questionbank.bank import bank_load, pack_read
from questionbank.models import Competency, Level, Question, Role
from questionbank.selectors import QuestionFilter, question_detail, question_list
from tests.programmes.cast import Cast

OWN_TEXT = "How would you explain the North Hospital visiting policy to a worried family?"


@pytest.fixture
def own(cast: Cast, bank: None) -> Question:
    return question_add(
        organisation=cast.north,
        text=OWN_TEXT,
        type="situational",
        competency=Competency.objects.first(),  # type: ignore[arg-type]
        roles=list(Role.objects.filter(slug="patient-liaison")),
        levels=list(Level.objects.all()),
        key_points=["Listen to the worry first", "Explain the policy and its reason"],
    )


@pytest.fixture
def hidden(cast: Cast, bank: None) -> Question:
    question = Question.objects.order_by("slug").first()
    assert question is not None
    question_hide(
        organisation=cast.north, question=question, actor=cast.people["north:programme_admin"]
    )
    return question


@pytest.mark.parametrize("who", ["north:candidate", "north:mentor", "north:programme_admin"])
def test_members_see_their_organisations_question_and_not_the_hidden_one(
    client: Client, cast: Cast, own: Question, hidden: Question, who: str
) -> None:
    viewer = cast.people[who]
    listed = question_list(QuestionFilter(), viewer=viewer)
    assert own in listed and hidden not in listed
    client.force_login(viewer)
    assert client.get(f"/questions/{own.slug}/").status_code == 200
    assert client.get(f"/practice/{own.slug}/").status_code == 200
    assert client.get(f"/api/v1/questions/{own.slug}").status_code == 200
    assert client.get(f"/questions/{hidden.slug}/").status_code == 404
    assert OWN_TEXT in client.get("/roles/patient-liaison/").content.decode()


@pytest.mark.parametrize("who", ["south:candidate", "south:programme_admin", "outsider", "staff"])
def test_nobody_else_sees_an_organisations_own_question(
    client: Client, cast: Cast, own: Question, hidden: Question, who: str
) -> None:
    viewer = cast.people[who]
    listed = question_list(QuestionFilter(), viewer=viewer)
    assert own not in listed and hidden in listed
    client.force_login(viewer)
    for url in (
        f"/questions/{own.slug}/",
        f"/practice/{own.slug}/",
        f"/api/v1/questions/{own.slug}",
    ):
        assert client.get(url).status_code == 404, url
    assert OWN_TEXT not in client.get("/roles/patient-liaison/").content.decode()
    assert client.get(f"/questions/{hidden.slug}/").status_code == 200


def test_a_visitor_sees_the_bundled_bank_only(client: Client, own: Question) -> None:
    assert not question_detail(own.slug).exists()
    assert client.get(f"/questions/{own.slug}/").status_code == 404
    assert OWN_TEXT not in client.get("/questions/?q=visiting+policy").content.decode()
    assert own not in Question.objects.all()  # no export, mock interview or PDF reads it


def test_reloading_the_bundled_pack_leaves_the_organisations_rows_alone(
    own: Question, hidden: Question
) -> None:
    report = bank_load(pack=pack_read(settings.CONTENT_DIR))
    assert report is not None
    own.refresh_from_db()
    assert own.text == OWN_TEXT and own.organisation is not None
    assert OrganisationHiddenQuestion.objects.filter(question=hidden).exists()


def test_only_the_programme_admin_manages_content(client: Client, cast: Cast, bank: None) -> None:
    for who in ("north:candidate", "north:hiring_manager", "south:programme_admin"):
        client.force_login(cast.people[who])
        assert client.get("/programmes/north/questions/").status_code == 404
    client.force_login(cast.people["north:programme_admin"])
    competency = Competency.objects.first()
    assert competency is not None
    response = client.post(
        "/programmes/north/questions/",
        {
            "text": OWN_TEXT,
            "type": "situational",
            "competency": competency.pk,
            "roles": [Role.objects.get(slug="patient-liaison").pk],
            "levels": [Level.objects.first().pk],  # type: ignore[union-attr]
            "key_points": "Listen first\nExplain the reason",
        },
    )
    assert response.status_code == 302
    made = Question.all_objects.get(text=OWN_TEXT)
    assert made.organisation == cast.north and made.slug.startswith("org-north-")
    bundled = Question.objects.order_by("slug").first()
    assert bundled is not None
    client.post(f"/programmes/north/questions/{bundled.slug}/visibility/", {"hide": "yes"})
    assert OrganisationHiddenQuestion.objects.filter(organisation=cast.north).count() == 1
    client.post(f"/programmes/north/questions/{bundled.slug}/visibility/", {"hide": "no"})
    assert not OrganisationHiddenQuestion.objects.exists()
    client.post(f"/programmes/north/questions/{made.slug}/delete/")
    assert not Question.all_objects.filter(pk=made.pk).exists()
