"""Security headers: a strict CSP with no inline script anywhere, Permissions-Policy (the
microphone only on answer pages), no-store on personal responses, HSTS and a clean
`check --deploy` in production, and Swagger UI served from our own static files."""

import os
import re
import secrets
import subprocess
import sys
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from practice.services import attempt_create
from questionbank.models import Question
from tests.practice.test_services import STRONG

pytestmark = pytest.mark.django_db


def test_the_csp_allows_only_our_own_scripts(client: Client, bank: None) -> None:
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'self'"
    assert "unsafe" not in directives["script-src"] + directives["style-src"]
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"


def test_no_page_has_inline_script(client: Client, owner: User, bank: None) -> None:
    question = Question.objects.filter(type="behavioural").first()
    assert question is not None
    attempt = attempt_create(user=owner, question=question, answer=STRONG)
    client.force_login(owner)
    pages = ["/", "/questions/", f"/practice/{question.slug}/", attempt.get_absolute_url()]
    pages += ["/practice/own/", "/mock/", "/progress/", "/accounts/profile/", "/api/v1/docs"]
    for path in pages:
        page = client.get(path).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", page):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)
        assert not re.search(r"\son[a-z]+=", page), path  # no inline event handlers


def test_the_microphone_is_allowed_only_where_speech_input_is_used(
    client: Client, owner: User, bank: None
) -> None:
    question = Question.objects.filter(type="behavioural").first()
    assert question is not None
    client.force_login(owner)
    assert "microphone=(self)" in client.get(f"/practice/{question.slug}/")["Permissions-Policy"]
    assert "microphone=()" in client.get("/progress/")["Permissions-Policy"]
    assert "camera=()" in client.get("/")["Permissions-Policy"]


def test_personal_pages_and_files_are_not_stored(client: Client, owner: User, bank: None) -> None:
    assert "no-store" not in client.get("/").get("Cache-Control", "")
    client.force_login(owner)
    for path in ("/progress/", "/accounts/profile/", "/api/v1/attempts"):
        assert client.get(path)["Cache-Control"] == "no-store", path


def test_swagger_ui_comes_from_our_static_files(client: Client) -> None:
    page = client.get("/api/v1/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any("swagger-ui-bundle.js" in s for s in sources)
    assert all(s.startswith("/") for s in sources), sources
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200


def deploy_check(**env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "careprep.settings",
        "CAREPREP_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "careprep.example.org",
        **env,
    }
    command = [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"]
    return subprocess.run(command, env=environment, capture_output=True, text=True, check=False)


def test_check_deploy_is_clean_in_production() -> None:
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_catches_insecure_cookies_in_production() -> None:
    result = deploy_check(SECURE_COOKIES="false")
    assert result.returncode != 0 and "security.W012" in result.stdout + result.stderr


def test_hsts_is_sent_when_secure_cookies_are_on(client: Client, settings: Any) -> None:
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
