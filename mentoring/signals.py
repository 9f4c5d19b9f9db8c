"""Erasing a mentor's account must not erase their partners' records (#13): the foreign keys
to the mentor are SET_NULL, and this closes the mentor's pairings first, so no pairing is left
active (counting against the partner's one mentor) with nobody in it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from .services import pairings_release_mentor


@receiver(pre_delete, sender=User, dispatch_uid="mentoring_release_mentor")
def release_mentor(sender: type[User], instance: User, **kwargs: Any) -> None:
    pairings_release_mentor(mentor=instance)
