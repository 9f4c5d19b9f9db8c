"""The health probes: what a load balancer sees when each dependency works or is unreachable."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.db.utils import ConnectionHandler
from django.test import Client, override_settings

from careprep import health
from careprep.settings import cache_config

REDIS = "redis://127.0.0.1:6379/3"
NOBODY_LISTENS = "redis://127.0.0.1:1/0"  # port 1: connection refused at once


def probe(path: str = "/healthz") -> tuple[int, dict]:
    response = Client().get(path)
    assert response["Content-Type"] == "application/json"
    assert "Set-Cookie" not in response  # answered before the session machinery
    return response.status_code, json.loads(response.content)


@pytest.mark.django_db
def test_all_checks_pass_with_their_timings() -> None:
    status, body = probe()
    assert status == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker", "model"}
    for check in body["checks"].values():
        assert check["status"] in ("ok", "degraded")
        assert check["ms"] >= 0


@pytest.mark.django_db
def test_readyz_runs_the_same_checks_and_livez_none() -> None:
    assert probe("/readyz")[1]["checks"].keys() == probe("/healthz")[1]["checks"].keys()
    assert probe("/livez") == (200, {"status": "ok"})


@pytest.mark.django_db
def test_an_unreachable_database_gives_503(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = dict(settings.DATABASES["default"])
    if str(broken["ENGINE"]).endswith("sqlite3"):
        broken["NAME"] = "/nonexistent-directory/careprep.sqlite3"
    else:
        broken["PORT"] = "1"
    monkeypatch.setattr(health, "connections", ConnectionHandler({"default": broken}))
    status, body = probe()
    assert status == 503
    assert body["status"] == "fail"
    assert body["checks"]["database"]["status"] == "fail"
    assert body["checks"]["cache"]["status"] == "ok"


@pytest.mark.django_db
def test_an_unreachable_cache_gives_503() -> None:
    with override_settings(CACHES={"default": cache_config(NOBODY_LISTENS)}):
        status, body = probe()
    assert status == 503
    assert body["checks"]["cache"] == {
        "status": "fail",
        "ms": body["checks"]["cache"]["ms"],
        "detail": "ConnectionError",
    }


@pytest.mark.django_db
def test_the_broker_is_checked_only_when_configured() -> None:
    with override_settings(BROKER_URL=""):
        assert probe()[1]["checks"]["broker"]["detail"].startswith("no broker")
    with override_settings(BROKER_URL=REDIS):
        status, body = probe()
    assert status == 200
    assert body["checks"]["broker"]["status"] == "ok"


@pytest.mark.django_db
def test_an_unreachable_broker_gives_503() -> None:
    with override_settings(BROKER_URL=NOBODY_LISTENS):
        status, body = probe()
    assert status == 503
    assert body["checks"]["broker"]["status"] == "fail"
    assert body["checks"]["database"]["status"] == "ok"


@pytest.mark.django_db
def test_a_web_process_with_a_broker_does_not_load_the_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from coach import embeddings

    monkeypatch.setattr(embeddings, "_embedder", None)
    with override_settings(BROKER_URL=REDIS):
        body = probe()[1]
    assert body["checks"]["model"]["detail"].startswith("not loaded here")
    assert embeddings._embedder is None


@pytest.mark.django_db
def test_probes_skip_csrf_and_only_read() -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.get("/healthz").status_code == 200
    assert client.post("/healthz").status_code in (403, 404, 405)  # not a probe: normal rules
