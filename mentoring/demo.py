"""The demo organisation's mentoring: `careprep demo` calls `extend(context)` after it has made the
organisation, its cohort and its people. Adds a pairing of demo-mentor with demo-candidate, a
session, two reflections (one shared) and a practice answer the mentor has reviewed.
Safe to run twice: a second run finds the pairing and changes nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from practice.models import Attempt
from practice.services import attempt_create
from questionbank.models import Question

from . import services
from .forms import CODE_OF_CONDUCT, HOW_TO_END
from .models import Pairing

DEMO_ANSWER = (
    "At my first committee meeting the agenda was full of acronyms and I said so. "
    "I asked the chair to add a two-minute plain-language summary to each item. "
    "She agreed, and two other patient partners told me afterwards it helped them speak up. "
    "Now I send my questions before each meeting."
)


def _get(context: Any, name: str) -> Any:
    return context[name] if isinstance(context, dict) else getattr(context, name)


def _demo_attempt(partner: User) -> Attempt | None:
    """The candidate's latest answer, or a new one to a bank question when they have none."""
    found = Attempt.objects.filter(user=partner, mock_interview__isnull=True).first()
    if found is not None:
        return found
    question = Question.objects.filter(competency__isnull=False).order_by("slug").first()
    if question is None:
        return None
    return attempt_create(user=partner, question=question, answer=DEMO_ANSWER)


def extend(context: Any) -> None:
    organisation = _get(context, "organisation")
    users = _get(context, "users")
    partner, mentor = users["demo-candidate"], users["demo-mentor"]
    if Pairing.objects.filter(partner=partner, mentor=mentor).exists():
        return
    services.mentor_profile_save(
        user=mentor,
        organisation=organisation,
        niche="Committee work and research partnering",
        lived_experience=["Type 1 diabetes", "Caring for a parent"],
        languages=["English", "French"],
        availability="Tuesday evenings",
        capacity=3,
    )
    pairing = services.pairing_request(
        organisation=organisation,
        partner=partner,
        mentor=mentor,
        requested_by=partner,
        goals="Get ready for a patient partner interview, then join a research committee.",
        duration_weeks=12,
        frequency="fortnightly",
        code_of_conduct=CODE_OF_CONDUCT,
        how_to_end=HOW_TO_END,
    )
    services.pairing_accept(pairing=pairing, user=mentor)
    _fill(pairing, mentor)


def _fill(pairing: Pairing, mentor: User) -> None:
    partner = pairing.partner
    session = services.session_log(
        pairing=pairing,
        user=mentor,
        held_on=timezone.localdate() - timedelta(days=3),
        agenda="How you describe your role; nerves before the interview.",
        notes="We chose 'patient partner' as the title. Practise the motivation question aloud.",
        next_steps=["Practise the motivation question", "Read the compensation guide"],
    )
    services.next_step_adopt(session=session, index=1, stage="patient-partner")
    services.step_mark(user=partner, step="choose-your-title", done=True, note="Patient partner.")
    services.stage_assess(
        pairing=pairing, stage="patient-partner", percent=40, comment="A clear sense of your role."
    )
    gibbs = services.journal_entry_save(
        user=partner,
        framework="gibbs",
        title="My first committee meeting",
        answers={
            "description": "The agenda was full of acronyms and I asked for plain summaries.",
            "feelings": "Nervous before I spoke, relieved after.",
            "evaluation": "The chair agreed; two others spoke up more.",
            "action-plan": "Send my questions before each meeting.",
        },
        step="what-you-bring",
        shared=True,
    )
    gibbs.in_portfolio = True
    gibbs.save(update_fields=["in_portfolio"])
    services.journal_entry_save(
        user=partner,
        framework="boundaries",
        title="Saying no to a fourth committee",
        answers={"learn-to-say-no": "I said 'not this year' and offered to suggest someone."},
        session=session,
    )
    attempt = _demo_attempt(partner)
    if attempt is None:
        return
    share = services.practice_share(pairing=pairing, attempt=attempt)
    services.review_save(
        share=share,
        attempt=attempt,
        rating=4,
        summary="A specific example with a result; say what you learned from it.",
        next_question=None,
    )
    services.comment_add(
        share=share,
        attempt=attempt,
        author=mentor,
        sentence=0,
        text="Good opening: the panel sees the situation at once.",
    )
