"""Ranked full-text search, on whichever database the suite runs on (SQLite's FTS5 or
PostgreSQL's tsvector): ranking by where a word stands, stemming, the index kept in step with
edits, fallbacks, and the viewer's visible questions as the limit."""

import pytest

from questionbank.models import Competency, ExampleAnswer, Question
from questionbank.search import excerpt, highlight, search_terms
from questionbank.selectors import QuestionFilter, question_find, question_list

pytestmark = pytest.mark.django_db


def found(q: str, **filters: str) -> list[str]:
    return [question.slug for question in question_list(QuestionFilter(q=q, **filters))]


def a_question(
    slug: str, text: str, point: str = "Say what you did.", example: str = ""
) -> Question:
    question = Question.objects.create(
        slug=slug,
        text=text,
        type="situational",
        competency=Competency.objects.order_by("pk")[0],
        key_points=[point],
        what_not_to_say=[],
        follow_ups=[],
        listen_for=[],
    )
    ExampleAnswer.objects.create(
        question=question, quality="strong", text=example or "I listened first.", why="Clear."
    )
    return question


def test_portal_returns_questions_about_the_portal_first(bank: None) -> None:
    listed = list(question_list(QuestionFilter(q="portal")))
    assert len(listed) > 10
    assert all("portal" in question.text.lower() for question in listed[:8])
    # and questions that only mention it in their guidance or answers still come, lower down
    assert any("portal" not in question.text.lower() for question in listed)


def test_a_word_in_the_question_outranks_one_in_its_talking_points_or_answers(bank: None) -> None:
    a_question("zz-in-answer", "How do you plan your week?", example="I keep quokkas calm.")
    a_question("zz-in-point", "How do you welcome visitors?", point="Mention the quokkas.")
    a_question("zz-in-text", "What would you do if quokkas got into the clinic?")
    assert found("quokkas") == ["zz-in-text", "zz-in-point", "zz-in-answer"]


def test_words_are_matched_by_their_stem(bank: None) -> None:
    assert found("portals")[:5] == found("portal")[:5]
    assert "ps-login-troubleshooting" in found("troubleshooting logins")  # "troubleshoot", "log"


def test_every_word_must_match_and_then_any_word_does(bank: None) -> None:
    both, match = question_find(QuestionFilter(q="proxy teenager"))
    assert match is not None and match.mode == "all"
    assert [q.slug for q in both] == ["ps-adolescent-proxy"]
    some, match = question_find(QuestionFilter(q="proxy qwxzv"))
    assert match is not None and match.mode == "any" and match.terms == ("proxy", "qwxzv")
    assert "ps-adolescent-proxy" in [q.slug for q in some]


def test_a_query_of_common_words_searches_for_nothing(bank: None) -> None:
    listed, match = question_find(QuestionFilter(q="how do I"))
    assert match is not None and match.mode == "none" and not listed.exists()
    assert search_terms("How do I handle an ANGRY patient? angry") == ["handle", "angry", "patient"]


@pytest.mark.parametrize("q", ['"portal', "portal OR NEAR(", "col:portal *", "'; DROP TABLE x"])
def test_query_syntax_typed_by_a_user_is_read_as_words(bank: None, q: str) -> None:
    found(q)  # no syntax error from either database


def test_the_index_follows_edits_and_deletions(bank: None) -> None:
    question = a_question("zz-edited", "Tell me about the wombats on the ward.")
    assert found("wombat") == ["zz-edited"]
    question.text = "Tell me about the platypus in the pharmacy."
    question.save()
    assert found("wombat") == [] and found("platypus") == ["zz-edited"]
    ExampleAnswer.objects.create(question=question, quality="weak", text="Echidnas.", why="Short.")
    assert found("echidna") == ["zz-edited"]
    question.delete()
    assert found("platypus") == []


def test_the_content_loader_indexes_what_it_loads(bank: None) -> None:
    question = Question.objects.get(slug="ps-adolescent-proxy")
    strong = question.example_answers.get(quality="strong")
    word = max(strong.text.split(), key=len).strip(".,;:()\"'").lower()
    assert "ps-adolescent-proxy" in found(word)


def test_search_keeps_to_the_questions_the_viewer_may_see(bank: None) -> None:
    hidden = "ps-basic-features"
    visible = Question.objects.exclude(slug=hidden)
    listed = [q.slug for q in question_list(QuestionFilter(q="portal features"), visible)]
    assert hidden in found("portal features") and hidden not in listed


def test_search_and_filters_combine(bank: None) -> None:
    listed = list(question_list(QuestionFilter(q="portal", type="behavioural")))
    assert listed and all(question.type == "behavioural" for question in listed)


def test_a_role_page_search_keeps_the_roles_own_questions_first(bank: None) -> None:
    listed = list(question_list(QuestionFilter(q="privacy", role="patient-portal-specialist")))
    own = [q.own for q in listed]  # type: ignore[attr-defined]
    assert own == sorted(own, reverse=True) and any(own)


def test_highlighting_marks_matched_words_and_escapes_the_rest() -> None:
    marked = highlight('<b>Portals</b> & "portal" access', ("portal",))
    assert marked == (
        "&lt;b&gt;<mark>Portals</mark>&lt;/b&gt; &amp; &quot;<mark>portal</mark>&quot; access"
    )
    assert highlight("Nothing here", ("portal",)) == "Nothing here"


def test_an_excerpt_is_a_window_around_the_first_match() -> None:
    text = " ".join(["word"] * 40 + ["consent"] + ["more"] * 40)
    shown = excerpt(text, ("consenting",))
    assert shown is not None and "<mark>consent</mark>" in shown
    assert shown.startswith("… ") and shown.endswith(" …") and len(shown.split()) < 30
    assert excerpt("no match at all", ("consent",)) is None
