"""The search page: ranked results with the matched words marked, each result's roles, and a
clear state for no words, no match, and a partial match; the HTMX fragment updates the count."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from programmes.models import MemberRole, Membership, Organisation
from questionbank.models import Competency, Question

pytestmark = pytest.mark.django_db


def result_links(page: str) -> list[str]:
    ranked = page.split('<ol class="question-list ranked"', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'<a href="/questions/([\w-]+)/">', ranked)


def test_results_are_ranked_marked_and_name_their_roles(client: Client, bank: None) -> None:
    page = client.get("/questions/", {"q": "portals"}).content.decode()
    assert "best match first" in page
    first = page.split('<ol class="question-list ranked"', 1)[1].split("</li>", 1)[0]
    assert re.search(r"<mark>portal</mark>", first, re.IGNORECASE)
    assert "Role: Patient Portal Specialist" in first or "Roles: " in first
    assert len(result_links(page)) > 10


def test_a_match_outside_the_question_text_shows_where_it_matched(
    client: Client, bank: None
) -> None:
    page = client.get("/questions/", {"q": "coercive control"}).content.decode()
    assert 'class="excerpt-from">Talking point:' in page
    assert "<mark>coercive</mark>" in page


def test_what_a_user_types_is_shown_escaped(client: Client, bank: None) -> None:
    page = client.get("/questions/", {"q": "<script>alert(1)</script> portal"}).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; portal" in page


def test_no_match_says_so_and_offers_a_way_out(client: Client, bank: None) -> None:
    page = client.get("/roles/patient-partner/", {"q": "zzqxv"}).content.decode()
    assert "No questions match “zzqxv”" in page
    assert "search the whole bank" in page


def test_only_common_words_is_explained(client: Client, bank: None) -> None:
    page = client.get("/questions/", {"q": "how do I"}).content.decode()
    assert "Nothing to search for in “how do I”" in page


def test_a_partial_match_says_not_every_word_was_found(client: Client, bank: None) -> None:
    page = client.get("/questions/", {"q": "proxy qwxzv"}).content.decode()
    assert "No question has every word of “proxy qwxzv”" in page
    assert "ps-adolescent-proxy" in result_links(page)


def test_the_htmx_fragment_updates_the_count_out_of_band(client: Client, bank: None) -> None:
    body = client.get(
        "/questions/", {"q": "portal"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "<html" not in body
    assert 'id="result-count" role="status" hx-swap-oob="true"' in body
    page = client.get("/questions/", {"q": "portal"}).content.decode()
    assert page.count('id="result-count"') == 1 and "hx-swap-oob" not in page


def test_without_words_the_bank_is_listed_in_its_own_order(client: Client, bank: None) -> None:
    page = client.get("/questions/").content.decode()
    assert 'class="question-list ranked"' not in page and "<mark>" not in page
    assert 'type="search"' in page


def test_an_organisations_own_question_is_found_by_its_members_only(
    client: Client, bank: None, owner: User, outsider: User
) -> None:
    hospital = Organisation.objects.create(name="Riverside Hospital", slug="riverside")
    Membership.objects.create(user=owner, organisation=hospital, role=MemberRole.CANDIDATE)
    Question.all_objects.create(
        slug="riverside-kiosk",
        text="How would you help patients use the Riverside check-in kiosks?",
        type="situational",
        competency=Competency.objects.order_by("pk")[0],
        key_points=["Offer help without taking over."],
        what_not_to_say=[],
        follow_ups=[],
        listen_for=[],
        organisation=hospital,
    )
    assert "riverside-kiosk" not in client.get("/questions/", {"q": "kiosks"}).content.decode()
    client.force_login(outsider)
    assert "riverside-kiosk" not in client.get("/questions/", {"q": "kiosks"}).content.decode()
    client.force_login(owner)
    page = client.get("/questions/", {"q": "kiosks"}).content.decode()
    assert result_links(page)[0] == "riverside-kiosk" and "<mark>kiosks</mark>" in page
