"""Pages: home, role pages with filters and search, question pages."""

import pytest
from django.test import Client

from questionbank.models import Question, Role

pytestmark = pytest.mark.django_db


def test_home_explains_the_product_and_lists_roles(client: Client, bank: None) -> None:
    page = client.get("/").content.decode()
    assert "Patient Portal Specialist" in page
    assert "Try it yourself first" in page
    assert '<main id="main"' in page


def test_a_role_page_lists_only_its_questions(client: Client, bank: None) -> None:
    role = Role.objects.get(slug="patient-portal-specialist")
    page = client.get(f"/roles/{role.slug}/").content.decode()
    for question in role.questions.all():
        assert question.get_absolute_url() in page
    other = Question.objects.exclude(roles=role).first()
    assert other is not None and other.get_absolute_url() not in page


def test_filtering_by_type_returns_a_fragment_for_htmx(client: Client, bank: None) -> None:
    response = client.get(
        "/roles/patient-liaison/", {"type": "technical"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "<html" not in body
    expected = Question.objects.filter(roles__slug="patient-liaison", type="technical")
    assert expected.exists()
    for question in expected:
        assert question.get_absolute_url() in body
    behavioural = Question.objects.filter(roles__slug="patient-liaison", type="behavioural").first()
    assert behavioural is not None and behavioural.get_absolute_url() not in body


def test_filtering_by_level_and_competency(client: Client, bank: None) -> None:
    question = Question.objects.filter(levels__slug="lead").first()
    assert question is not None
    page = client.get(
        "/questions/", {"level": "lead", "competency": question.competency.slug}
    ).content.decode()
    assert question.get_absolute_url() in page
    entry_only = Question.objects.exclude(levels__slug="lead").first()
    assert entry_only is not None and entry_only.get_absolute_url() not in page


def test_full_text_search_finds_words_in_talking_points(client: Client, bank: None) -> None:
    question = Question.objects.get(slug=Question.objects.order_by("slug").first().slug)  # type: ignore[union-attr]
    word = max(question.key_points[0].split(), key=len).strip(".,;:()").lower()
    page = client.get("/questions/", {"q": word}).content.decode()
    assert question.get_absolute_url() in page


def test_search_with_no_match_says_so(client: Client, bank: None) -> None:
    page = client.get("/questions/", {"q": "zzqxv"}).content.decode()
    assert "No questions match" in page


def test_an_invalid_filter_is_ignored_not_an_error(client: Client, bank: None) -> None:
    response = client.get("/questions/", {"type": "riddle"})
    assert response.status_code == 200


def test_question_page_shows_guidance_and_hides_examples(client: Client, bank: None) -> None:
    question = Question.objects.first()
    assert question is not None
    page = client.get(question.get_absolute_url()).content.decode()
    assert question.key_points[0] in page.replace("&#x27;", "'").replace("&quot;", '"')
    assert "What not to say" in page and "Follow-up questions" in page
    assert '<details id="example-answers">' in page  # closed until the user asks


def test_unknown_question_and_role_are_404(client: Client, bank: None) -> None:
    assert client.get("/questions/no-such-question/").status_code == 404
    assert client.get("/roles/astronaut/").status_code == 404


def test_competencies_page_shows_anchors(client: Client, bank: None) -> None:
    page = client.get("/competencies/").content.decode()
    assert "5 — excellent" in page
