"""The hiring test cast, on the programmes cast (`tests/programmes/cast.py`): north's hiring
manager has a published kit of five bank competencies, a hiring candidate and an interview whose
panel is north's interviewer and a second one ("north:interviewer2")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from hiring.candidates import hiring_candidate_create, interview_schedule
from hiring.kits import kit_competency_add, kit_create, kit_publish, kit_question_add
from hiring.models import HiringCandidate, Interview, InterviewKit
from hiring.scorecards import Score, scorecard_save, scorecard_submit
from programmes.models import MemberRole, Membership, Organisation
from questionbank.models import Competency, Level, Question, Role
from tests.programmes.cast import Cast, cast_build

COMPETENCIES = (
    "engagement-strategy",
    "cultural-competency",
    "conflict-resolution",
    "privacy-security",
    "advocacy",
)


@dataclass
class HiringCast:
    cast: Cast
    kit: InterviewKit
    candidate: HiringCandidate
    interview: Interview

    @property
    def people(self) -> dict[str, User]:
        return self.cast.people

    @property
    def manager(self) -> User:
        return self.people["north:hiring_manager"]

    @property
    def first(self) -> User:
        return self.people["north:interviewer"]

    @property
    def second(self) -> User:
        return self.people["north:interviewer2"]


def kit_build(
    organisation: Organisation, by: User, slugs: tuple[str, ...] = COMPETENCIES
) -> InterviewKit:
    """A draft kit for patient liaisons with one bank question per competency."""
    kit = kit_create(
        organisation=organisation,
        role=Role.objects.get(slug="patient-liaison"),
        level=Level.objects.get(slug="experienced"),
        title="Patient liaison panel",
        by=by,
    )
    for slug in slugs:
        item = kit_competency_add(kit=kit, competency=Competency.objects.get(slug=slug))
        kit_question_add(item=item, bank_question=Question.objects.filter(competency__slug=slug)[0])
    return kit


def hiring_cast_build() -> HiringCast:
    cast = cast_build()
    second = User.objects.create_user("north-interviewer2", "north-interviewer2@example.org")
    Membership.objects.create(user=second, organisation=cast.north, role=MemberRole.INTERVIEWER)
    cast.people["north:interviewer2"] = second
    manager = cast.people["north:hiring_manager"]
    kit = kit_publish(kit=kit_build(cast.north, manager))
    candidate = hiring_candidate_create(
        organisation=cast.north,
        name="Robin Example",
        role=kit.role,
        level=kit.level,
        by=manager,
    )
    interview = interview_schedule(
        candidate=candidate,
        kit=kit,
        scheduled_at=timezone.now() + timedelta(days=1),
        panel=[cast.people["north:interviewer"], second],
        by=manager,
    )
    return HiringCast(cast, kit, candidate, interview)


def full_scores(
    interview: Interview, rating: int = 4, note: str = "Described step"
) -> dict[int, Score]:
    return {
        item.pk: Score(rating, f"{note} {n} of how they handled a complaint.")
        for n, item in enumerate(interview.kit.competencies.all())
    }


def submit_scorecard(
    interview: Interview,
    who: User,
    rating: int = 4,
    says: str = "yes",
    note: str = "Described step",
) -> None:
    card = scorecard_save(
        interview=interview,
        interviewer=who,
        scores=full_scores(interview, rating, note),
        recommendation=says,
    )
    scorecard_submit(scorecard=card, by=who)
