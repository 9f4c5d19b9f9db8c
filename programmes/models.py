"""Organisations, cohorts, memberships, invitations and the one permission policy.

An organisation is a hospital's or health system's patient-engagement office; one install may
host several. A person belongs to an organisation through one `Membership` row per role, so
"candidate and mentor in the same office" is two rows. Membership alone never opens anyone's
practice: what a candidate shows the programme is a `ProgrammeShare`, off until they turn it on.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from questionbank import jurisdictions


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    jurisdiction = models.CharField(
        max_length=16, choices=jurisdictions.choices(), default=jurisdictions.GENERAL
    )
    # How long the organisation keeps its own records (hiring candidates, for example);
    # empty means the install's default applies.
    retention_days = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Cohort(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    archived = models.BooleanField(default=False)

    class Meta:
        ordering = ["organisation", "-starts_on", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="cohort_slug_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation.name})"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The cohort cannot end before it starts."})


class MemberRole(models.TextChoices):
    CANDIDATE = "candidate", "Candidate"
    MENTOR = "mentor", "Mentor"
    INTERVIEWER = "interviewer", "Interviewer"
    HIRING_MANAGER = "hiring_manager", "Hiring manager"
    PROGRAMME_ADMIN = "programme_admin", "Programme admin"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=MemberRole.choices)
    # The cohort a candidate (or the mentor of one) is in; roles across the whole office have none.
    cohort = models.ForeignKey(
        Cohort, on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="one_membership_per_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"

    def save(self, *args: object, **kwargs: object) -> None:
        # A cohort of another organisation would leak the member into its lists: refuse it
        # even from code that forgot full_clean().
        if self.cohort_id is not None:
            cohort = self.cohort
            assert cohort is not None
            if cohort.organisation_id != self.organisation_id:
                raise ValidationError("That cohort belongs to another organisation.")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        if self.cohort_id is not None and self.organisation_id is not None:
            cohort = self.cohort
            assert cohort is not None
            if cohort.organisation_id != self.organisation_id:
                raise ValidationError({"cohort": "That cohort belongs to another organisation."})


SHARE_ITEMS: dict[str, str] = {
    "practice_count": "How many answers I have practised",
    "mock_interviews": "How many mock interviews I have finished",
    "interview_date": "The date of my interview",
    "competency_averages": "My average score per competency",
}


class ProgrammeShare(models.Model):
    """What a candidate agreed to show an organisation's programme admins. Each item is off by
    default: nothing is shared without the candidate's consent, and answer text never is."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_shares"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="programme_shares"
    )
    practice_count = models.BooleanField(default=False)
    mock_interviews = models.BooleanField(default=False)
    interview_date = models.BooleanField(default=False)
    competency_averages = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_share_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} shares with {self.organisation}"

    def shared_items(self) -> list[str]:
        return [item for item in SHARE_ITEMS if getattr(self, item)]


class Invitation(models.Model):
    """An invitation by e-mail to join an organisation in a role (and a cohort). The link holds
    a random token; only its sha256 is stored, so a copy of the database opens nothing. It works
    once, until `expires_at`, and not after it is revoked or its cohort is archived or removed."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    cohort = models.ForeignKey(
        Cohort, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitations"
    )
    # The cohort's name when invited: an invitation whose cohort was since deleted says so
    # instead of quietly joining the organisation without one.
    cohort_name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=20, choices=MemberRole.choices)
    email = models.EmailField()
    token_digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_sent",
    )
    revoked = models.BooleanField(default=False)
    # Set when the programme admin sent this invitation again: the new one carries a new link,
    # and this one (revoked) tells whoever opens the old link to use the newer e-mail.
    replaced_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} · {self.get_role_display()} · {self.organisation}"

    @property
    def cohort_removed(self) -> bool:
        return bool(self.cohort_name) and self.cohort_id is None


class OrganisationHiddenQuestion(models.Model):
    """A bundled question an organisation does not want its members to see (a local policy
    differs, a role it does not hire for). The bundled bank itself is never edited, so the pack
    stays updatable; hiding is undone by deleting the row."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="hidden_questions"
    )
    question = models.ForeignKey(
        "questionbank.Question", on_delete=models.CASCADE, related_name="hidden_by"
    )
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "question"], name="hide_a_question_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} hides {self.question_id}"
