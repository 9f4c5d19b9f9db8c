"""Fault: a review worker killed mid-review. Feedback must still arrive, written once, and no
answer may be lost or doubled.

Two `careprep worker` processes on PostgreSQL (database careprep_fault) and Redis (db 3). A batch
of answers is queued; then, while both are busy:

1. one worker's pool process (the one running the coach) is killed with SIGKILL: its main
   process rejects the message (task_reject_on_worker_lost), so it goes back to the queue at once;
2. the other worker is killed whole (main and pool process, SIGKILL): the message it held is
   unacknowledged, and Redis hands it out again after the visibility timeout (set to 20 s here);
   a fresh worker is started in its place, as systemd would.

Writes benchmarks/out/fault_worker_kill.md.

    .venv/bin/python -m benchmarks.faults.worker_kill [--batch 400] [--model lexical|minilm]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

from ..common import table, write_report

DATABASE = "postgres://postgres@127.0.0.1:5432/careprep_fault"
BROKER = "redis://127.0.0.1:6379/3"
VISIBILITY = 20
BIN = Path(sys.executable).parent


def environment(model: str) -> dict[str, str]:
    return {
        **os.environ,
        "CAREPREP_COACH_MODEL": model,
        "DATABASE_URL": DATABASE,
        "CAREPREP_BROKER_URL": BROKER,
        "CACHE_URL": "redis://127.0.0.1:6379/4",
        "CAREPREP_TASK_VISIBILITY_SECONDS": str(VISIBILITY),
        "DJANGO_SETTINGS_MODULE": "careprep.settings",
    }


def fresh(env: dict[str, str]) -> None:
    import psycopg
    import redis

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS careprep_fault WITH (FORCE)")
        conn.execute("CREATE DATABASE careprep_fault")
    redis.Redis.from_url(BROKER).flushdb()
    subprocess.run([str(BIN / "careprep"), "content", "load"], env=env, check=True)


def start_worker(name: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "careprep"), "worker", "--name", name],
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def pool_child(worker: subprocess.Popen) -> psutil.Process:
    for _ in range(600):
        children = psutil.Process(worker.pid).children()
        if children:
            return children[0]
        time.sleep(0.1)
    raise RuntimeError("the worker has no pool process")


def queue_batch(batch: int) -> list[int]:
    import random

    from accounts.services import user_create
    from practice.models import Attempt
    from practice.tasks import review_attempt
    from questionbank.models import Question

    from ..load.run import sentences

    rng = random.Random(7)
    lines = sentences()
    user = user_create(username="fault", email="fault@example.org", password="fault-pass-123456")
    chosen = list(Question.objects.all()[:40])
    attempts = Attempt.objects.bulk_create(
        Attempt(
            user=user,
            question=rng.choice(chosen),
            answer=" ".join(rng.sample(lines, k=rng.randint(6, 14))) + f" (fault {n}).",
            review_status=Attempt.Review.PENDING,
        )
        for n in range(batch)
    )
    for attempt in attempts:
        review_attempt.delay(attempt.pk)
    return [a.pk for a in attempts]


def wait_all(ids: list[int], limit: float) -> float:
    from practice.models import Attempt

    started = time.monotonic()
    while Attempt.objects.filter(pk__in=ids, review_status=Attempt.Review.PENDING).exists():
        if time.monotonic() - started > limit:
            break
        time.sleep(0.5)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=400)
    # The coach's word-overlap fallback by default: the fault is in the task path, not the
    # model, and a worker warms in seconds instead of minutes on a loaded machine.
    parser.add_argument("--model", choices=["lexical", "minilm"], default="lexical")
    parser.add_argument("--warm", type=float, default=15, help="seconds for workers to warm")
    args = parser.parse_args()
    env = environment(args.model)
    fresh(env)
    os.environ.update(env)
    import django

    django.setup()
    from practice.models import Attempt

    log = Path("/tmp") / f"careprep-fault-{os.getpid()}.log"
    first, second = start_worker("fault-a", env, log), start_worker("fault-b", env, log)
    replacement = None
    try:
        child_a, child_b = pool_child(first), pool_child(second)
        time.sleep(args.warm)  # each pool process loads the model and embeds the bank
        ids = queue_batch(args.batch)
        time.sleep(2)  # both workers are reviewing now
        child_a.send_signal(signal.SIGKILL)  # the process running the coach, mid-review
        time.sleep(1)
        os.killpg(second.pid, signal.SIGKILL)  # a whole worker, with its unacknowledged message
        del child_b
        replacement = start_worker("fault-c", env, log)
        took = wait_all(ids, limit=900)
    finally:
        for worker in (first, second, replacement):
            if worker is not None and worker.poll() is None:
                os.killpg(worker.pid, signal.SIGTERM)
                worker.wait(timeout=60)
    attempts = Attempt.objects.filter(user__username="fault")
    pending = attempts.filter(review_status=Attempt.Review.PENDING).count()
    lost_worker = log.read_text().count("WorkerLostError")
    rows = [
        ["answers queued", str(args.batch)],
        ["attempts in the database afterwards", str(attempts.count())],
        ["reviewed", str(attempts.count() - pending)],
        ["still waiting (lost)", str(pending)],
        ["tasks handed back by a dying pool process (WorkerLostError)", str(lost_worker)],
        ["seconds until every answer was reviewed", f"{took:.0f}"],
    ]
    text = "\n".join(
        [
            f"{args.batch} answers queued to two `careprep worker` processes (PostgreSQL, Redis; "
            f"coach model: {args.model}); "
            "2 s later one worker's pool process is killed mid-review (SIGKILL), 1 s after that "
            "the other worker is killed whole (SIGKILL) and a new worker started in its place. "
            f"Visibility timeout {VISIBILITY} s. On this shared 2-core machine (load average "
            f"{os.getloadavg()[0]:.1f}).",
            "",
            table(["", ""], rows),
        ]
    )
    print(text)
    write_report("fault_worker_kill", text)
    if pending or attempts.count() != args.batch:
        sys.exit(1)


if __name__ == "__main__":
    main()
