"""Role pages: the role's own questions first, its competencies only, a correct count."""

import re

import pytest
from django.test import Client

from questionbank.models import Competency, Question

pytestmark = pytest.mark.django_db


def test_the_portal_page_opens_with_a_portal_question(client: Client, bank: None) -> None:
    page = client.get("/roles/patient-portal-specialist/").content.decode()
    first = re.search(r'class="question-item">\s*<a href="/questions/([^/]+)/"', page)
    assert first is not None
    question = Question.objects.get(slug=first.group(1))
    assert question.source_file == "patient-portal-specialist.yaml"
    assert page.index("Written for the Patient Portal Specialist role") < page.index(
        "Also asked in Patient Portal Specialist interviews"
    )


def test_the_competency_filter_offers_only_the_roles_competencies(
    client: Client, bank: None
) -> None:
    page = client.get("/roles/patient-portal-specialist/").content.decode()
    select = re.search(r'<select name="competency".*?</select>', page, re.S)
    assert select is not None
    offered = set(re.findall(r'<option value="([^"]+)"', select.group(0)))
    assessed = set(
        Question.objects.filter(roles__slug="patient-portal-specialist").values_list(
            "competency__slug", flat=True
        )
    )
    assert offered == assessed
    unrelated = Competency.objects.exclude(slug__in=assessed).first()
    assert unrelated is not None and f'value="{unrelated.slug}"' not in select.group(0)


def test_every_offered_competency_matches_at_least_one_question(client: Client, bank: None) -> None:
    page = client.get("/roles/patient-liaison/").content.decode()
    select = re.search(r'<select name="competency".*?</select>', page, re.S)
    assert select is not None
    for slug in re.findall(r'<option value="([^"]+)"', select.group(0)):
        fragment = client.get(
            "/roles/patient-liaison/", {"competency": slug}, headers={"HX-Request": "true"}
        ).content.decode()
        assert "0 questions" not in fragment, slug


def test_one_match_reads_in_the_singular(client: Client, bank: None) -> None:
    question = Question.objects.order_by("slug").first()
    assert question is not None
    body = client.get(
        "/questions/", {"q": question.text}, headers={"HX-Request": "true"}
    ).content.decode()
    # A search by words says what it searched for (ranked search, #10); one match, singular.
    assert "1 question matches \u201c" in body and "questions match" not in body


def test_several_matches_read_in_the_plural(client: Client, bank: None) -> None:
    body = client.get(
        "/questions/", {"type": "technical"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert re.search(r"\d+ questions match your filters\.", body)


def test_the_peer_supporter_page_lists_its_own_questions_before_the_casework_it_shares(
    client: Client, bank: None
) -> None:
    response = client.get("/roles/peer-supporter/")
    assert response.status_code == 200
    page = response.content.decode()
    own = Question.objects.filter(source_file="peer-supporter.yaml")
    assert own.count() >= 10
    written_for = page.index("Written for the Peer Supporter role")
    for question in own:
        assert written_for < page.index(question.get_absolute_url()), question.slug
    # A casework question shared with the partner role is listed after them, once retagged.
    shared = Question.objects.get(slug="pp-reluctant-patients")
    assert shared.roles.filter(slug="peer-supporter").exists()
    also = page.index("Also asked in Peer Supporter interviews")
    assert also < page.index(shared.get_absolute_url())
    assert "Peer Supporter" in client.get("/").content.decode()
