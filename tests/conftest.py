"""Shared fixtures: the bundled bank, and the test cast (owner, outsider) of healthchecks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache

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


@pytest.fixture(autouse=True)
def _cache_cleared_after_transactional_tests(
    request: pytest.FixtureRequest, django_db_blocker: Any
) -> Iterator[None]:
    """Rate-limit and lockout counts live in the cache (a database table by default). A normal
    test's writes roll back with it; a transactional test's stay, so they are cleared after it."""
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    if transactional:
        with django_db_blocker.unblock():
            cache.clear()


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rate-limit windows that do not roll over in the middle of a test."""
    import careprep.ratelimit

    monkeypatch.setattr(careprep.ratelimit, "now", lambda: 1_800_000_000.0)
