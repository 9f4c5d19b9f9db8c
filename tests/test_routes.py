"""Every route of the URL conf, walked from the conf itself so a new route cannot be missed:
methods a page (or an API path) does not take are 405, and a signed-in stranger's ids are 404."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

SAMPLE = {"int": "999999", "slug": "no-such-thing", "str": "x", "path": "x"}


def routes(patterns: list | None = None, prefix: str = "") -> Iterator[str]:
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield "/" + route.lstrip("^").rstrip("$")


def sample(route: str) -> str:
    return re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE[m.group(1) or "str"], route)


OUR_ROUTES = sorted({sample(r) for r in routes() if not r.startswith("/admin/")})


def documented_methods() -> dict[str, set[str]]:
    """The API's sample paths and the methods its OpenAPI document gives each."""
    from api.api import api

    documented: dict[str, set[str]] = {}
    for path, operations in api.get_openapi_schema()["paths"].items():
        route = re.sub(r"{(\w+)}", lambda m: "<" + m.group(1) + ">", path)
        documented.setdefault(sample(route), set()).update(operations)
    return documented


DOCUMENTED = documented_methods()


def test_the_walk_finds_every_area() -> None:
    for start in ("/practice/", "/mock/", "/accounts/", "/api/v1/", "/roles/", "/attempts/"):
        assert any(r.startswith(start) for r in OUR_ROUTES), start


@pytest.mark.parametrize("path", OUR_ROUTES)
def test_methods_a_page_does_not_take_are_405(client: Client, owner: User, path: str) -> None:
    client.force_login(owner)
    for method in {"put", "patch", "delete"} - DOCUMENTED.get(path, set()):
        response = getattr(client, method)(path)
        assert response.status_code == 405, (method, path, response.status_code)
