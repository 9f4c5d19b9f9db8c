"""The jurisdiction a user's pages, practice and guides are shown for."""

from __future__ import annotations

from typing import Any

from questionbank.jurisdictions import GENERAL, JURISDICTIONS

from .models import Profile


def jurisdiction_of(user: Any, asked: str = "") -> str:
    """`asked` (a page's choice) when it is a known code, else the profile's, else general."""
    if asked in JURISDICTIONS:
        return asked
    if not getattr(user, "is_authenticated", False):
        return GENERAL
    found = Profile.objects.filter(user=user).values_list("jurisdiction", flat=True).first()
    return found or GENERAL
