"""The profile's jurisdiction changes what the role pages, question pages and guide show."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from accounts.services import profile_for
from practice.pdf import guide_questions
from questionbank.models import Question, Role

pytestmark = pytest.mark.django_db


def set_jurisdiction(user: User, code: str) -> None:
    profile = profile_for(user)
    profile.jurisdiction = code
    profile.save()


def test_a_uk_candidate_does_not_see_us_only_questions(
    client: Client, owner: User, bank: None
) -> None:
    us_only = Question.objects.get(slug="pa-insurance-denial-billing")
    client.force_login(owner)
    assert us_only.get_absolute_url() in client.get("/roles/patient-advocate/").content.decode()
    set_jurisdiction(owner, "uk")
    page = client.get("/roles/patient-advocate/").content.decode()
    assert us_only.get_absolute_url() not in page
    assert "Showing general questions and those for UK" in page


def test_the_question_page_shows_the_candidates_own_guidance_and_its_sources(
    client: Client, owner: User, bank: None
) -> None:
    client.force_login(owner)
    set_jurisdiction(owner, "uk-eng")
    page = client.get("/questions/pa-grievance-process/").content.decode()
    assert "acknowledge within three working days" in page
    assert "Under US CMS guidance" not in page
    assert "Sources" in page and "Complaints (England) Regulations 2009" in page
    assert "checked 2026-12-01" in page
    set_jurisdiction(owner, "us")
    page = client.get("/questions/pa-grievance-process/").content.decode()
    assert "Under US CMS guidance" in page
    assert "acknowledge within three working days" not in page


def test_a_visitor_sees_every_jurisdiction_labelled(client: Client, bank: None) -> None:
    page = client.get("/questions/ps-accessibility/").content.decode()
    assert '<span class="tag jurisdiction">US</span>' in page
    assert '<span class="tag jurisdiction">UK</span>' in page
    assert '<span class="tag jurisdiction">Canada</span>' in page


def test_a_page_can_ask_for_another_jurisdiction(client: Client, bank: None) -> None:
    page = client.get("/questions/ps-accessibility/", {"jurisdiction": "ca-on"}).content.decode()
    assert "Ontario&#x27;s AODA" in page or "Ontario's AODA" in page
    assert "45 CFR 84.84" not in page.split('id="sources-title"')[0]


def test_there_is_always_a_strong_example_to_study(client: Client, bank: None) -> None:
    question = Question.objects.get(slug="ps-accessibility")
    answers = question.answers_for("uk")
    assert any(a.quality == "strong" for a in answers)


def test_the_guide_follows_the_profiles_jurisdiction(
    client: Client, owner: User, bank: None
) -> None:
    role = Role.objects.get(slug="patient-advocate")
    assert "pa-insurance-denial-billing" in {q.slug for q in guide_questions(role)}
    assert "pa-insurance-denial-billing" not in {q.slug for q in guide_questions(role, "uk")}
    client.force_login(owner)
    everything = client.get("/roles/patient-advocate/guide.pdf")
    set_jurisdiction(owner, "uk")
    uk = client.get("/roles/patient-advocate/guide.pdf")
    assert uk.content.startswith(b"%PDF") and len(uk.content) < len(everything.content)
