"""Reads of the hiring area, always through the policy (`programmes.policy`): a debrief, a
calibration report, and the rows they are built from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from programmes import policy
from programmes.models import Organisation
from programmes.roles import Viewer, user_id

from . import calibration
from .debrief import Card, CompetencyLine, Debrief, debrief_build
from .kits import kit_versions
from .models import Interview, InterviewKit, Recommendation, Scorecard, ScorecardStatus

RECOMMENDATION_LABELS = dict(Recommendation.choices)


def visible_submitted(viewer: Viewer) -> QuerySet[Scorecard]:
    """Current submitted scorecards `viewer` may read (the blind rule is the policy's)."""
    return policy.scorecards_visible_to(viewer).filter(
        status=ScorecardStatus.SUBMITTED, current=True
    )


def competency_lines(interview: Interview) -> list[CompetencyLine]:
    return [
        CompetencyLine(item.pk, item.competency.name, float(item.weight) if item.weight else None)
        for item in interview.kit.competencies.select_related("competency")
    ]


def _cards(scorecards: QuerySet[Scorecard]) -> list[Card]:
    cards = []
    for card in scorecards.select_related("interviewer").prefetch_related("ratings"):
        ratings = {r.kit_competency_id: (r.rating, r.evidence) for r in card.ratings.all()}
        label = RECOMMENDATION_LABELS.get(card.recommendation, card.recommendation)
        cards.append(Card(card.interviewer.get_username(), card.recommendation, ratings, label))
    return cards


def debrief_for(viewer: Viewer, interview: Interview) -> Debrief | None:
    """The panel's debrief of `interview`, or None while `viewer` may not see the panel (an
    interviewer who has not submitted their own scorecard)."""
    if not policy.may_debrief(viewer, interview):
        return None
    cards = visible_submitted(viewer).filter(interview=interview).order_by("interviewer__username")
    return debrief_build(competency_lines(interview), _cards(cards))


def panel_pending(viewer: Viewer, interview: Interview) -> list[str] | None:
    """Panel members yet to submit, for the hiring manager only (others get None)."""
    if not policy.may_manage_hiring(viewer, interview.candidate.organisation):
        return None
    done = set(
        Scorecard.objects.filter(interview=interview, status=ScorecardStatus.SUBMITTED).values_list(
            "interviewer_id", flat=True
        )
    )
    return sorted(u.get_username() for u in interview.panel.all() if u.pk not in done)


# --- Calibration ---------------------------------------------------------------------------


@dataclass
class CalibrationReport:
    scope: str  # "panel" or "own"
    interviews: int
    alpha: dict[str, float | None] = field(default_factory=dict)
    icc: dict[str, calibration.ICC | None] = field(default_factory=dict)
    leniency: list[calibration.Leniency] = field(default_factory=list)
    order_warnings: list[calibration.OrderWarning] = field(default_factory=list)


def _ratings(scorecards: QuerySet[Scorecard]) -> list[calibration.Rating]:
    """Rating rows keyed by competency name, with each interviewer's own order of interviews."""
    cards = list(
        scorecards.select_related("interview", "interviewer").prefetch_related(
            "ratings__kit_competency__competency"
        )
    )
    order: dict[Hashable, list[Interview]] = defaultdict(list)
    for card in sorted(cards, key=lambda c: (c.interview.scheduled_at, c.interview.pk)):
        order[card.interviewer.get_username()].append(card.interview)
    rows = []
    for card in cards:
        who = card.interviewer.get_username()
        seen = order[who].index(card.interview)
        for rating in card.ratings.all():
            name = rating.kit_competency.competency.name
            rows.append(calibration.Rating(card.interview.pk, who, name, rating.rating, seen))
    return rows


def _report(scope: str, rows: list[calibration.Rating], interviews: int) -> CalibrationReport:
    return CalibrationReport(
        scope=scope,
        interviews=interviews,
        alpha={str(k): v for k, v in sorted(calibration.alpha_by_competency(rows).items())},
        icc={str(k): v for k, v in sorted(calibration.icc_by_competency(rows).items())},
        leniency=calibration.leniency(rows),
        order_warnings=calibration.order_effects(rows),
    )


def panel_calibration(
    viewer: Viewer, organisation: Organisation, kit: InterviewKit | None = None
) -> CalibrationReport | None:
    """Every submitted scorecard of the organisation, or of one kit (all its versions): for its
    hiring managers only."""
    if not policy.may_manage_hiring(viewer, organisation):
        return None
    cards = visible_submitted(viewer).filter(interview__candidate__organisation=organisation)
    if kit is not None:
        cards = cards.filter(interview__kit__in=[v.pk for v in kit_versions(kit)])
    interviews = cards.values("interview_id").distinct().count()
    return _report("panel", _ratings(cards), interviews)


def own_calibration(viewer: Viewer) -> CalibrationReport:
    """The viewer's own leniency, drift and order effect, against the panels of the interviews
    they have submitted on (whose scorecards they may already read)."""
    uid = user_id(viewer)
    mine = visible_submitted(viewer).filter(interviewer_id=uid).values("interview_id")
    cards = visible_submitted(viewer).filter(interview__in=mine)
    rows = _ratings(cards)
    me = getattr(viewer, "username", "")
    report = _report("own", rows, cards.values("interview_id").distinct().count())
    report.leniency = [row for row in report.leniency if row.interviewer == me]
    report.order_warnings = [w for w in report.order_warnings if w.interviewer == me]
    return report
