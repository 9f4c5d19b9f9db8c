"""The request being served, so that events recorded by signals and services far from a view
still say where they came from."""

from __future__ import annotations

from contextvars import ContextVar

from django.http import HttpRequest

current_request: ContextVar[HttpRequest | None] = ContextVar("audit_request", default=None)
