"""Request ids: taken or made, returned, on every log line, and carried into a worker's task."""

from __future__ import annotations

import json
import logging
from types import SimpleNamespace

import pytest
from django.test import Client

from careprep import logs


@pytest.mark.django_db
def test_a_sane_incoming_id_is_kept_and_returned() -> None:
    response = Client().get("/livez", HTTP_X_REQUEST_ID="lb-7f3a2c91")
    assert response["X-Request-ID"] == "lb-7f3a2c91"


@pytest.mark.django_db
@pytest.mark.parametrize("given", ["", "a b", "x" * 65, "id\nForged: line", "<script>"])
def test_an_odd_incoming_id_is_replaced(given: str) -> None:
    returned = Client().get("/livez", HTTP_X_REQUEST_ID=given)["X-Request-ID"]
    assert returned != given
    assert len(returned) == 32 and returned.isalnum()


def test_json_lines_carry_the_request_id() -> None:
    record = logging.LogRecord("practice", logging.WARNING, __file__, 1, "attempt %s", (7,), None)
    token = logs.request_id.set("req-123")
    try:
        logs.RequestIdFilter().filter(record)
    finally:
        logs.request_id.reset(token)
    line = json.loads(logs.JsonFormatter().format(record))
    assert line["message"] == "attempt 7"
    assert line["request_id"] == "req-123"
    assert line["level"] == "WARNING"


def test_the_id_travels_in_task_headers_into_the_worker() -> None:
    headers: dict = {}
    token = logs.request_id.set("req-456")
    try:
        logs._send_request_id(headers=headers)
    finally:
        logs.request_id.reset(token)
    assert headers == {"careprep_request_id": "req-456"}
    task = SimpleNamespace(request=SimpleNamespace(careprep_request_id="req-456"))
    logs._take_request_id(task=task)
    assert logs.request_id.get() == "req-456"
    logs._drop_request_id()
    assert logs.request_id.get() == "-"


def test_worker_log_lines_get_the_id(settings: object) -> None:
    logger = logging.getLogger("test-worker-lines")
    handler = logging.StreamHandler()
    logger.addHandler(handler)
    try:
        logs._worker_lines(logger=logger, format="%(levelname)s %(message)s")
        record = logging.LogRecord("w", logging.INFO, __file__, 1, "review done", (), None)
        assert all(f.filter(record) for f in handler.filters)  # type: ignore[union-attr]
        assert handler.format(record) == "INFO [-] review done"
    finally:
        logger.removeHandler(handler)
