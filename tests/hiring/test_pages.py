"""The hiring pages, as each member of the cast sees them: the kit builder, scorecards, the
debrief and calibration, and the blind rule on every page that could show a panel's ratings."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from audit.models import AuditEvent
from hiring.models import InterviewKit, KitQuestion, Scorecard, ScorecardStatus
from hiring.scorecards import scorecard_save
from questionbank.models import Competency, Level, Question, Role
from tests.hiring.cast import HiringCast, full_scores, submit_scorecard

pytestmark = pytest.mark.django_db

FIRST_SAID = "First interviewer noted"


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_hiring_manager_builds_and_publishes_a_kit(hiring: HiringCast) -> None:
    client = client_for(hiring.manager)
    response = client.post(
        reverse("hiring:kit_new"),
        {
            "organisation": hiring.cast.north.pk,
            "role": Role.objects.get(slug="patient-advocate").pk,
            "level": Level.objects.get(slug="entry").pk,
            "title": "Advocate screen",
        },
    )
    kit = InterviewKit.objects.get(title="Advocate screen")
    assert response.status_code == 302 and response["Location"] == kit.get_absolute_url()
    for slug in (
        "advocacy",
        "motivation",
        "privacy-security",
        "conflict-resolution",
        "lived-experience",
    ):
        competency = Competency.objects.get(slug=slug)
        client.post(
            reverse("hiring:kit_competency_add", args=[kit.pk]), {"competency": competency.pk}
        )
        item = kit.competencies.get(competency=competency)
        bank = Question.objects.filter(competency=competency).first()
        assert bank is not None
        client.post(reverse("hiring:kit_question_add", args=[item.pk]), {"bank_question": bank.pk})
    page = client.get(kit.get_absolute_url())
    assert b"Publish this kit" in page.content
    client.post(reverse("hiring:kit_publish", args=[kit.pk]))
    kit.refresh_from_db()
    assert kit.is_published


def test_a_written_question_shows_the_guards_verdict(hiring: HiringCast) -> None:
    client = client_for(hiring.manager)
    draft = client.post(reverse("hiring:kit_new_version", args=[hiring.kit.pk]))
    kit = InterviewKit.objects.get(version=2)
    assert draft["Location"] == kit.get_absolute_url()
    question = KitQuestion.objects.filter(kit_competency__kit=kit).first()
    assert question is not None
    client.post(
        reverse("hiring:kit_question_edit", args=[question.pk]),
        {"text": "Who looks after your kids while you are at work?"},
    )
    page = client.get(kit.get_absolute_url()).content.decode()
    assert "asks about a protected topic" in page
    assert "Family status and caring responsibilities" in page
    assert "Can you meet the schedule of this role" in page
    assert "Publish this kit" not in page


def test_weights_without_a_rationale_are_refused_with_a_message(hiring: HiringCast) -> None:
    client = client_for(hiring.manager)
    client.post(reverse("hiring:kit_new_version", args=[hiring.kit.pk]))
    item = InterviewKit.objects.get(version=2).competencies.first()
    assert item is not None
    page = client.post(
        reverse("hiring:kit_competency_weigh", args=[item.pk]), {"weight": "2"}, follow=True
    )
    assert "A weight needs a written rationale." in page.content.decode()
    item.refresh_from_db()
    assert item.weight is None


@pytest.mark.parametrize("who", ["north:interviewer", "south:hiring_manager", "outsider"])
def test_only_the_hiring_manager_changes_kits(hiring: HiringCast, who: str) -> None:
    client = client_for(hiring.people[who])
    assert client.post(reverse("hiring:kit_new_version", args=[hiring.kit.pk])).status_code == 404
    assert client.post(reverse("hiring:kit_publish", args=[hiring.kit.pk])).status_code == 404
    # Building kits and adding candidates is for hiring managers (of their own organisation).
    expected = 200 if who == "south:hiring_manager" else 404
    assert client.get(reverse("hiring:kit_new")).status_code == expected
    assert client.get(reverse("hiring:candidate_new")).status_code == expected


def test_an_interviewer_scores_saves_a_draft_and_submits(hiring: HiringCast) -> None:
    client = client_for(hiring.first)
    url = hiring.interview.get_absolute_url()
    items = list(hiring.interview.kit.competencies.all())
    data = {f"rating_{item.pk}": "4" for item in items}
    data |= {f"evidence_{item.pk}": "Walked through the complaint log they kept." for item in items}
    data[f"rating_{items[0].pk}"] = "na"
    data[f"evidence_{items[0].pk}"] = ""
    client.post(url, data | {"action": "save"})
    card = Scorecard.objects.get(interviewer=hiring.first)
    assert card.status == ScorecardStatus.DRAFT
    refused = client.post(url, data | {"action": "submit"})
    assert refused.status_code == 400 and b"overall recommendation" in refused.content
    client.post(url, data | {"action": "submit", "recommendation": "strong_yes"})
    card.refresh_from_db()
    assert card.is_submitted and card.recommendation == "strong_yes"
    assert card.ratings.get(kit_competency=items[0]).not_assessed


def test_an_interviewer_amends_and_the_old_version_is_kept(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first)
    client = client_for(hiring.first)
    items = list(hiring.interview.kit.competencies.all())
    data = {f"rating_{item.pk}": "2" for item in items}
    data |= {f"evidence_{item.pk}": "Gave no example." for item in items}
    response = client.post(
        hiring.interview.get_absolute_url(),
        data | {"action": "amend", "recommendation": "no", "reason": "Re-read my notes."},
    )
    assert response.status_code == 302
    versions = Scorecard.objects.filter(interviewer=hiring.first).order_by("version")
    assert [(v.version, v.current, v.recommendation) for v in versions] == [
        (1, False, "yes"),
        (2, True, "no"),
    ]


# --- Blind until submitted: every page that could show the panel ---------------------------------


def _read_paths(hiring: HiringCast) -> dict[str, str]:
    return {
        "interview": hiring.interview.get_absolute_url(),
        "debrief": reverse("hiring:debrief", args=[hiring.candidate.pk]),
        "candidate": hiring.candidate.get_absolute_url(),
        "calibration": reverse("hiring:calibration_own"),
        "home": reverse("hiring:home"),
        "kit": hiring.kit.get_absolute_url(),
        "kit_yaml": reverse("hiring:kit_yaml", args=[hiring.kit.pk]),
    }


def test_no_page_shows_another_scorecard_before_you_submit(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first, rating=5, says="strong_yes", note=FIRST_SAID)
    scorecard_save(
        interview=hiring.interview,
        interviewer=hiring.second,
        scores=full_scores(hiring.interview, 2),
    )
    client = client_for(hiring.second)
    for name, url in _read_paths(hiring).items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = response.content.decode()
        assert FIRST_SAID not in body, name
        assert "north-interviewer</th>" not in body, name
        assert "<td>Strong yes</td>" not in body, name
        assert "Yet to submit" not in body, name
    pdf = client.get(reverse("hiring:kit_pdf", args=[hiring.kit.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    panel = reverse("hiring:calibration_panel", args=[hiring.cast.north.slug])
    assert client.get(panel).status_code == 404
    debrief = client.get(reverse("hiring:debrief", args=[hiring.candidate.pk])).content.decode()
    assert "Submit your own scorecard for this interview" in debrief


def test_after_both_submit_the_debrief_shows_who_said_what(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first, rating=5, says="strong_yes")
    submit_scorecard(hiring.interview, hiring.second, rating=2, says="no")
    body = client_for(hiring.second).get(reverse("hiring:debrief", args=[hiring.candidate.pk]))
    text = body.content.decode()
    assert "north-interviewer</th>" in text and "north-interviewer2</th>" in text
    assert "<td>Strong yes</td>" in text and "Panel splits" in text
    assert "The panel splits on the outcome" in text
    assert "<svg" in text and "<desc>" in text


def test_the_hiring_manager_sees_submitted_scorecards_and_who_is_pending(
    hiring: HiringCast,
) -> None:
    submit_scorecard(hiring.interview, hiring.first, rating=5, says="strong_yes")
    text = client_for(hiring.manager).get(reverse("hiring:debrief", args=[hiring.candidate.pk]))
    body = text.content.decode()
    assert "<td>Strong yes</td>" in body and "Yet to submit: north-interviewer2" in body
    panel = reverse("hiring:calibration_panel", args=[hiring.cast.north.slug])
    assert client_for(hiring.manager).get(panel).status_code == 200


@pytest.mark.parametrize(
    "who", ["south:hiring_manager", "south:interviewer", "north:candidate", "outsider"]
)
def test_outsiders_get_404_on_every_hiring_object(hiring: HiringCast, who: str) -> None:
    submit_scorecard(hiring.interview, hiring.first)
    client = client_for(hiring.people[who])
    for name, url in _read_paths(hiring).items():
        if name in ("home", "calibration"):
            continue
        assert client.get(url).status_code == 404, name
    assert client.get(reverse("hiring:kit_pdf", args=[hiring.kit.pk])).status_code == 404
    assert client.post(hiring.interview.get_absolute_url(), {"action": "save"}).status_code == 404


def test_viewing_a_candidate_is_audited(hiring: HiringCast) -> None:
    client_for(hiring.manager).get(hiring.candidate.get_absolute_url())
    assert AuditEvent.objects.filter(
        event="hiring_candidate_viewed", object_id=str(hiring.candidate.pk)
    ).exists()


def test_erasing_a_candidate_from_the_page(hiring: HiringCast) -> None:
    client = client_for(hiring.manager)
    url = reverse("hiring:candidate_erase", args=[hiring.candidate.pk])
    assert b"Erase Robin Example?" in client.get(url).content
    client.post(url)
    assert client.get(hiring.candidate.get_absolute_url()).status_code == 404


def test_the_hiring_link_is_shown_to_hiring_staff_only(hiring: HiringCast) -> None:
    assert b'href="/hiring/">Hiring</a>' in client_for(hiring.first).get("/").content
    assert (
        b'href="/hiring/">Hiring</a>'
        not in client_for(hiring.people["north:candidate"]).get("/").content
    )


def test_the_panel_calibration_page_filters_by_kit(hiring: HiringCast) -> None:
    submit_scorecard(hiring.interview, hiring.first)
    url = reverse("hiring:calibration_panel", args=[hiring.cast.north.slug])
    client = client_for(hiring.manager)
    page = client.get(url, {"kit": hiring.kit.pk})
    assert page.status_code == 200 and "of the kit “Patient liaison panel”" in page.content.decode()
    assert client.get(url, {"kit": 999999}).status_code == 404
