"""A candidate's profile: what they are preparing for and when."""

from django.conf import settings
from django.db import models

from questionbank.content_schema import LEVELS
from questionbank.jurisdictions import GENERAL, choices


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    target_role = models.ForeignKey(
        "questionbank.Role", null=True, blank=True, on_delete=models.SET_NULL
    )
    level = models.CharField(max_length=20, choices=list(LEVELS.items()), blank=True)
    interview_date = models.DateField(null=True, blank=True)
    minutes_per_day = models.PositiveSmallIntegerField(default=20)
    # Where the candidate will work: pages, practice and the guide show general guidance and the
    # guidance for this jurisdiction ("general" shows every jurisdiction's, labelled).
    jurisdiction = models.CharField(max_length=12, choices=choices(), default=GENERAL)

    def __str__(self) -> str:
        return f"Profile of {self.user}"


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=60, default="API token")
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    # Tokens made before expiry existed have none; new ones end after API_TOKEN_DAYS.
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class RecoveryCode(models.Model):
    """A one-time code that stands in for the authenticator app when it is lost. Only a keyed
    hash (HMAC with the site's secret) is stored; the codes are shown once, when made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Recovery code of {self.user}"
