"""Health checks for load balancers and orchestrators: /livez, /readyz and /healthz.

/livez says only that the process answers (restart it if not). /readyz and /healthz (the same
checks) say whether it can serve: the database, the cache, the broker when one is configured, and
the answer coach's model. They are answered by HealthMiddleware before sessions, CSRF, log-in
rules and rate limits, so a probe sets no cookie and is never throttled; the body names checks
and timings only, never a person or a setting's value.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import HttpRequest, HttpResponse

# A probe must answer before the load balancer gives up on it (usually 2-5 s).
TIMEOUT_SECONDS = 1.0
HEALTH_PATHS = {"/healthz", "/healthz/", "/readyz", "/readyz/"}
LIVE_PATHS = {"/livez", "/livez/"}
OK, DEGRADED, FAIL = "ok", "degraded", "fail"


@dataclass
class Result:
    status: str
    detail: str = ""


def check_database() -> Result:
    for alias in connections:
        connection = connections[alias]
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception:
            connection.close()  # a server that restarted: the next probe reconnects
            raise
    return Result(OK)


def check_cache() -> Result:
    key = "careprep:healthz"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        return Result(FAIL, "the cache did not keep a value")
    return Result(OK)


def check_broker() -> Result:
    url = settings.BROKER_URL
    if not url:
        return Result(OK, "no broker: reviews run in the web process")
    if url.startswith(("redis://", "rediss://")):
        import redis

        client = redis.Redis.from_url(
            url, socket_connect_timeout=TIMEOUT_SECONDS, socket_timeout=TIMEOUT_SECONDS
        )
        try:
            client.ping()
        finally:
            client.close()
        return Result(OK)
    from careprep.celery import app

    with app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1, timeout=TIMEOUT_SECONDS)
    return Result(OK)


def check_model() -> Result:
    """Loaded, or loadable, without loading it here: a probe must stay quick, and a web
    process with a broker leaves the model to the workers. The word-overlap fallback still
    gives feedback, so a missing model is 'degraded', not a failure."""
    from coach import embeddings

    if embeddings._embedder is not None:
        loaded = type(embeddings._embedder).__name__
        return Result(DEGRADED if embeddings._why_fallback else OK, f"loaded: {loaded}")
    if settings.BROKER_URL:
        return Result(OK, "not loaded here: the workers load it")
    model, tokenizer = embeddings.default_paths()
    if model is None or tokenizer is None or not model.exists() or not tokenizer.exists():
        return Result(DEGRADED, "the sentence model is not installed: word-overlap fallback")
    return Result(OK, "loadable")


CHECKS: dict[str, Callable[[], Result]] = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "model": check_model,
}


def run_checks() -> tuple[bool, dict[str, dict]]:
    report: dict[str, dict] = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            result = check()
        except Exception as exc:  # any failure of a dependency is the answer, not an error
            result = Result(FAIL, type(exc).__name__)
        elapsed = round((time.perf_counter() - started) * 1000, 1)
        report[name] = {"status": result.status, "ms": elapsed}
        if result.detail:
            report[name]["detail"] = result.detail
    healthy = all(item["status"] != FAIL for item in report.values())
    return healthy, report


def json_response(body: dict, status: int) -> HttpResponse:
    response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


def health_response() -> HttpResponse:
    healthy, report = run_checks()
    body = {"status": OK if healthy else FAIL, "checks": report}
    return json_response(body, 200 if healthy else 503)


class HealthMiddleware:
    """First in MIDDLEWARE: probes are answered before anything reads a session or a cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in ("GET", "HEAD"):
            if request.path in LIVE_PATHS:
                return json_response({"status": OK}, 200)
            if request.path in HEALTH_PATHS:
                return health_response()
        return self.get_response(request)
