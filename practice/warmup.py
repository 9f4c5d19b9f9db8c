"""Warming the answer coach in a server worker: the model, then every bank question."""

from __future__ import annotations

import logging
import threading

from coach.embeddings import get_embedder
from coach.engine import prepare
from questionbank.models import Question

log = logging.getLogger(__name__)


def warm_bank() -> int:
    questions = Question.objects.select_related("competency").prefetch_related("example_answers")
    count = 0
    for question in questions:
        prepare(question.coach_question())
        count += 1
    return count


def _warm() -> None:
    try:
        get_embedder()
        log.info("answer coach warmed for %d questions", warm_bank())
    except Exception:  # warming is an optimisation; a failure must not stop the worker
        log.exception("warming the answer coach failed")


def warm_in_background() -> threading.Thread:
    get_embedder()  # the model itself, before the first request
    thread = threading.Thread(target=_warm, name="coach-warmup", daemon=True)
    thread.start()
    return thread
