"""Background work of the practice area, on Celery when CAREPREP_BROKER_URL names a broker.

Each task calls the same function the web process runs itself when there is no broker
(practice.reviews, practice.llm). Tasks are acknowledged late and rejected when their worker dies,
so a worker killed mid-review hands the message back and another worker redoes the review; the
functions write once, so running one twice is harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from celery import Task
from celery.signals import worker_process_init, worker_ready
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import RedisError

from careprep.celery import app

from .llm import llm_run
from .models import Attempt
from .reviews import review_run

log = logging.getLogger(__name__)

# A waiting review older than this is sent again when a worker starts (its message was lost).
STALE_AFTER = timedelta(seconds=30)
RELIABLE = {"acks_late": True, "task_reject_on_worker_lost": True}


def in_background() -> bool:
    """Reviews go to workers only when a broker is configured."""
    return bool(settings.BROKER_URL)


# A database that is restarting or busy is tried again a few times, a second apart and more.
RETRY_DATABASE = {
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 1,
    "retry_backoff_max": 30,
    "max_retries": 6,
}


@app.task(name="practice.review", **RELIABLE, **RETRY_DATABASE)
def review_attempt(attempt_id: int) -> bool:
    return review_run(attempt_id=attempt_id)


@app.task(name="practice.llm_review", **RELIABLE, **RETRY_DATABASE)
def llm_review_attempt(attempt_id: int) -> bool:
    return llm_run(attempt_id=attempt_id)


def review_enqueue(attempt_id: int) -> None:
    """Ask a worker for the review once the answer is committed (a worker must find it)."""
    transaction.on_commit(lambda: send(review_attempt, attempt_id, review_run))


def send(task: Task, attempt_id: int, fallback: Callable[..., bool]) -> None:
    """Queue a task; when the broker cannot take it, run its function here instead, so the
    answer is still reviewed (slower, in the web process) rather than left waiting."""
    try:
        task.apply_async((attempt_id,), retry=False)
    except (BrokerError, RedisError, OSError):
        log.warning("broker unavailable: %s for attempt %s runs in-process", task.name, attempt_id)
        fallback(attempt_id=attempt_id)


def stale_reviews_resend(*, older_than: timedelta = STALE_AFTER) -> int:
    """Send again every review still waiting after `older_than` (its message was lost, say
    while the broker was down); a review that was only slow is written once all the same."""
    cutoff = timezone.now() - older_than
    waiting = Attempt.objects.filter(review_status=Attempt.Review.PENDING, created_at__lt=cutoff)
    ids = list(waiting.values_list("pk", flat=True)[:1000])
    for attempt_id in ids:
        review_attempt.apply_async((attempt_id,))
    return len(ids)


@worker_process_init.connect
def _warm_worker_process(**_: object) -> None:
    """Each worker process loads the model once as it starts, then embeds the bank in the
    background while it already takes reviews (as a web process does without a broker)."""
    from django.db import connections

    from .warmup import warm_in_background

    connections.close_all()  # a forked child must not share its parent's connection
    try:
        warm_in_background()
    except Exception:  # warming is an optimisation; the first review will load what it needs
        log.exception("warming the worker process failed")


@worker_ready.connect
def _resend_on_start(**_: object) -> None:
    from django.db import connections

    try:
        count = stale_reviews_resend()
    except Exception:
        log.exception("re-sending waiting reviews failed")
        return
    finally:
        connections.close_all()  # the worker's main process has no more use for it
    if count:
        log.warning("re-sent %d reviews that were still waiting", count)
