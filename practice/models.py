"""What a candidate does: attempts at questions, and mock interviews made of them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from questionbank.models import Competency, Question, Role


class Attempt(models.Model):
    """One answer to one question (from the bank or the user's own), with the coach's feedback."""

    class Mode(models.TextChoices):
        TYPED = "typed", "Typed"
        SPOKEN = "spoken", "Spoken"

    class Review(models.TextChoices):
        PENDING = "pending", "Reviewing"
        DONE = "done", "Reviewed"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    # The user's own question, when there is no bank question: {"text", "key_points"}.
    custom_question = models.JSONField(default=dict, blank=True)
    competency = models.ForeignKey(Competency, null=True, blank=True, on_delete=models.SET_NULL)
    answer = models.TextField()
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.TYPED)
    seconds = models.PositiveIntegerField(null=True, blank=True)  # time taken, if timed
    delivery = models.JSONField(default=dict, blank=True)  # spoken answers only
    feedback = models.JSONField(default=dict)
    # 0 until the coach has reviewed the answer (review_status says which; pages show "reviewing").
    overall = models.PositiveSmallIntegerField(default=0)
    review_status = models.CharField(max_length=10, choices=Review.choices, default=Review.DONE)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # The candidate agreed that this answer, redacted, goes to the optional LLM reviewer.
    llm_consent = models.BooleanField(default=False)
    criteria = models.JSONField(default=dict)
    mock_interview = models.ForeignKey(
        "MockInterview", null=True, blank=True, on_delete=models.CASCADE, related_name="attempts"
    )
    follow_up = models.TextField(blank=True)  # the probe this attempt answers, in a mock interview
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"Attempt {self.pk} ({self.overall})"

    def get_absolute_url(self) -> str:
        return reverse("attempt", args=[self.pk])

    @property
    def reviewed(self) -> bool:
        return self.review_status == self.Review.DONE

    @property
    def question_text(self) -> str:
        if self.follow_up:
            return self.follow_up
        if self.question is not None:
            return self.question.text
        return str(self.custom_question.get("text", ""))


class MockInterview(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        FINISHED = "finished", "Finished"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mock_interviews"
    )
    role = models.ForeignKey(Role, on_delete=models.PROTECT)
    level = models.CharField(max_length=20)
    mix = models.JSONField(default=list)  # question types asked for
    seconds_per_answer = models.PositiveSmallIntegerField(default=180)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"Mock interview {self.pk} ({self.role})"

    def get_absolute_url(self) -> str:
        return reverse("mock", args=[self.pk])


class MockStep(models.Model):
    """One question of a mock interview: its answer, and the follow-up probe if one was asked."""

    interview = models.ForeignKey(MockInterview, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField()
    question = models.ForeignKey(Question, on_delete=models.PROTECT)
    attempt = models.OneToOneField(
        Attempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    follow_up = models.TextField(blank=True)
    follow_up_reason = models.CharField(max_length=200, blank=True)
    follow_up_attempt = models.OneToOneField(
        Attempt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "order"], name="one_step_per_position")
        ]

    def __str__(self) -> str:
        return f"Step {self.order} of {self.interview_id}"

    @property
    def done(self) -> bool:
        """Answered, and past its follow-up. While the first answer is being reviewed the step
        waits: whether a follow-up is asked depends on the review."""
        if self.attempt_id is None:
            return False
        assert self.attempt is not None
        if not self.attempt.reviewed:
            return False
        return not self.follow_up or self.follow_up_attempt_id is not None


class LlmReview(models.Model):
    """The optional LLM reviewer's narrative on one attempt: written once, after the coach's."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the AI reviewer"
        DONE = "done", "Done"
        FAILED = "failed", "Could not be reached"

    attempt = models.OneToOneField(Attempt, on_delete=models.CASCADE, related_name="llm_review")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    sent_text = models.TextField(blank=True)  # the redacted answer, exactly as sent
    narrative = models.TextField(blank=True)
    improved_answer = models.TextField(blank=True)
    model = models.CharField(max_length=100, blank=True)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"LLM review of attempt {self.attempt_id} ({self.status})"


class ReviewerConsent(models.Model):
    """A candidate's standing choice to send every answer (redacted) to the LLM reviewer."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_consent"
    )
    every_answer = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"LLM reviewer consent of {self.user_id}: {self.every_answer}"
