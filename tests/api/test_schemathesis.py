"""Property-based conformance of the API to its own OpenAPI document (schemathesis): generated
requests, valid and not, with a live token, through the WSGI app on the test database. Every
response must be documented (status, content type, headers, body schema), with no 5xx, bad
input refused and a deleted object gone.

SCHEMATHESIS_EXAMPLES sets the examples per operation and kind (valid, invalid): 5 here so the
suite stays quick; docs/security.md gives the 100-example run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.specs.openapi import checks

from accounts.services import token_create
from api.api import api

EXAMPLES = int(os.getenv("SCHEMATHESIS_EXAMPLES", "5"))
# The areas this suite covers; each area's own tests add theirs when they pass it.
TAGS = {"bank", "practice", "data rights", "programmes", "hiring", "mentoring"}
OPERATIONS = sorted(
    f"{method.upper()} {path}"
    for path, operations in api.get_openapi_schema()["paths"].items()
    for method, operation in operations.items()
    if TAGS & set(operation.get("tags", []))
)


# An answer must hold three words once invisible and control characters are taken out, in any
# script: more than a JSON Schema can say, so for the operations that take one the checks that
# a schema-valid body is accepted and a schema-invalid one refused are left out (the rule is
# tested in tests/practice/test_input.py). Every other check runs on them.
TAKES_AN_ANSWER = {
    "POST /api/v1/attempts",
    "POST /api/v1/mock-interviews/{interview_id}/answers",
}
# Values the schema gives as plain strings but that must name something in the content files
# (a pathway stage or step, a reflection framework) or be an e-mail address Django's validator
# takes: a schema-valid request may still be refused with 422, so only the acceptance check is
# left out for them (their own tests cover the values).
NAMES_CONTENT = {
    "POST /api/v1/mentoring/goals",
    "POST /api/v1/mentoring/journal",
    "POST /api/v1/mentoring/pathway/steps/{key}",
    "POST /api/v1/organisations/{slug}/invitations",
}
# A query list sent as one value (`languages=false`) is a list of that one string, which
# schemathesis counts as a schema violation accepted; the rejection check is left out for it.
QUERY_LISTS = {"GET /api/v1/mentoring/mentors"}


@pytest.fixture
def api_schema(db: None, bank: None) -> Iterator[schemathesis.BaseSchema]:
    # A request through the WSGI app ends by closing the database connection, which on
    # PostgreSQL would end the test's transaction; Django's test client stops that the same way.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.fixture
def auth(owner: User) -> dict[str, str]:
    _, token = token_create(user=owner, name="schemathesis")
    return {"Authorization": f"Bearer {token}"}


def test_the_suite_covers_the_core_operations() -> None:
    assert len(OPERATIONS) >= 50
    assert "DELETE /api/v1/attempts/{attempt_id}" in OPERATIONS
    for area in ("/api/v1/hiring/", "/api/v1/mentoring/", "/api/v1/organisations"):
        assert any(area in label for label in OPERATIONS), area


@pytest.mark.parametrize("label", OPERATIONS)
def test_each_operation_conforms_to_the_openapi_document(
    label: str, api_schema: schemathesis.BaseSchema, auth: dict[str, str]
) -> None:
    operation = api_schema.find_operation_by_label(label)
    assert operation is not None
    cases = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    )

    @given(case=cases)
    @settings(
        max_examples=EXAMPLES * 2,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=auth, excluded_checks=excluded)

    excluded: list[Any] = []
    if label in TAKES_AN_ANSWER or label in NAMES_CONTENT:
        excluded.append(checks.positive_data_acceptance)
    if label in TAKES_AN_ANSWER or label in QUERY_LISTS:
        excluded.append(checks.negative_data_rejection)

    check()
