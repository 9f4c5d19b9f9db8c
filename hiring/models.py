"""Hiring teams: interview kits, hiring candidates, interviews and blind panel scorecards.

A kit is built from the same competencies and anchors as the candidate's coach (one model, both
sides); its rating scale is copied into the kit when a competency is added, so a published kit
keeps the scale it was scored on. A published kit never changes: editing makes a new version,
and an interview keeps the version it was scheduled with. Who may read what (the blind rule
above all) is `programmes/policy_hiring.py`'s, never a view's.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from programmes.models import Organisation
from questionbank.models import Competency, Level, Question, Role

MIN_COMPETENCIES, MAX_COMPETENCIES = 5, 8
MAX_QUESTIONS = 2
PUBLISHED_IS_FINAL = "A published kit cannot change; make a new version to edit it."


class KitStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class InterviewKit(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="interview_kits"
    )
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=KitStatus.choices, default=KitStatus.DRAFT)
    version = models.PositiveIntegerField(default=1)
    # The version this one was made from; the first version has none.
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organisation", "title", "-version"]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version}, {self.get_status_display().lower()})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Only the step from draft to published may touch a kit that is published in the
        # database; anything after that would change a kit under its scheduled interviews.
        if self.pk is not None:
            stored = InterviewKit.objects.filter(pk=self.pk).values_list("status", flat=True)
            if stored.first() == KitStatus.PUBLISHED:
                raise ValidationError(PUBLISHED_IS_FINAL)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("hiring:kit", args=[self.pk])

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self.is_published:
            raise ValidationError(PUBLISHED_IS_FINAL)
        return super().delete(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == KitStatus.PUBLISHED


class _PartOfKit(models.Model):
    """A row that belongs to a kit and so freezes with it."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self._refuse_if_published()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        self._refuse_if_published()
        return super().delete(*args, **kwargs)

    def owning_kit(self) -> InterviewKit:
        raise NotImplementedError

    def _refuse_if_published(self) -> None:
        kit = self.owning_kit()
        if InterviewKit.objects.filter(pk=kit.pk, status=KitStatus.PUBLISHED).exists():
            raise ValidationError(PUBLISHED_IS_FINAL)


class KitCompetency(_PartOfKit):
    kit = models.ForeignKey(InterviewKit, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(default=0)
    weight = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text="Optional; leave empty for equal weights.",
    )
    weight_rationale = models.TextField(blank=True)
    # The anchored scale, copied from the bank when the competency is added.
    anchor_1 = models.TextField()
    anchor_3 = models.TextField()
    anchor_5 = models.TextField()

    class Meta:
        ordering = ["kit", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kit", "competency"], name="kit_competency_once")
        ]

    def __str__(self) -> str:
        return self.competency.name

    def owning_kit(self) -> InterviewKit:
        return self.kit

    def clean(self) -> None:
        if self.weight is not None and not self.weight_rationale.strip():
            raise ValidationError({"weight_rationale": "A weight needs a written rationale."})


class KitQuestion(_PartOfKit):
    kit_competency = models.ForeignKey(
        KitCompetency, on_delete=models.CASCADE, related_name="questions"
    )
    # The bank question it came from; empty for the organisation's own.
    bank_question = models.ForeignKey(
        Question, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField()
    follow_ups = models.JSONField(default=list, blank=True)
    listen_for = models.JSONField(default=list, blank=True)
    # What a junior, mid and senior candidate's answer shows (the recruiter seed's levels).
    level_indicators = models.JSONField(default=dict, blank=True)
    red_flags = models.JSONField(default=list, blank=True)
    # The lawful-question guard's verdict on `text`, refreshed on every save.
    guard = models.JSONField(default=dict, blank=True, editable=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["kit_competency", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def owning_kit(self) -> InterviewKit:
        return self.kit_competency.kit

    @property
    def lawful(self) -> bool:
        return bool(self.guard.get("lawful", True))

    @property
    def from_bank(self) -> bool:
        return self.bank_question is not None and self.bank_question.text == self.text


class Stage(models.TextChoices):
    APPLIED = "applied", "Applied"
    SCREENING = "screening", "Screening"
    INTERVIEWING = "interviewing", "Interviewing"
    OFFER = "offer", "Offer"
    HIRED = "hired", "Hired"
    NOT_PROGRESSED = "not_progressed", "Not progressed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class HiringCandidate(models.Model):
    """A person applying to the organisation: personal data the organisation owns. Reads and
    changes are audited, it is kept for the organisation's `retention_days`, and it can be erased
    with everything said about it (interviews, scorecards)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="hiring_candidates"
    )
    name = models.CharField(max_length=200)
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="+")
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.APPLIED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("hiring:candidate", args=[self.pk])


class Interview(models.Model):
    candidate = models.ForeignKey(
        HiringCandidate, on_delete=models.CASCADE, related_name="interviews"
    )
    # The published version it was scheduled with; later versions never replace it.
    kit = models.ForeignKey(InterviewKit, on_delete=models.PROTECT, related_name="interviews")
    scheduled_at = models.DateTimeField()
    panel = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="hiring_panels")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["scheduled_at", "pk"]

    def __str__(self) -> str:
        return f"{self.candidate} · {self.kit.title} · {self.scheduled_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("hiring:interview", args=[self.pk])


class Recommendation(models.TextChoices):
    STRONG_NO = "strong_no", "Strong no"
    NO = "no", "No"
    YES = "yes", "Yes"
    STRONG_YES = "strong_yes", "Strong yes"
    NO_DECISION = "no_decision", "No decision"


class ScorecardStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"


class Scorecard(models.Model):
    """One interviewer's scorecard for one interview. A submitted scorecard is amended only by a
    new version (`previous` points at the one it replaces, which is kept, no longer current)."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="scorecards")
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scorecards"
    )
    status = models.CharField(
        max_length=10, choices=ScorecardStatus.choices, default=ScorecardStatus.DRAFT
    )
    recommendation = models.CharField(max_length=12, choices=Recommendation.choices, blank=True)
    summary = models.TextField(blank=True)
    version = models.PositiveSmallIntegerField(default=1)
    previous = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="amended_by"
    )
    amendment_reason = models.TextField(blank=True)
    current = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["interview", "interviewer", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "interviewer", "version"], name="scorecard_version_once"
            ),
            models.UniqueConstraint(
                fields=["interview", "interviewer"],
                condition=models.Q(current=True),
                name="one_current_scorecard",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.interviewer} on {self.interview} (v{self.version})"

    @property
    def is_submitted(self) -> bool:
        return self.status == ScorecardStatus.SUBMITTED


class CompetencyRating(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="ratings")
    kit_competency = models.ForeignKey(KitCompetency, on_delete=models.PROTECT, related_name="+")
    # 1-5 on the kit's anchored scale; empty while a draft leaves it unrated, or when the
    # interviewer marks it not assessed.
    rating = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    not_assessed = models.BooleanField(default=False)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["scorecard", "kit_competency__order", "kit_competency__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["scorecard", "kit_competency"], name="one_rating_per_competency"
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="rating_on_the_scale",
            ),
            models.CheckConstraint(
                condition=models.Q(not_assessed=False) | models.Q(rating__isnull=True),
                name="not_assessed_has_no_rating",
            ),
        ]

    def __str__(self) -> str:
        if self.not_assessed:
            return f"{self.kit_competency}: not assessed"
        return f"{self.kit_competency}: {self.rating or 'not rated yet'}"

    @property
    def settled(self) -> bool:
        """Rated, or marked not assessed: what submitting needs."""
        return self.rating is not None or self.not_assessed
