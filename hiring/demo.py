"""The hiring side of `careprep demo` (called by `programmes.demo` with its context): a published
kit for patient liaisons, a fictional hiring candidate, and an interview that both demo
interviewers have scored and submitted, so the debrief and calibration pages have something to
show. Safe to run twice: a second run finds the kit and adds nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from questionbank.models import Competency, Level, Question, Role

from .candidates import hiring_candidate_create, hiring_candidate_stage, interview_schedule
from .kits import kit_competency_add, kit_create, kit_publish, kit_question_add
from .models import InterviewKit
from .scorecards import Score, scorecard_save, scorecard_submit

KIT_TITLE = "Patient liaison panel interview (demo)"
COMPETENCIES = (
    "patient-centred-communication",
    "conflict-resolution",
    "privacy-security",
    "cultural-competency",
    "accountability-for-mistakes",
)
# Two interviewers who mostly agree and split on one competency, for a debrief worth reading.
SCORES = {
    "demo-interviewer": (
        (4, "Explained the discharge letter back in plain words and checked with teach-back."),
        (4, "Described meeting the daughter and the ward manager together, with a follow-up call."),
        (5, "Named the identity check before discussing anything on the phone."),
        (3, "Offered an interpreter; did not say how they would check the family's wishes."),
        (4, "Told of a wrong appointment letter they sent and how they fixed the template."),
    ),
    "demo-interviewer2": (
        (4, "Used the patient's own words when summarising the concern."),
        (2, "Said they would pass the complaint to the manager without speaking to the family."),
        (5, "Refused to confirm a patient's admission to a caller who could not be verified."),
        (3, "Asked about the patient's preferences; relied on the family to translate at first."),
        (4, "Owned the mistake in the letter and told the patient before they noticed."),
    ),
}
RECOMMENDATIONS = {"demo-interviewer": "yes", "demo-interviewer2": "no_decision"}


@transaction.atomic
def extend(context: Any) -> None:
    organisation = context.organisation
    if InterviewKit.objects.filter(organisation=organisation, title=KIT_TITLE).exists():
        return
    manager = context.users["demo-admin"]
    kit = kit_create(
        organisation=organisation,
        role=Role.objects.get(slug="patient-liaison"),
        level=Level.objects.get(slug="experienced"),
        title=KIT_TITLE,
        by=manager,
    )
    for slug in COMPETENCIES:
        item = kit_competency_add(kit=kit, competency=Competency.objects.get(slug=slug))
        question = Question.objects.filter(competency__slug=slug).order_by("order").first()
        kit_question_add(item=item, bank_question=question)
    kit_publish(kit=kit)
    candidate = hiring_candidate_create(
        organisation=organisation,
        name="Casey Example (fictional)",
        role=kit.role,
        level=kit.level,
        by=manager,
    )
    hiring_candidate_stage(candidate=candidate, stage="interviewing", by=manager)
    interviewers = [context.users[name] for name in SCORES]
    interview = interview_schedule(
        candidate=candidate,
        kit=kit,
        scheduled_at=timezone.now() - timedelta(days=1),
        panel=interviewers,
        by=manager,
    )
    items = list(kit.competencies.all())
    for user in interviewers:
        scores = {
            item.pk: Score(rating, evidence)
            for item, (rating, evidence) in zip(items, SCORES[user.username], strict=True)
        }
        card = scorecard_save(
            interview=interview,
            interviewer=user,
            scores=scores,
            recommendation=RECOMMENDATIONS[user.username],
        )
        scorecard_submit(scorecard=card, by=user)
