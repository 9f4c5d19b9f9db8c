"""Mentors of patient partners: the pathway, the journal, pairing, sessions and reviews.

The pathway's stages and steps are content (content/pathway.yaml); rows here refer to them by
slug. An organisation's own steps are `LocalStep` rows, referred to as "local-<id>".
Who may read any of these rows is decided in `programmes/policy_mentoring.py`, never here.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from practice.models import Attempt, MockInterview
from programmes.models import Organisation
from questionbank.models import Question

from .pathway_schema import STEP_KINDS

USER = settings.AUTH_USER_MODEL
# How a mentor whose account was erased is shown in what they leave behind.
FORMER_MENTOR = "a former mentor"


# --- The pathway, adapted by an organisation ---------------------------------------------------


class LocalStep(models.Model):
    """A step an organisation adds to one stage of the bundled pathway, for its own members."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    stage = models.CharField(max_length=80)
    kind = models.CharField(max_length=20, choices=list(STEP_KINDS.items()))
    text = models.CharField(max_length=300)
    prompt = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation", "stage", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def key(self) -> str:
        return f"local-{self.pk}"


class LocalResource(models.Model):
    """A reading, talk or contact an organisation adds to a step (bundled or local)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    step = models.CharField(max_length=80)  # a bundled step's slug or a LocalStep's key
    title = models.CharField(max_length=200)
    url = models.URLField(max_length=500, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["organisation", "step", "id"]

    def __str__(self) -> str:
        return self.title


# --- A partner's progress ----------------------------------------------------------------------


class StepProgress(models.Model):
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="step_progress")
    step = models.CharField(max_length=80)
    done_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "step"], name="one_progress_row")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.step} {'done' if self.done_at else 'open'}"


class Goal(models.Model):
    """A partner's own goal, tied to a stage (and maybe a step); at most three active at once."""

    MAX_ACTIVE = 3

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        ACHIEVED = "achieved", "Achieved"
        SET_ASIDE = "set_aside", "Set aside"

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="mentoring_goals")
    stage = models.CharField(max_length=80)
    step = models.CharField(max_length=80, blank=True)
    text = models.CharField(max_length=300)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    session = models.ForeignKey(
        "MentoringSession", null=True, blank=True, on_delete=models.SET_NULL, related_name="goals"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["status", "-created_at"]

    def __str__(self) -> str:
        return self.text


# --- Mentors and pairings ----------------------------------------------------------------------


class MentorProfile(models.Model):
    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="mentor_profile")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    niche = models.CharField(max_length=200, help_text="What you are known for, in a line.")
    # Short labels, compared case-insensitively when suggesting a mentor.
    lived_experience = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True)
    availability = models.CharField(max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(
        default=2, validators=[MaxValueValidator(20)], help_text="Partners at once."
    )
    accepting = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"Mentor profile of {self.user}"


class MentoringPolicy(models.Model):
    """An organisation's choices for mentoring; without a row, one mentor per partner."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="mentoring_policy"
    )
    mentors_per_partner = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    def __str__(self) -> str:
        return f"{self.organisation}: {self.mentors_per_partner} mentor(s) per partner"


class Pairing(models.Model):
    """A partner and a mentor. Either one asks; it is active once the other accepts too."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        ACTIVE = "active", "Active"
        DECLINED = "declined", "Declined"
        ENDED = "ended", "Ended"

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", "Every week"
        FORTNIGHTLY = "fortnightly", "Every two weeks"
        MONTHLY = "monthly", "Every month"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    # Erasing the partner erases the pairing and all that hangs on it (it is about them).
    # Erasing the mentor keeps it, ended, as the partner's history: `mentor` becomes null
    # ("a former mentor"; see `mentoring.signals`).
    partner = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="mentors_of_mine")
    mentor = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="mentees")
    requested_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    # The agreement both accept.
    goals = models.TextField()
    duration_weeks = models.PositiveSmallIntegerField(
        default=12, validators=[MinValueValidator(1), MaxValueValidator(104)]
    )
    frequency = models.CharField(
        max_length=12, choices=Frequency.choices, default=Frequency.FORTNIGHTLY
    )
    code_of_conduct = models.TextField()
    how_to_end = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Which of the partner's places for a mentor this pairing holds while active: 1 up to the
    # organisation's `mentors_per_partner`. Two active pairings of one partner never share a
    # place (a unique constraint, on SQLite and PostgreSQL alike), so with the default of one
    # place a partner has one active mentor whatever two requests do at once.
    slot = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(partner=models.F("mentor")), name="pairing_two_people"
            ),
            models.UniqueConstraint(
                fields=["partner", "slot"],
                condition=Q(status="active"),
                name="one_active_mentor_per_place",
                violation_error_message="This partner already has an active mentor.",
            ),
            models.CheckConstraint(
                condition=~Q(status="active") | Q(slot__isnull=False),
                name="active_pairing_holds_a_place",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} mentors {self.partner} ({self.status})"

    @property
    def active(self) -> bool:
        return self.status == self.Status.ACTIVE

    def other(self, user_id: int) -> int | None:
        return self.mentor_id if user_id == self.partner_id else self.partner_id

    @property
    def mentor_name(self) -> str:
        return self.mentor.username if self.mentor is not None else FORMER_MENTOR


class PairingFeedback(models.Model):
    """The short form each side fills in when a pairing ends. Only its author reads it, so it
    goes when its author's account is erased."""

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    helpfulness = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    went_well = models.TextField(blank=True)
    to_change = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pairing", "author"], name="one_feedback_per_side")
        ]

    def __str__(self) -> str:
        return f"Feedback on {self.pairing_id} by {self.author_id}"


class StageAssessment(models.Model):
    """The mentor's view of how far the partner is through a stage: a percentage and why."""

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="assessments")
    stage = models.CharField(max_length=80)
    percent = models.PositiveSmallIntegerField(validators=[MaxValueValidator(100)])
    comment = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pairing", "stage"], name="one_assessment_per_stage")
        ]

    def __str__(self) -> str:
        return f"{self.stage}: {self.percent}%"


class MentoringSession(models.Model):
    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField()
    agenda = models.TextField(blank=True)
    notes = models.TextField(blank=True)  # seen by both
    next_steps = models.JSONField(default=list, blank=True)  # short lines
    # Null once whoever logged it is erased; the session stays the partner's record.
    created_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Session of {self.held_on}"


# --- The journal -------------------------------------------------------------------------------


class JournalEntry(models.Model):
    """A reflection in one framework; private until its author shares it with their mentor."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="journal_entries")
    framework = models.CharField(max_length=80)
    title = models.CharField(max_length=200)
    answers = models.JSONField(default=dict)  # prompt slug -> text
    step = models.CharField(max_length=80, blank=True)
    attempt = models.ForeignKey(
        Attempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    session = models.ForeignKey(
        MentoringSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    shared_with_mentor = models.BooleanField(default=False)
    in_portfolio = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


# --- Review of shared practice -----------------------------------------------------------------


class PracticeShare(models.Model):
    """A candidate shows one attempt or one mock interview to the mentor of a pairing. Revoking
    sets `revoked_at`; sharing again clears it, so the reviews stay with the answer."""

    pairing = models.ForeignKey(Pairing, on_delete=models.CASCADE, related_name="shares")
    attempt = models.ForeignKey(
        Attempt, null=True, blank=True, on_delete=models.CASCADE, related_name="mentor_shares"
    )
    interview = models.ForeignKey(
        MockInterview,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mentor_shares",
    )
    shared_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-shared_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(attempt__isnull=False, interview__isnull=True)
                | Q(attempt__isnull=True, interview__isnull=False),
                name="share_one_thing",
            ),
            models.UniqueConstraint(fields=["pairing", "attempt"], name="share_attempt_once"),
            models.UniqueConstraint(fields=["pairing", "interview"], name="share_interview_once"),
        ]

    def __str__(self) -> str:
        what = f"attempt {self.attempt_id}" if self.attempt_id else f"mock {self.interview_id}"
        return f"{what} shared in pairing {self.pairing_id}"

    @property
    def live(self) -> bool:
        return self.revoked_at is None


class PracticeReview(models.Model):
    """A mentor's rating of one shared answer on its competency's anchored scale (1-5)."""

    share = models.ForeignKey(PracticeShare, on_delete=models.CASCADE, related_name="reviews")
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="mentor_reviews")
    rating = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    summary = models.TextField(blank=True)
    next_question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["share", "attempt"], name="one_review_per_answer")
        ]

    def __str__(self) -> str:
        return f"Review of attempt {self.attempt_id}: {self.rating}"


class AnswerComment(models.Model):
    """A comment on a chosen sentence of a shared answer, or a reply to one."""

    review = models.ForeignKey(PracticeReview, on_delete=models.CASCADE, related_name="comments")
    # A mentor's comments stay beside the partner's answer (and the replies to them) after the
    # mentor is erased; a partner's own go with their attempt.
    author = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    sentence = models.PositiveSmallIntegerField()  # index among the answer's sentences
    quote = models.TextField()  # the sentence as it was when commented on
    text = models.TextField()
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sentence", "created_at", "id"]

    def __str__(self) -> str:
        return self.text[:40]

    @property
    def author_name(self) -> str:
        return self.author.username if self.author is not None else FORMER_MENTOR
