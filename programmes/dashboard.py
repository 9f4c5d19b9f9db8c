"""The programme admin's view of a cohort: for each candidate only the figures they share
(ProgrammeShare), never an answer; the cohort's weakest competencies from shared averages only;
and the same rows as CSV."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import mean

from django.db.models import Avg, Count, Q

from accounts.models import Profile
from practice.models import Attempt, MockInterview

from . import policy
from .models import SHARE_ITEMS, Cohort, MemberRole, Membership, Organisation, ProgrammeShare
from .roles import Viewer

NOT_SHARED = "not shared"


@dataclass
class CandidateSummary:
    username: str
    cohort: str
    shared: list[str]
    practice_count: int | None = None
    mock_interviews: int | None = None
    interview_date: date | None = None
    competency_averages: dict[str, int] | None = None


@dataclass
class CohortView:
    candidates: list[CandidateSummary] = field(default_factory=list)
    weakest: list[tuple[str, int, int]] = field(default_factory=list)  # name, average, people


def _candidates(organisation: Organisation, cohort: Cohort | None) -> list[Membership]:
    rows = Membership.objects.filter(organisation=organisation, role=MemberRole.CANDIDATE)
    if cohort is not None:
        rows = rows.filter(cohort=cohort)
    return list(rows.select_related("user", "cohort").order_by("user__username"))


def _averages(user_ids: list[int]) -> dict[int, dict[str, int]]:
    """Per user, the average overall score per competency, over reviewed answers only. An
    answer whose review is not finished holds a placeholder 0 and is left out; a reviewed
    answer that scored 0 is a real score and counts. Follow-up probes are left out too (not a
    question of the bank)."""
    found = (
        Attempt.objects.filter(user_id__in=user_ids, competency__isnull=False)
        .filter(review_status=Attempt.Review.DONE, follow_up="")
        .values("user_id", "competency__name")
        .annotate(avg=Avg("overall"))
    )
    by_user: dict[int, dict[str, int]] = defaultdict(dict)
    for row in found:
        by_user[row["user_id"]][row["competency__name"]] = round(row["avg"])
    return by_user


def cohort_view(*, viewer: Viewer, organisation: Organisation, cohort: Cohort | None) -> CohortView:
    """The summary rows `viewer` may see: none unless they run the organisation."""
    view = CohortView()
    if not policy.may_administer(viewer, organisation):
        return view
    members = _candidates(organisation, cohort)
    shares = {
        s.user_id: s
        for s in policy.shares_visible_to(viewer).filter(
            organisation=organisation, user_id__in=[m.user_id for m in members]
        )
    }
    ids = {item: [u for u, s in shares.items() if getattr(s, item)] for item in SHARE_ITEMS}
    counts = dict(
        Attempt.objects.filter(user_id__in=ids["practice_count"])
        .values_list("user_id")
        .annotate(n=Count("id"))
    )
    mocks = dict(
        MockInterview.objects.filter(user_id__in=ids["mock_interviews"])
        .values_list("user_id")
        .annotate(n=Count("id", filter=Q(status=MockInterview.Status.FINISHED)))
    )
    dates = dict(
        Profile.objects.filter(user_id__in=ids["interview_date"]).values_list(
            "user_id", "interview_date"
        )
    )
    averages = _averages(ids["competency_averages"])
    for member in members:
        share = shares.get(member.user_id) or ProgrammeShare()
        summary = CandidateSummary(
            username=member.user.username,
            cohort=member.cohort.name if member.cohort else "",
            shared=share.shared_items(),
        )
        uid = member.user_id
        if share.practice_count:
            summary.practice_count = counts.get(uid, 0)
        if share.mock_interviews:
            summary.mock_interviews = mocks.get(uid, 0)
        if share.interview_date:
            summary.interview_date = dates.get(uid)
        if share.competency_averages:
            summary.competency_averages = averages.get(uid, {})
        view.candidates.append(summary)
    view.weakest = weakest_competencies(view.candidates)
    return view


def weakest_competencies(
    candidates: list[CandidateSummary], count: int = 3
) -> list[tuple[str, int, int]]:
    """The competencies with the lowest average of the shared per-candidate averages (each
    candidate counts once, however much they practised): (name, average, people)."""
    scores: dict[str, list[int]] = defaultdict(list)
    for candidate in candidates:
        for name, average in (candidate.competency_averages or {}).items():
            scores[name].append(average)
    ranked = sorted(
        ((name, round(mean(values)), len(values)) for name, values in scores.items()),
        key=lambda item: (item[1], item[0]),
    )
    return ranked[:count]


def _cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula ("=...", "+...", "-...", "@...") is
    written with a leading apostrophe; usernames may start with + - or @."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def cohort_csv(view: CohortView) -> str:
    """One line per candidate; an item the candidate does not share says so."""
    competencies = sorted({n for c in view.candidates for n in c.competency_averages or {}})
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["username", "cohort", "answers practised", "mock interviews finished", "interview date"]
        + [_cell(f"average: {name}") for name in competencies]
    )
    for c in view.candidates:
        averages = c.competency_averages
        writer.writerow(
            [
                _cell(c.username),
                _cell(c.cohort),
                NOT_SHARED if c.practice_count is None else c.practice_count,
                NOT_SHARED if c.mock_interviews is None else c.mock_interviews,
                _date_cell(c),
            ]
            + [NOT_SHARED if averages is None else averages.get(name, "") for name in competencies]
        )
    return out.getvalue()


def _date_cell(candidate: CandidateSummary) -> str:
    if "interview_date" not in candidate.shared:
        return NOT_SHARED
    return candidate.interview_date.isoformat() if candidate.interview_date else ""
