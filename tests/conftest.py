"""Shared fixtures: the bundled bank, and the test cast (owner, outsider) of healthchecks."""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.contrib.auth.models import User

from accounts.services import user_create
from questionbank.bank import bank_load, pack_read
from questionbank.models import Question

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from that thread
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def bank(db: None) -> None:
    """The bundled question bank, loaded into the test database."""
    if not Question.objects.exists():
        bank_load(pack=pack_read(settings.CONTENT_DIR))


@pytest.fixture
def owner(db: None) -> User:
    return user_create(username="alice", email="alice@example.org", password=PASSWORD)


@pytest.fixture
def outsider(db: None) -> User:
    return user_create(username="mallory", email="mallory@example.org", password=PASSWORD)
