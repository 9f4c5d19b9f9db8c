"""Warming the answer coach in a server worker: the model, then every bank question."""

from __future__ import annotations

import logging
import threading

from coach.bank import current_bank, use_bank
from coach.embeddings import get_embedder
from coach.engine import prepare
from questionbank.models import Question

log = logging.getLogger(__name__)
_lock = threading.Lock()


def bank_questions() -> list[dict]:
    questions = Question.objects.select_related("competency").prefetch_related("example_answers")
    return [question.coach_question() for question in questions]


def ensure_bank() -> None:
    """Hand the coach this server's bank once per process, so it can tell when an answer is
    about another question (coach.bank). Edits to the bank reach the coach after a restart."""
    with _lock:
        if current_bank() is None:
            questions = bank_questions()
            if questions:  # an empty database: ask again next time
                use_bank(questions)


def warm_bank() -> int:
    ensure_bank()
    count = 0
    for question in bank_questions():
        prepare(question)
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
