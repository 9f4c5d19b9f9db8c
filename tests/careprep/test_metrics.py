"""/metrics: who may scrape it, and what it counts."""

from __future__ import annotations

import pytest
import redis
from django.test import Client, override_settings
from prometheus_client import REGISTRY

from careprep import metrics

REDIS = "redis://127.0.0.1:6379/13"


def scrape(**extra: str) -> tuple[int, str]:
    response = Client().get("/metrics", **extra)  # type: ignore[arg-type]
    return response.status_code, response.content.decode()


@pytest.mark.django_db
def test_only_this_machine_may_scrape_without_a_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAREPREP_METRICS_TOKEN", raising=False)
    assert scrape(REMOTE_ADDR="127.0.0.1")[0] == 200
    assert scrape(REMOTE_ADDR="203.0.113.9")[0] == 404
    forwarded = scrape(REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="127.0.0.1")
    assert forwarded[0] == 404


@pytest.mark.django_db
def test_a_token_is_required_once_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREPREP_METRICS_TOKEN", "s3cret-scraper")
    assert scrape(REMOTE_ADDR="127.0.0.1")[0] == 404  # the token, wherever the scraper is
    assert scrape(HTTP_AUTHORIZATION="Bearer wrong")[0] == 404
    status, body = scrape(HTTP_AUTHORIZATION="Bearer s3cret-scraper", REMOTE_ADDR="203.0.113.9")
    assert status == 200
    assert "careprep_request_seconds" in body


@pytest.mark.django_db
def test_requests_are_timed_by_view_name_never_by_path() -> None:
    def count(view: str) -> float:
        labels = {"view": view, "method": "GET", "status": "4xx"}
        return REGISTRY.get_sample_value("careprep_request_seconds_count", labels) or 0.0

    before = count("unmatched")
    Client().get("/no-such-page/alice@example.org")
    assert count("unmatched") == before + 1
    assert "alice@example.org" not in scrape(REMOTE_ADDR="127.0.0.1")[1]


def test_reviews_are_timed_where_they_ran() -> None:
    def count() -> float:
        return REGISTRY.get_sample_value("careprep_review_seconds_count", {"where": "web"}) or 0.0

    before = count()
    metrics.observe_review(lambda: None)()
    assert count() == before + 1


def test_task_failures_are_counted_by_task() -> None:
    from practice.tasks import review_attempt

    def count() -> float:
        sample = "careprep_task_failures_total"
        return REGISTRY.get_sample_value(sample, {"task": "practice.review"}) or 0.0

    before = count()
    metrics._count_failure(sender=review_attempt)
    assert count() == before + 1


@pytest.mark.django_db
def test_queue_depth_is_read_from_redis() -> None:
    client = redis.Redis.from_url(REDIS)
    client.delete("reviews", "llm")
    client.rpush("reviews", "a", "b", "c")
    try:
        with override_settings(BROKER_URL=REDIS):
            body = scrape(REMOTE_ADDR="127.0.0.1")[1]
    finally:
        client.delete("reviews")
    assert 'careprep_queue_depth{queue="reviews"} 3.0' in body
    assert 'careprep_queue_depth{queue="llm"} 0.0' in body
