"""Log lines with a request id: JSON (CAREPREP_LOG_FORMAT=json) for a log collector, or text.

Each request gets an id, the caller's X-Request-ID when it is sane or a new one, returned in the
response's X-Request-ID header. A task sent while handling the request carries it in its message
headers, so the worker's lines about that review have the same id. Log lines name ids and
counts, never an answer's text or a person's details: the message is the only free text.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid
from collections.abc import Callable
from typing import Any

from celery.signals import (
    after_setup_logger,
    after_setup_task_logger,
    before_task_publish,
    task_postrun,
    task_prerun,
)
from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
TASK_HEADER = "careprep_request_id"
# Letters, digits and - _ . : up to 64: what proxies and load balancers send (UUIDs and such).
SANE = re.compile(r"[A-Za-z0-9._:-]{1,64}")
NONE = "-"
TEXT_TAIL = "[%(request_id)s] %(message)s"

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default=NONE)


def id_for(given: str | None) -> str:
    if given and SANE.fullmatch(given):
        return given
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """First in MIDDLEWARE, so every later line about the request has its id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = request_id.set(id_for(request.headers.get(HEADER)))
        try:
            response = self.get_response(request)
            response[HEADER] = request_id.get()
            return response
        finally:
            request_id.reset(token)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request id (and the traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", NONE),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line)


@before_task_publish.connect
def _send_request_id(headers: dict | None = None, **_: Any) -> None:
    if headers is not None and request_id.get() != NONE:
        headers[TASK_HEADER] = request_id.get()


@task_prerun.connect
def _take_request_id(task: Any = None, **_: Any) -> None:
    given = getattr(task.request, TASK_HEADER, None) if task is not None else None
    request_id.set(id_for(given) if given else NONE)


@task_postrun.connect
def _drop_request_id(**_: Any) -> None:
    request_id.set(NONE)


@after_setup_logger.connect
@after_setup_task_logger.connect
def _worker_lines(logger: logging.Logger, format: str = "", **_: Any) -> None:
    """A Celery worker sets up its own log handlers: give them the request id and the format."""
    from django.conf import settings

    for handler in logger.handlers:
        handler.addFilter(RequestIdFilter())
        if getattr(settings, "LOG_FORMAT", "text") == "json":
            handler.setFormatter(JsonFormatter())
        elif format:
            handler.setFormatter(logging.Formatter(format.replace("%(message)s", TEXT_TAIL)))
