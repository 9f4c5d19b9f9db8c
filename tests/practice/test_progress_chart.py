"""The progress chart: a panel per competency on one shared date axis, a dot per day, dates on
the x axis, names escaped, and the same figures in words and in a table."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from practice.progress_chart import Axis, daily, trend_panels
from practice.selectors import CompetencyTrend
from practice.services import attempt_create
from questionbank.models import Question
from tests.practice.test_services import NO_RESULT

COMPLAINTS = CompetencyTrend(
    "complaints", "Complaints", [("2026-11-02", 40), ("2026-11-02", 60), ("2026-11-20", 75)]
)
PRIVACY = CompetencyTrend("privacy", "Privacy <and> security", [("2026-11-10", 55)])


def axis_labels(svg: str) -> list[str]:
    return re.findall(r'class="axis">([^<]+)</text>', svg)


def test_each_competency_has_a_panel_in_the_order_given() -> None:
    panels = trend_panels([PRIVACY, COMPLAINTS])
    assert [p.slug for p in panels] == ["privacy", "complaints"]
    assert trend_panels([CompetencyTrend("none", "None", [])]) == []


def test_answers_of_one_day_are_one_dot_at_their_average() -> None:
    days = daily(COMPLAINTS)
    assert [(d.day.isoformat(), d.score, d.answers) for d in days] == [
        ("2026-11-02", 50, 2),
        ("2026-11-20", 75, 1),
    ]
    svg = trend_panels([COMPLAINTS])[0].svg
    assert svg.count("<circle") == 2 and "2 Nov: 50 (2 answers)" in svg


def test_the_x_axis_shows_dates_shared_by_every_panel() -> None:
    complaints, privacy = (p.svg for p in trend_panels([COMPLAINTS, PRIVACY]))
    assert "2 Nov" in axis_labels(complaints) and "20 Nov" in axis_labels(complaints)
    assert axis_labels(complaints) == axis_labels(privacy)  # one axis for all
    assert {"0", "50", "70", "100"} <= set(axis_labels(complaints))


def test_a_single_day_is_drawn_in_the_middle_without_a_line() -> None:
    svg = trend_panels([PRIVACY])[0].svg
    assert "<polyline" not in svg and 'cx="167.0"' in svg  # (30 + 304) / 2
    assert Axis(daily(PRIVACY)[0].day, daily(PRIVACY)[0].day).ticks() == [daily(PRIVACY)[0].day]


def test_ticks_are_at_most_four_whole_days_first_and_last_included() -> None:
    start, end = daily(COMPLAINTS)[0].day, daily(COMPLAINTS)[-1].day
    ticks = Axis(start, end).ticks()
    assert ticks[0] == start and ticks[-1] == end and len(ticks) == 4


def test_names_are_escaped_and_the_chart_says_what_it_shows() -> None:
    complaints, privacy = trend_panels([COMPLAINTS, PRIVACY])
    assert "Privacy &lt;and&gt; security" in privacy.svg and "<and>" not in privacy.svg
    assert 'role="img"' in complaints.svg
    assert (
        "Complaints: 3 answers between 2 Nov and 20 Nov 2026; first 40, latest 75."
        in complaints.svg
    )
    assert complaints.change_text == "up 35" and privacy.change_text == "no change yet"


@pytest.mark.django_db
def test_the_progress_page_shows_panels_and_their_table(
    client: Client, owner: User, bank: None
) -> None:
    question = Question.objects.filter(roles__slug="patient-liaison").first()
    assert question is not None
    attempt_create(user=owner, question=question, answer=NO_RESULT)
    client.force_login(owner)
    page = client.get("/progress/").content.decode()
    assert page.count('class="trend-panel"') == 1
    assert "<caption>Scores by competency</caption>" in page
    assert f'<th scope="row">{question.competency.name}</th>' in page
