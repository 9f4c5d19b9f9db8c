"""The IDOR matrix: every route of the URL conf (the admin aside) and every API operation, with
every method it takes, as each person of the programmes cast (every role in the candidate's
organisation and in another, an outsider, a superuser) and as an anonymous visitor, pointed at
the candidate's own attempt and mock interview. Nobody but the candidate reads them: no
answer's text in any response, a 404 (or the log-in page) wherever the URL names them, and
both still there afterwards. Generated from the URL conf, so a new route cannot be missed."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from django.contrib.auth.models import User
from django.test import Client

from api.api import api
from practice.models import Attempt, MockInterview, MockStep
from tests.practice import rows
from tests.programmes.cast import EVERYONE_ELSE, Cast, cast_build
from tests.test_routes import routes

pytestmark = pytest.mark.django_db

OWNED = 4242  # the candidate's attempt and mock interview both have this id
SECRET = "Zebra-quartz secret: my brother's chemotherapy at Saint Elsewhere."
PAGE_METHODS = ("get", "post")
# URL arguments that name the candidate's attempt or interview (the others get the same
# number, or the candidate's organisation for an organisation's slug).
NAMES_OWNED = re.compile(r"^/(attempts|mock)/|/api/v1/(attempts|mock-interviews)/")


def _fill(route: str) -> str:
    def value(match: re.Match[str]) -> str:
        converter, name = match.group(1) or "", match.group(2)
        return "north" if name == "slug" and converter in ("", "slug") else str(OWNED)

    return re.sub(r"[<{](?:(\w+):)?(\w+)[>}]", value, route)


def requests() -> list[tuple[str, str]]:
    """(method, path) for every page route with an argument and every API operation."""
    pages = [
        (method, _fill(route))
        for route in routes()
        if "<" in route and not route.startswith(("/admin/", "/api/"))
        for method in PAGE_METHODS
    ]
    operations = [
        (method, _fill(path))
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
    ]
    return sorted(set(pages + operations))


REQUESTS = requests()


@pytest.fixture
def cast(db: None) -> Cast:
    built = cast_build()
    candidate = built.candidate
    attempt = rows.attempt(candidate, answer=SECRET)
    Attempt.objects.filter(id=attempt.pk).update(id=OWNED)
    interview = MockInterview.objects.create(user=candidate, role=rows.role(), level="entry")
    MockInterview.objects.filter(id=interview.pk).update(id=OWNED)
    MockStep.objects.create(interview_id=OWNED, order=0, question=rows.question(), attempt_id=OWNED)
    Attempt.objects.filter(pk=OWNED).update(mock_interview_id=OWNED)
    return built


def call(client: Client, method: str, path: str) -> tuple[int, bytes]:
    if path.startswith("/api/") and method != "get":
        response = getattr(client, method)(path, {}, content_type="application/json")
    else:
        response = getattr(client, method)(path)
    return response.status_code, b"".join(response) if response.streaming else response.content


def test_the_matrix_covers_every_area() -> None:
    paths = {path for _, path in REQUESTS}
    for area in ("/attempts/", "/mock/", "/api/v1/attempts/", "/programmes/", "/mentoring/"):
        assert any(p.startswith(area) for p in paths), area
    assert {"delete", "get", "post"} <= {method for method, _ in REQUESTS}


def test_the_owner_reads_their_own_attempt(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.candidate)
    status, body = call(client, "get", f"/attempts/{OWNED}/")
    assert status == 200 and b"Zebra-quartz" in body  # the matrix below can see a leak


@pytest.mark.parametrize("identity", ["anonymous", *EVERYONE_ELSE])
def test_nobody_else_reads_or_changes_the_candidates_practice(
    cast: Cast, identity: str, capsys: pytest.CaptureFixture[str]
) -> None:
    client = Client()
    person: User | None = cast.people.get(identity)
    if person is not None:
        client.force_login(person)
    leaks, wrong, counts = [], [], Counter[int]()
    for method, path in REQUESTS:
        status, body = call(client, method, path)
        counts[status] += 1
        if b"Zebra-quartz" in body:
            leaks.append((method, path, status))
        if NAMES_OWNED.search(path) and status not in _refused(person is None, method, path):
            wrong.append((method, path, status))
    with capsys.disabled():
        print(f"\n{identity}: {len(REQUESTS)} requests, statuses {dict(sorted(counts.items()))}")
    assert leaks == [] and wrong == []
    assert Attempt.objects.filter(pk=OWNED, user=cast.candidate).exists()
    assert MockInterview.objects.filter(pk=OWNED, user=cast.candidate).exists()


def _refused(anonymous: bool, method: str, path: str) -> set[int]:
    """What someone else gets from a URL naming the candidate's attempt or interview: 404 like
    a missing one (405 for a method the route does not take); a visitor is sent to log in. An
    API write with an empty body is a 422 before any object is looked up, whatever the id."""
    api_call = path.startswith("/api/")
    refused = {401, 405} if anonymous and api_call else {302, 405} if anonymous else {404, 405}
    return refused | {422} if api_call and method != "get" and not anonymous else refused
