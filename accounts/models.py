"""A candidate's profile: what they are preparing for and when."""

from django.conf import settings
from django.db import models

from questionbank.content_schema import LEVELS


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

    def __str__(self) -> str:
        return f"Profile of {self.user}"
