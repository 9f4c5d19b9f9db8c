"""Scorecards: drafts, submitting, amendments that keep the old version, and who may score."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hiring.models import Scorecard, ScorecardStatus
from hiring.scorecards import (
    Score,
    evidence_warnings,
    scorecard_amend,
    scorecard_save,
    scorecard_submit,
)
from tests.hiring.cast import HiringCast, full_scores

pytestmark = pytest.mark.django_db


def test_a_draft_is_saved_and_saved_again(hiring: HiringCast) -> None:
    scores = full_scores(hiring.interview)
    card = scorecard_save(interview=hiring.interview, interviewer=hiring.first, scores=scores)
    again = scorecard_save(
        interview=hiring.interview, interviewer=hiring.first, scores=scores, recommendation="no"
    )
    assert card.pk == again.pk
    assert again.status == ScorecardStatus.DRAFT and again.recommendation == "no"
    assert again.ratings.count() == 5


def test_submitting_needs_evidence_for_every_rating_and_a_recommendation(
    hiring: HiringCast,
) -> None:
    items = list(hiring.interview.kit.competencies.all())
    scores = {item.pk: Score(3, "Named the steps they took.") for item in items}
    scores[items[0].pk] = Score(4, "")
    scores[items[1].pk] = Score(None)  # not assessed needs no evidence
    del scores[items[2].pk]
    card = scorecard_save(interview=hiring.interview, interviewer=hiring.first, scores=scores)
    with pytest.raises(ValidationError) as raised:
        scorecard_submit(scorecard=card, by=hiring.first)
    messages = " ".join(raised.value.messages)
    assert "write the evidence" in messages
    assert "rate it, or mark it not assessed" in messages
    assert "overall recommendation" in messages
    assert Scorecard.objects.get(pk=card.pk).status == ScorecardStatus.DRAFT


def test_no_decision_is_a_recommendation(hiring: HiringCast) -> None:
    card = scorecard_save(
        interview=hiring.interview,
        interviewer=hiring.first,
        scores=full_scores(hiring.interview),
        recommendation="no_decision",
    )
    assert scorecard_submit(scorecard=card, by=hiring.first).is_submitted


def test_a_rating_off_the_scale_is_refused(hiring: HiringCast) -> None:
    item = hiring.interview.kit.competencies.first()
    assert item is not None
    with pytest.raises(ValidationError, match="1 to 5"):
        scorecard_save(
            interview=hiring.interview, interviewer=hiring.first, scores={item.pk: Score(6, "x")}
        )


def test_a_submitted_scorecard_is_changed_only_by_an_amendment(hiring: HiringCast) -> None:
    card = scorecard_save(
        interview=hiring.interview,
        interviewer=hiring.first,
        scores=full_scores(hiring.interview),
        recommendation="yes",
    )
    scorecard_submit(scorecard=card, by=hiring.first)
    with pytest.raises(ValidationError, match="amend"):
        scorecard_save(
            interview=hiring.interview, interviewer=hiring.first, scores={}, recommendation="no"
        )
    item = hiring.interview.kit.competencies.first()
    assert item is not None
    with pytest.raises(ValidationError, match="why"):
        scorecard_amend(scorecard=card, by=hiring.first, reason=" ", scores={}, recommendation="no")
    amended = scorecard_amend(
        scorecard=card,
        by=hiring.first,
        reason="Mixed up two candidates' notes.",
        scores={item.pk: Score(2, "Could not say how they followed up.")},
        recommendation="no",
    )
    card.refresh_from_db()
    assert (amended.version, amended.previous, amended.current) == (2, card, True)
    assert amended.is_submitted and not card.current
    assert card.recommendation == "yes"  # the old version is kept as it was
    assert card.ratings.get(kit_competency=item).rating == 4
    assert amended.ratings.get(kit_competency=item).rating == 2
    assert amended.ratings.count() == 5


def test_only_the_panel_scores(hiring: HiringCast) -> None:
    for name in ("north:hiring_manager", "north:candidate", "south:interviewer", "outsider"):
        with pytest.raises(PermissionDenied):
            scorecard_save(
                interview=hiring.interview,
                interviewer=hiring.people[name],
                scores=full_scores(hiring.interview),
            )


def test_someone_else_cannot_submit_my_draft(hiring: HiringCast) -> None:
    card = scorecard_save(
        interview=hiring.interview,
        interviewer=hiring.first,
        scores=full_scores(hiring.interview),
        recommendation="yes",
    )
    with pytest.raises(PermissionDenied):
        scorecard_submit(scorecard=card, by=hiring.second)


def test_it_warns_when_evidence_reads_as_an_inference(hiring: HiringCast) -> None:
    item = hiring.interview.kit.competencies.first()
    assert item is not None
    card = scorecard_save(
        interview=hiring.interview,
        interviewer=hiring.first,
        scores={item.pk: Score(2, "Seems a bit cold, not a culture fit.")},
    )
    [warning] = evidence_warnings(card)
    assert "inference" in warning
