"""Writes of the mentoring area: keyword-only `<entity>_<action>` functions. The caller (a view,
the API, the demo) has already fetched each object through the permission policy; the rules that
belong to the action itself (one active mentor, three active goals, who accepts) are kept here."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from practice.models import Attempt, MockInterview
from programmes.models import MemberRole, Organisation
from programmes.roles import has_role
from questionbank.models import Question

from . import auditing, pathway
from .models import (
    AnswerComment,
    Goal,
    JournalEntry,
    LocalResource,
    LocalStep,
    MentoringPolicy,
    MentoringSession,
    MentorProfile,
    Pairing,
    PairingFeedback,
    PracticeReview,
    PracticeShare,
    StageAssessment,
    StepProgress,
)

ACTIVE = Pairing.Status.ACTIVE


# --- Pathway ---------------------------------------------------------------------------------


def _known_step(user: User, step: str) -> None:
    if step not in pathway.step_keys(pathway.pathway_for(pathway.home_organisation(user))):
        raise ValidationError(f"There is no pathway step {step!r}.")


def step_mark(*, user: User, step: str, done: bool, note: str = "") -> StepProgress:
    _known_step(user, step)
    row, _ = StepProgress.objects.get_or_create(user=user, step=step)
    row.done_at = (row.done_at or timezone.now()) if done else None
    row.note = note.strip()
    row.save()
    return row


def goal_create(
    *, user: User, stage: str, text: str, step: str = "", session: MentoringSession | None = None
) -> Goal:
    """A new active goal; refused past three active ones (a partner focuses on a few)."""
    if pathway.content().stage(stage) is None:
        raise ValidationError(f"There is no pathway stage {stage!r}.")
    if not text.strip():
        raise ValidationError("Write the goal in a few words.")
    with transaction.atomic():
        User.objects.select_for_update().get(pk=user.pk)  # two requests cannot both pass
        if Goal.objects.filter(user=user, status=Goal.Status.ACTIVE).count() >= Goal.MAX_ACTIVE:
            raise ValidationError(
                f"You already have {Goal.MAX_ACTIVE} active goals: mark one achieved or set it "
                "aside first."
            )
        return Goal.objects.create(
            user=user, stage=stage, step=step, text=text.strip()[:300], session=session
        )


def goal_close(*, goal: Goal, status: str) -> Goal:
    if status not in (Goal.Status.ACHIEVED, Goal.Status.SET_ASIDE):
        raise ValidationError("A goal is closed as achieved or set aside.")
    goal.status, goal.closed_at = status, timezone.now()
    goal.save(update_fields=["status", "closed_at"])
    return goal


def stage_assess(*, pairing: Pairing, stage: str, percent: int, comment: str) -> StageAssessment:
    if not pairing.active:
        raise ValidationError("Only an active pairing's mentor assesses a stage.")
    if pathway.content().stage(stage) is None or not 0 <= percent <= 100:
        raise ValidationError("Choose a stage and a percentage from 0 to 100.")
    row, _ = StageAssessment.objects.update_or_create(
        pairing=pairing, stage=stage, defaults={"percent": percent, "comment": comment.strip()}
    )
    return row


def local_step_add(
    *, organisation: Organisation, stage: str, kind: str, text: str, prompt: str = ""
) -> LocalStep:
    """An organisation's own step; the bundled content file is never written."""
    if pathway.content().stage(stage) is None:
        raise ValidationError(f"There is no pathway stage {stage!r}.")
    step = LocalStep(organisation=organisation, stage=stage, kind=kind, text=text, prompt=prompt)
    step.full_clean()
    step.save()
    return step


def local_resource_add(
    *, organisation: Organisation, step: str, title: str, url: str = "", note: str = ""
) -> LocalResource:
    keys = pathway.step_keys(pathway.pathway_for(organisation))
    if step not in keys:
        raise ValidationError(f"There is no pathway step {step!r}.")
    row = LocalResource(organisation=organisation, step=step, title=title, url=url, note=note)
    row.full_clean()
    row.save()
    return row


# --- Journal ---------------------------------------------------------------------------------


def journal_entry_save(
    *,
    user: User,
    framework: str,
    title: str,
    answers: dict[str, str],
    entry: JournalEntry | None = None,
    step: str = "",
    attempt: Attempt | None = None,
    session: MentoringSession | None = None,
    shared: bool = False,
) -> JournalEntry:
    """Create or update an entry. Only the framework's prompts are kept; one needs an answer."""
    spec = pathway.framework(framework)
    if spec is None:
        raise ValidationError(f"There is no reflection framework {framework!r}.")
    kept = {p.slug: answers.get(p.slug, "").strip() for p in spec.prompts}
    if not any(kept.values()):
        raise ValidationError("Write something for at least one prompt.")
    if step:
        _known_step(user, step)
    if attempt is not None and attempt.user_id != user.pk:
        raise ValidationError("That practice answer is not yours.")
    entry = entry or JournalEntry(user=user)
    was_shared = entry.pk is not None and entry.shared_with_mentor
    entry.framework, entry.title, entry.answers = framework, title.strip()[:200], kept
    entry.step, entry.attempt, entry.session = step, attempt, session
    entry.shared_with_mentor = shared
    entry.save()
    if shared != was_shared:
        auditing.share_changed(owner_id=user.pk, obj=entry, shared=shared)
    return entry


def journal_share(*, entry: JournalEntry, shared: bool) -> JournalEntry:
    """Share the entry with the author's mentor, or withdraw it; a change is audited."""
    if entry.shared_with_mentor == shared:
        return entry
    entry.shared_with_mentor = shared
    entry.save(update_fields=["shared_with_mentor", "updated_at"])
    auditing.share_changed(owner_id=entry.user_id, obj=entry, shared=shared)
    return entry


# --- Mentors and pairings ----------------------------------------------------------------------


def mentor_profile_save(
    *, user: User, organisation: Organisation, **fields: object
) -> MentorProfile:
    if not has_role(user, organisation, MemberRole.MENTOR):
        raise ValidationError("Only a mentor of this organisation has a mentor profile.")
    profile, _ = MentorProfile.objects.update_or_create(
        user=user, defaults={"organisation": organisation, **fields}
    )
    return profile


def active_mentees(mentor: User) -> int:
    return Pairing.objects.filter(mentor=mentor, status=ACTIVE).count()


def pairing_request(
    *,
    organisation: Organisation,
    partner: User,
    mentor: User,
    requested_by: User,
    goals: str,
    duration_weeks: int,
    frequency: str,
    code_of_conduct: str,
    how_to_end: str,
) -> Pairing:
    """Ask for a pairing (partner or mentor may ask); the other accepts or declines it."""
    if requested_by.pk not in (partner.pk, mentor.pk):
        raise ValidationError("Only the partner or the mentor can ask for this pairing.")
    if not has_role(partner, organisation, MemberRole.CANDIDATE):
        raise ValidationError("The partner is not a candidate of this organisation.")
    if not has_role(mentor, organisation, MemberRole.MENTOR):
        raise ValidationError("That person is not a mentor of this organisation.")
    open_ones = Pairing.objects.filter(
        partner=partner, mentor=mentor, status__in=[ACTIVE, Pairing.Status.REQUESTED]
    )
    if open_ones.exists():
        raise ValidationError("You two already have a pairing or a request open.")
    pairing = Pairing(
        organisation=organisation,
        partner=partner,
        mentor=mentor,
        requested_by=requested_by,
        goals=goals,
        duration_weeks=duration_weeks,
        frequency=frequency,
        code_of_conduct=code_of_conduct,
        how_to_end=how_to_end,
    )
    pairing.full_clean()
    pairing.save()
    return pairing


def mentoring_policy_set(
    *, organisation: Organisation, mentors_per_partner: int
) -> MentoringPolicy:
    """How many active mentors a partner of `organisation` may have (set by its admin)."""
    row = MentoringPolicy(organisation=organisation, mentors_per_partner=mentors_per_partner)
    row.full_clean(validate_unique=False)
    MentoringPolicy.objects.update_or_create(
        organisation=organisation, defaults={"mentors_per_partner": mentors_per_partner}
    )
    return row


def mentors_allowed(organisation: Organisation) -> int:
    found = MentoringPolicy.objects.filter(organisation=organisation).first()
    return found.mentors_per_partner if found else 1


ONE_MENTOR = (
    "This partner already has an active mentor; end that pairing first (or ask the programme "
    "admin to allow more than one)."
)


def _free_place(pairing: Pairing) -> int:
    """The first of the partner's places for a mentor that no active pairing holds."""
    allowed = mentors_allowed(pairing.organisation)
    active = Pairing.objects.filter(partner_id=pairing.partner_id, status=ACTIVE)
    taken = set(active.values_list("slot", flat=True))
    free = [n for n in range(1, allowed + 1) if n not in taken]
    if len(taken) >= allowed or not free:
        raise ValidationError(ONE_MENTOR)
    return free[0]


def pairing_accept(*, pairing: Pairing, user: User) -> Pairing:
    """The other person accepts. A partner has one active mentor unless the organisation's
    admin allows more (the database refuses a second pairing in the same place, should two
    acceptances pass the checks at once); a mentor takes no more partners than their capacity."""
    if pairing.status != Pairing.Status.REQUESTED or pairing.mentor_id is None:
        raise ValidationError("This request is no longer open.")
    if user.pk == pairing.requested_by_id or user.pk not in (pairing.partner_id, pairing.mentor_id):
        raise ValidationError("The other person accepts a request.")
    with transaction.atomic():
        # Lock both people (on PostgreSQL), so two acceptances at once queue for the checks.
        list(
            User.objects.select_for_update().filter(pk__in=[pairing.partner_id, pairing.mentor_id])
        )
        slot = _free_place(pairing)
        profile = MentorProfile.objects.filter(user_id=pairing.mentor_id).first()
        capacity = profile.capacity if profile else 1
        if Pairing.objects.filter(mentor_id=pairing.mentor_id, status=ACTIVE).count() >= capacity:
            raise ValidationError("This mentor has no room for another partner just now.")
        pairing.status, pairing.accepted_at, pairing.slot = ACTIVE, timezone.now(), slot
        try:
            with transaction.atomic():
                pairing.save(update_fields=["status", "accepted_at", "slot"])
        except IntegrityError:
            pairing.status, pairing.accepted_at, pairing.slot = Pairing.Status.REQUESTED, None, None
            raise ValidationError(ONE_MENTOR) from None
    return pairing


def pairing_decline(*, pairing: Pairing, user: User) -> Pairing:
    if pairing.status != Pairing.Status.REQUESTED:
        raise ValidationError("This request is no longer open.")
    pairing.status = Pairing.Status.DECLINED
    pairing.ended_by, pairing.ended_at = user, timezone.now()
    pairing.save(update_fields=["status", "ended_by", "ended_at"])
    return pairing


def pairing_end(*, pairing: Pairing, user: User) -> Pairing:
    """Either person ends it; the mentor's access to shares and the journal ends with it."""
    if pairing.status != ACTIVE:
        raise ValidationError("Only an active pairing can be ended.")
    pairing.status, pairing.ended_by, pairing.ended_at = Pairing.Status.ENDED, user, timezone.now()
    pairing.save(update_fields=["status", "ended_by", "ended_at"])
    return pairing


def pairings_release_mentor(*, mentor: User) -> int:
    """Close the pairings of a mentor whose account is being erased, before the erasure sets
    `mentor` to null: active ones end, open requests are declined. Their sessions, assessments
    and reviews stay with the partner. Returns how many were closed."""
    now = timezone.now()
    mine = Pairing.objects.filter(mentor=mentor)
    ended = mine.filter(status=ACTIVE).update(
        status=Pairing.Status.ENDED, ended_at=now, ended_by=None
    )
    declined = mine.filter(status=Pairing.Status.REQUESTED).update(
        status=Pairing.Status.DECLINED, ended_at=now, ended_by=None
    )
    return ended + declined


def feedback_give(
    *, pairing: Pairing, user: User, helpfulness: int, went_well: str, to_change: str
) -> PairingFeedback:
    if pairing.status != Pairing.Status.ENDED:
        raise ValidationError("Feedback is given once the pairing has ended.")
    if PairingFeedback.objects.filter(pairing=pairing, author=user).exists():
        raise ValidationError("You have already given feedback on this pairing.")
    row = PairingFeedback(
        pairing=pairing,
        author=user,
        helpfulness=helpfulness,
        went_well=went_well,
        to_change=to_change,
    )
    row.full_clean()
    row.save()
    return row


# --- Sessions --------------------------------------------------------------------------------


def session_log(
    *, pairing: Pairing, user: User, held_on: date, agenda: str, notes: str, next_steps: list[str]
) -> MentoringSession:
    if not pairing.active:
        raise ValidationError("Sessions are logged in an active pairing.")
    return MentoringSession.objects.create(
        pairing=pairing,
        created_by=user,
        held_on=held_on,
        agenda=agenda.strip(),
        notes=notes.strip(),
        next_steps=[s.strip()[:300] for s in next_steps if s.strip()],
    )


def next_step_adopt(*, session: MentoringSession, index: int, stage: str, step: str = "") -> Goal:
    """Turn one of a session's next steps into one of the partner's goals (on a stage, and on
    a pathway step when one is chosen)."""
    if not 0 <= index < len(session.next_steps):
        raise ValidationError("There is no such next step.")
    partner = session.pairing.partner
    if step:
        _known_step(partner, step)
    return goal_create(
        user=partner, stage=stage, step=step, text=session.next_steps[index], session=session
    )


# --- Shared practice -------------------------------------------------------------------------


def practice_share(
    *, pairing: Pairing, attempt: Attempt | None = None, interview: MockInterview | None = None
) -> PracticeShare:
    """Share one attempt or mock interview of the partner's with the pairing's mentor (again)."""
    thing = attempt or interview
    if thing is None or (attempt and interview):
        raise ValidationError("Share one attempt or one mock interview.")
    if thing.user_id != pairing.partner_id:
        raise ValidationError("Only your own practice can be shared.")
    if not pairing.active:
        raise ValidationError("Share with a mentor whose pairing is active.")
    share, created = PracticeShare.objects.get_or_create(
        pairing=pairing, attempt=attempt, interview=interview
    )
    if share.revoked_at is not None:
        share.revoked_at = None
        share.save(update_fields=["revoked_at"])
    elif not created:
        return share  # already live: nothing changed, nothing to audit
    auditing.share_changed(owner_id=pairing.partner_id, obj=share, shared=True)
    return share


def practice_unshare(*, share: PracticeShare) -> PracticeShare:
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
        auditing.share_changed(owner_id=share.pairing.partner_id, obj=share, shared=False)
    return share


def _review(share: PracticeShare, attempt: Attempt) -> PracticeReview:
    allowed = share.attempt_id == attempt.pk or (
        share.interview_id is not None and attempt.mock_interview_id == share.interview_id
    )
    if not allowed:
        raise ValidationError("That answer is not part of this share.")
    review, _ = PracticeReview.objects.get_or_create(share=share, attempt=attempt)
    return review


def review_save(
    *,
    share: PracticeShare,
    attempt: Attempt,
    rating: int | None,
    summary: str,
    next_question: Question | None,
) -> PracticeReview:
    if not share.live:
        raise ValidationError("This answer is no longer shared.")
    review = _review(share, attempt)
    review.rating, review.summary, review.next_question = rating, summary.strip(), next_question
    review.full_clean()
    review.save()
    return review


def comment_add(
    *,
    share: PracticeShare,
    attempt: Attempt,
    author: User,
    sentence: int,
    text: str,
    reply_to: AnswerComment | None = None,
) -> AnswerComment:
    """A comment on one sentence of the answer (the mentor), or a reply (either of them)."""
    from coach.text import sentences

    if not share.live:
        raise ValidationError("This answer is no longer shared.")
    if not text.strip():
        raise ValidationError("Write a comment.")
    parts = sentences(attempt.answer)
    if reply_to is not None:
        sentence = reply_to.sentence
    elif author.pk != share.pairing.mentor_id:
        raise ValidationError("The mentor comments on sentences; you can reply to a comment.")
    if not 0 <= sentence < len(parts):
        raise ValidationError("Choose a sentence of the answer.")
    review = _review(share, attempt)
    return AnswerComment.objects.create(
        review=review,
        author=author,
        sentence=sentence,
        quote=parts[sentence].text,
        text=text.strip(),
        reply_to=reply_to,
    )
