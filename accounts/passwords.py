"""Password rules beyond Django's: no password built on the site's own name."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

CONTEXT_WORDS = ("careprep", "password", "patient", "hospital", "qwerty")


def _context_words() -> set[str]:
    site = re.sub(r"[^a-z0-9]", "", settings.SITE_NAME.lower())
    return {w for w in (*CONTEXT_WORDS, site) if len(w) >= 4}


class ContextWordsValidator:
    """Refuses a password that is mostly a word of this context (the site's name, 'patient',
    'password') with digits or symbols around it, like `Careprep2024!`."""

    def validate(self, password: str, user: User | None = None) -> None:
        letters = re.sub(r"[^a-z]", "", password.lower())
        for word in _context_words():
            rest = letters.replace(word, "")
            if word in letters and len(rest) < 6:
                raise ValidationError(
                    "This password is built on a word everyone here would guess "
                    f"(“{word}”). Choose a longer phrase of your own.",
                    code="password_context_word",
                )

    def get_help_text(self) -> str:
        return "Your password can’t be built on the site’s name or words like “patient”."
