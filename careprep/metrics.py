"""Prometheus metrics (prometheus_client): request latency by view, review duration in the web
process and in workers, review queue depth, and failed tasks; served at /metrics.

/metrics answers only a bearer token equal to CAREPREP_METRICS_TOKEN, or, without a token set,
a scraper on this machine (127.0.0.1 / ::1, the socket's own address, not a forwarded one);
anyone else gets 404. Under gunicorn with several processes set PROMETHEUS_MULTIPROC_DIR to an
empty directory the processes share (prometheus_client's multiprocess mode): each scrape then
adds up every process's figures, whichever process answers.
"""

from __future__ import annotations

import functools
import hmac
import os
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from celery import current_task
from celery.signals import task_failure
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

METRICS_PATH = "/metrics"
LOCAL_ADDRESSES = {"127.0.0.1", "::1"}
REVIEW_QUEUES = ("reviews", "llm")  # CELERY_TASK_DEFAULT_QUEUE and the LLM reviewer's

REQUEST_SECONDS = Histogram(
    "careprep_request_seconds",
    "Time to answer a request, by view (URL name) and method.",
    ["view", "method", "status"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10),
)
REVIEW_SECONDS = Histogram(
    "careprep_review_seconds",
    "Time the answer coach takes over one review, in a web process or a worker.",
    ["where"],
    buckets=(0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10, 20),
)
TASK_FAILURES = Counter(
    "careprep_task_failures", "Background tasks that raised an error, by task name.", ["task"]
)

F = TypeVar("F", bound=Callable[..., Any])


def observe_review(function: F) -> F:
    """Time a review, labelled with where it ran (a Celery task means a worker)."""

    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        where = "worker" if current_task and current_task.request.id else "web"
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            REVIEW_SECONDS.labels(where).observe(time.perf_counter() - started)

    return timed  # type: ignore[return-value]


@task_failure.connect
def _count_failure(sender: Any = None, **_: Any) -> None:
    TASK_FAILURES.labels(getattr(sender, "name", "unknown")).inc()


class QueueDepth(Collector):
    """Messages waiting in each review queue, read from Redis at scrape time (kombu's Redis
    transport keeps a queue as a list of its name)."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "careprep_queue_depth", "Tasks waiting in a review queue.", labels=["queue"]
        )
        url = settings.BROKER_URL
        if url.startswith(("redis://", "rediss://")):
            import redis

            client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
            try:
                for queue in REVIEW_QUEUES:
                    family.add_metric([queue], client.llen(queue))
            except redis.RedisError:
                pass  # the broker is down: /healthz says so; the scrape still answers
            finally:
                client.close()
        yield family


def exposition() -> bytes:
    registry: CollectorRegistry = REGISTRY
    if os.getenv("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        registry.register(_ProcessMetrics())
    registry.register(QueueDepth())
    return generate_latest(registry)


class _ProcessMetrics(Collector):
    """This single process's own metrics (the default registry), beside the queue gauge."""

    def collect(self) -> Iterator[Any]:
        yield from REGISTRY.collect()


def scrape_allowed(request: HttpRequest) -> bool:
    token = os.getenv("CAREPREP_METRICS_TOKEN", "")
    if token:
        given = request.headers.get("Authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    return request.META.get("REMOTE_ADDR") in LOCAL_ADDRESSES


def view_name(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unmatched"  # a 404 or a response given before routing: never the raw path
    return match.view_name or "unnamed"


class MetricsMiddleware:
    """First in MIDDLEWARE: times every request by view; answers /metrics itself."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == METRICS_PATH:
            if request.method != "GET" or not scrape_allowed(request):
                return HttpResponseNotFound()
            return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
        started = time.perf_counter()
        response = self.get_response(request)
        status = f"{response.status_code // 100}xx"
        method = request.method if request.method in ("GET", "HEAD", "POST") else "other"
        REQUEST_SECONDS.labels(view_name(request), method, status).observe(
            time.perf_counter() - started
        )
        return response
