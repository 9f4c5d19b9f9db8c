"""Writes on scorecards: save a draft, submit it, amend a submitted one with a new version.

Who may score is the policy's (`may_score`); these functions refuse anyone else, so no caller
can forget to ask.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from programmes import policy

from .models import CompetencyRating, Interview, Recommendation, Scorecard, ScorecardStatus

# Words that make an evidence note an inference about the person rather than what they said or
# did; the note is still saved, the interviewer is told.
INFERENCE_WORDS = (
    "seems",
    "seemed",
    "i feel",
    "i felt",
    "comes across",
    "came across",
    "personality",
    "probably",
    "gut",
    "vibe",
    "culture fit",
    "not a fit",
)


@dataclass(frozen=True)
class Score:
    """One competency's entry: 1-5, or None for "not assessed", with the evidence note. A
    draft may keep a note before choosing a rating: `pending` (then None means not yet)."""

    rating: int | None
    evidence: str = ""
    pending: bool = False


def current_scorecard(interview: Interview, user: User) -> Scorecard | None:
    return Scorecard.objects.filter(interview=interview, interviewer=user, current=True).first()


def _write_ratings(scorecard: Scorecard, scores: Mapping[int, Score]) -> None:
    """Ratings keyed by kit competency id; ids not in the interview's kit are refused."""
    known = set(scorecard.interview.kit.competencies.values_list("pk", flat=True))
    unknown = set(scores) - known
    if unknown:
        raise ValidationError("A rating names a competency that is not in this interview's kit.")
    for kit_competency_id, score in scores.items():
        if score.rating is not None and not 1 <= score.rating <= 5:
            raise ValidationError("A rating is 1 to 5, or not assessed.")
        CompetencyRating.objects.update_or_create(
            scorecard=scorecard,
            kit_competency_id=kit_competency_id,
            defaults={
                "rating": score.rating,
                "not_assessed": score.rating is None and not score.pending,
                "evidence": score.evidence.strip(),
            },
        )


def _check_recommendation(recommendation: str) -> None:
    if recommendation and recommendation not in Recommendation.values:
        raise ValidationError(f"Unknown recommendation {recommendation!r}.")


@transaction.atomic
def scorecard_save(
    *,
    interview: Interview,
    interviewer: User,
    scores: Mapping[int, Score],
    recommendation: str = "",
    summary: str = "",
) -> Scorecard:
    """Create or update the interviewer's draft. A submitted scorecard is changed only by
    `scorecard_amend`."""
    if not policy.may_score(interviewer, interview):
        raise PermissionDenied("Only a member of this interview's panel can score it.")
    _check_recommendation(recommendation)
    scorecard = current_scorecard(interview, interviewer)
    if scorecard is not None and scorecard.is_submitted:
        raise ValidationError("This scorecard is submitted; amend it to change it.")
    if scorecard is None:
        scorecard = Scorecard.objects.create(interview=interview, interviewer=interviewer)
    scorecard.recommendation, scorecard.summary = recommendation, summary.strip()
    scorecard.save()
    _write_ratings(scorecard, scores)
    return scorecard


def submit_problems(scorecard: Scorecard) -> list[str]:
    """What a scorecard lacks before it can be submitted."""
    ratings = {r.kit_competency_id: r for r in scorecard.ratings.all()}
    problems = []
    for item in scorecard.interview.kit.competencies.select_related("competency"):
        rating = ratings.get(item.pk)
        if rating is None or not rating.settled:
            problems.append(f"{item.competency.name}: rate it, or mark it not assessed.")
        elif rating.rating is not None and not rating.evidence:
            problems.append(
                f"{item.competency.name}: write the evidence (what the candidate said or did)."
            )
    if not scorecard.recommendation:
        problems.append("Choose an overall recommendation (or No decision).")
    return problems


def evidence_warnings(scorecard: Scorecard) -> list[str]:
    """Evidence notes that read as an inference about the person; advice, never a block."""
    warnings = []
    for rating in scorecard.ratings.select_related("kit_competency__competency"):
        lowered = rating.evidence.lower()
        found = [word for word in INFERENCE_WORDS if re.search(rf"\b{word}\b", lowered)]
        if found:
            warnings.append(
                f"{rating.kit_competency.competency.name}: “{found[0]}” reads as an inference; "
                "note what the candidate said or did."
            )
    return warnings


def scorecard_submit(*, scorecard: Scorecard, by: User) -> Scorecard:
    if scorecard.interviewer_id != by.pk:
        raise PermissionDenied("Only its author submits a scorecard.")
    if not policy.may_score(by, scorecard.interview):
        raise PermissionDenied("Only a member of this interview's panel can score it.")
    if scorecard.is_submitted:
        raise ValidationError("This scorecard is already submitted.")
    problems = submit_problems(scorecard)
    if problems:
        raise ValidationError(problems)
    scorecard.status, scorecard.submitted_at = ScorecardStatus.SUBMITTED, timezone.now()
    scorecard.save()
    return scorecard


@transaction.atomic
def scorecard_amend(
    *,
    scorecard: Scorecard,
    by: User,
    reason: str,
    scores: Mapping[int, Score],
    recommendation: str,
    summary: str = "",
) -> Scorecard:
    """A new submitted version with the changes; the old one is kept, no longer current."""
    if scorecard.interviewer_id != by.pk or not policy.may_score(by, scorecard.interview):
        raise PermissionDenied("Only its author, still on the panel, amends a scorecard.")
    if not scorecard.is_submitted or not scorecard.current:
        raise ValidationError("Only the current submitted scorecard can be amended.")
    if not reason.strip():
        raise ValidationError("Say why the scorecard is being amended.")
    _check_recommendation(recommendation)
    Scorecard.objects.filter(pk=scorecard.pk).update(current=False)
    amended = Scorecard.objects.create(
        interview=scorecard.interview,
        interviewer=by,
        version=scorecard.version + 1,
        previous=scorecard,
        amendment_reason=reason.strip(),
        recommendation=recommendation,
        summary=summary.strip() or scorecard.summary,
    )
    old = {
        r.kit_competency_id: Score(r.rating, r.evidence, pending=not r.settled)
        for r in scorecard.ratings.all()
    }
    _write_ratings(amended, {**old, **scores})
    problems = submit_problems(amended)
    if problems:
        raise ValidationError(problems)  # rolls the whole amendment back
    amended.status, amended.submitted_at = ScorecardStatus.SUBMITTED, timezone.now()
    amended.save()
    return amended
