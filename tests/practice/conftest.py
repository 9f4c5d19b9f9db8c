"""Background reviews for real: Redis on 127.0.0.1:6379 as broker, a Celery worker in a thread.

Each test gets queues of its own, so tests (and anyone else's Redis use) never share messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any
from uuid import uuid4

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.db import connection
from django.test import override_settings

from careprep.celery import app

REDIS_URL = "redis://127.0.0.1:6379/0"


@task_postrun.connect
def _close_worker_connection(**_: object) -> None:
    """The worker thread's own connection, closed after each task, so that the PostgreSQL test
    database can be dropped at the end (an in-memory SQLite one ignores this)."""
    connection.close()


def use_broker(**conf: Any) -> None:
    """Point the Celery app at another broker: new settings, and no connection kept from the
    last one (Celery forgets its pools the same way after a fork)."""
    app.conf.update(conf)
    app._after_fork()


class Broker:
    def __init__(self, queue: str) -> None:
        self.queue = queue
        self.llm_queue = f"{queue}-llm"

    def waiting(self) -> int:
        """Messages still in the review queue (sent, not taken by a worker)."""
        return int(redis.Redis.from_url(REDIS_URL).llen(self.queue))

    def worker(self, **options: Any) -> AbstractContextManager[Any]:
        """A real worker (solo pool, in a thread) on this test's queues."""
        return start_worker(
            app,
            perform_ping_check=False,
            queues=[self.queue, self.llm_queue],
            shutdown_timeout=30,
            **options,
        )


@pytest.fixture
def broker(transactional_db: None) -> Iterator[Broker]:
    """CAREPREP_BROKER_URL set: reviews go to Redis, on queues only this test reads."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        pytest.fail("these tests need Redis on 127.0.0.1:6379")
    found = Broker(f"test-{uuid4().hex[:10]}")
    keys = ("broker_url", "result_backend", "task_default_queue", "task_routes")
    saved = {key: app.conf[key] for key in keys}
    use_broker(
        broker_url=REDIS_URL,
        result_backend=REDIS_URL,
        task_default_queue=found.queue,
        task_routes={"practice.llm_review": {"queue": found.llm_queue}},
    )
    with override_settings(BROKER_URL=REDIS_URL):
        yield found
    use_broker(**saved)
    bindings = [f"_kombu.binding.{q}" for q in (found.queue, found.llm_queue)]
    redis.Redis.from_url(REDIS_URL).delete(found.queue, found.llm_queue, *bindings)
