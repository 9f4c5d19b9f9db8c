"""Load test of `careprep cluster` on PostgreSQL and Redis: 200 candidates for 5 minutes, and
review throughput with one worker and with two.

Prepares a fresh PostgreSQL database (careprep_load) with the bundled bank and the users, starts
`careprep cluster` (gunicorn with two web processes, review workers), runs locust headless with
cluster_locustfile.py while sampling each process's memory, then measures throughput: a batch of
answers queued at once, drained by one worker and then by two. Writes benchmarks/out/cluster.md.

    .venv/bin/python -m benchmarks.load.cluster [--minutes 5] [--users 200] [--batch 150]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psutil

from careprep.cluster import CLUSTER_BROKER, CLUSTER_CACHE, cluster_env

from ..common import ROOT, table, write_report
from .run import PASSWORD, sentences

PORT = 8766
DATABASE = "postgres://postgres@127.0.0.1:5432/careprep_load"
WARM_SECONDS = 10
WARM_REVIEWS = 6  # reviews queued before measuring, so that every worker is warm
BIN = Path(sys.executable).parent


def fresh_database(env: dict[str, str], users: int) -> None:
    import psycopg

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS careprep_load WITH (FORCE)")
        conn.execute("CREATE DATABASE careprep_load")
    subprocess.run([str(BIN / "careprep"), "content", "load"], env=env, check=True)
    script = (
        "import django; django.setup()\n"
        "from django.contrib.auth.hashers import make_password\n"
        "from django.contrib.auth.models import User\n"
        f"digest = make_password('{PASSWORD}')\n"
        "User.objects.bulk_create(User(username=f'load{n}', email=f'load{n}@example.org', "
        f"password=digest) for n in range(1, {users + 1}))\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True)


class Cluster:
    """`careprep cluster` in its own process group, with its processes' memory sampled."""

    def __init__(self, env: dict[str, str], workers: int, log: Path) -> None:
        self.process = subprocess.Popen(
            [str(BIN / "careprep"), "cluster", "--port", str(PORT), "--workers", str(workers)],
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.peak: dict[int, tuple[str, int]] = {}
        self.last: dict[int, tuple[str, int]] = {}
        self.sampling = True
        self.sampler = threading.Thread(target=self._sample, daemon=True)

    def ready(self) -> float:
        """Wait for the web processes, then for the workers to be warm: a few reviews queued
        and done (each worker loads the model and embeds the bank once). Returns the seconds
        the warm-up took."""
        for _ in range(240):
            try:
                if httpx.get(f"http://127.0.0.1:{PORT}/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        started = time.monotonic()
        time.sleep(WARM_SECONDS)
        throughput(WARM_REVIEWS)
        self.sampler.start()
        return time.monotonic() - started

    def _sample(self) -> None:
        root = psutil.Process(self.process.pid)
        while self.sampling:
            for child in root.children(recursive=True):
                try:
                    kind = role(child)
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                if kind:
                    self.last[child.pid] = (kind, rss)
                if kind and rss > self.peak.get(child.pid, ("", 0))[1]:
                    self.peak[child.pid] = (kind, rss)
            time.sleep(2)

    def memory(self, peak: bool = True) -> dict[str, list[int]]:
        """Each kind of process's RSS in MB: the peak during the run, or the last sample."""
        found: dict[str, list[int]] = {}
        for kind, rss in (self.peak if peak else self.last).values():
            found.setdefault(kind, []).append(rss // 2**20)
        return found

    def stop(self) -> None:
        self.sampling = False
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def role(process: psutil.Process) -> str:
    """web process (a gunicorn worker), worker (a Celery pool process, where the model is), or
    the worker's main process; '' for the gunicorn master and the cluster command."""
    line = " ".join(process.cmdline())
    parent = " ".join(process.parent().cmdline()) if process.parent() else ""
    if "gunicorn" in line:
        return "web process" if "gunicorn" in parent else ""
    if "celery" in line:
        return "worker pool process" if "celery" in parent else "worker main process"
    return ""


def run_locust(folder: Path, users: int, minutes: float) -> list[dict[str, str]]:
    data = {
        "password": PASSWORD,
        "sentences": sentences(),
        "questions": questions(),
    }
    (folder / "data.json").write_text(json.dumps(data))
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "benchmarks/load/cluster_locustfile.py"),
            "ClusterCandidate",
            "--headless",
            "-u",
            str(users),
            "-r",
            "10",
            "-t",
            f"{int(minutes * 60)}s",
            "--host",
            f"http://127.0.0.1:{PORT}",
            "--csv",
            str(folder / "stats"),
            "--only-summary",
        ],
        env={
            **os.environ,
            "CAREPREP_LOAD_DATA": str(folder / "data.json"),
            "PYTHONPATH": str(ROOT),
        },
        cwd=ROOT,
        check=False,
        capture_output=True,
    )
    return list(csv.DictReader((folder / "stats_stats.csv").open()))


def questions() -> list[str]:
    from questionbank.models import Question

    return list(Question.objects.values_list("slug", flat=True))


def reviewed_per_second(since: float, until: float) -> float:
    from datetime import UTC, datetime

    from practice.models import Attempt

    start, end = (datetime.fromtimestamp(t, UTC) for t in (since, until))
    done = Attempt.objects.filter(reviewed_at__gte=start, reviewed_at__lt=end).count()
    return done / (until - since)


def workers(count: int) -> None:
    """Let only the first `count` workers take reviews."""
    from careprep.celery import app

    names = sorted(name for reply in app.control.ping(timeout=5) for name in reply)
    app.control.add_consumer("reviews", destination=names[:count], reply=True)
    if names[count:]:
        app.control.cancel_consumer("reviews", destination=names[count:], reply=True)
    time.sleep(2)


def drained() -> None:
    """Wait until the run's answers are all reviewed, so a batch is timed on its own."""
    from practice.models import Attempt

    while Attempt.objects.filter(review_status=Attempt.Review.PENDING).exists():
        time.sleep(1)


def throughput(batch: int) -> tuple[float, float]:
    """Queue `batch` answers at once and time until every one is reviewed: reviews per second,
    and the seconds the batch took."""
    import random

    from django.contrib.auth.models import User

    from practice.models import Attempt
    from practice.tasks import review_attempt
    from questionbank.models import Question

    rng = random.Random(batch)
    lines = sentences()
    user = User.objects.get(username="load1")
    chosen = list(Question.objects.all()[:40])
    attempts = Attempt.objects.bulk_create(
        Attempt(
            user=user,
            question=rng.choice(chosen),
            answer=" ".join(rng.sample(lines, k=rng.randint(6, 14))) + f" (batch {n}).",
            review_status=Attempt.Review.PENDING,
        )
        for n in range(batch)
    )
    started = time.monotonic()
    for attempt in attempts:
        review_attempt.delay(attempt.pk)
    ids = [a.pk for a in attempts]
    while Attempt.objects.filter(pk__in=ids, review_status=Attempt.Review.PENDING).exists():
        time.sleep(0.5)
    took = time.monotonic() - started
    return batch / took, took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--batch", type=int, default=150)
    args = parser.parse_args()
    env = {
        **cluster_env(DATABASE, CLUSTER_BROKER, CLUSTER_CACHE),
        "DJANGO_SETTINGS_MODULE": "careprep.settings",
        # Every load user logs in from 127.0.0.1: the per-address limit (20 a minute) is for
        # one person's address, not for 200 people behind one.
        "RATE_LOGINS_PER_MINUTE": "100000",
    }
    fresh_database(env, args.users)
    os.environ.update({**env, "DJANGO_SETTINGS_MODULE": "careprep.settings"})
    import django

    django.setup()
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cluster = Cluster(env, 2, folder / "cluster.log")
        try:
            figures["warm_seconds"] = cluster.ready()
            started = time.time()
            rows = run_locust(folder, args.users, args.minutes)
            figures["reviews_per_second_under_load"] = reviewed_per_second(
                started + 30, time.time()
            )
            figures["memory"] = cluster.memory()
            figures["memory_after"] = cluster.memory(peak=False)
            drained()
            workers(1)  # the second worker stops taking reviews (Celery's remote control)
            figures["one"] = throughput(args.batch)
            workers(2)
            figures["two"] = throughput(args.batch)
        finally:
            cluster.stop()
    print(json.dumps({"rows": rows, "figures": figures}))  # the raw figures, should report fail
    report(args, rows, figures)


def report(args: argparse.Namespace, rows: list[dict[str, str]], figures: dict) -> None:
    body = [
        [
            r["Name"],
            r["Request Count"],
            r["Failure Count"],
            f"{float(r['Requests/s']):.1f}",
            r["50%"],
            r["95%"],
            r["99%"],
        ]
        for r in rows
    ]
    memory, after = figures["memory"], figures["memory_after"]
    one, two = figures["one"], figures["two"]
    mem_rows = [
        [kind, str(len(v)), str(max(v)), str(max(after.get(kind, [0])))]
        for kind, v in sorted(memory.items())
    ]
    load = os.getloadavg()
    text = "\n".join(
        [
            f"{args.users} users practising for {args.minutes:g} minutes against `careprep "
            "cluster` (gunicorn with 2 web processes x 4 threads, 2 review workers of one "
            "process each, PostgreSQL and Redis on the same machine), on this 2-core machine "
            "shared with other work (load average at the end "
            f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}). Each user opens a question, "
            "takes 3-8 s to write a new answer, submits it, opens the feedback page and polls "
            "for the feedback every second as the page does, then waits 2-5 s. 'feedback "
            "ready' is from sending the answer to the feedback being there. Times in ms.",
            "",
            table(["request", "count", "errors", "req/s", "p50", "p95", "p99"], body),
            "",
            "Reviews written per second during the run: "
            f"{figures['reviews_per_second_under_load']:.2f}.",
            "",
            f"Throughput ({args.batch} answers queued at once, until all are reviewed; after "
            "the run, first with the second worker told to stop taking reviews): one "
            f"worker {one[0]:.2f} reviews/s ({one[1]:.0f} s), two workers {two[0]:.2f} "
            f"reviews/s ({two[1]:.0f} s): x{two[0] / one[0]:.2f}. Warm-up before measuring "
            f"(model, bank, {WARM_REVIEWS} reviews): {figures['warm_seconds']:.0f} s.",
            "",
            "Peak memory (RSS) of each process during the run, MB:",
            "",
            table(["process", "count", "peak", "at the end of the run"], mem_rows),
        ]
    )
    print(text)
    write_report("cluster", text)


if __name__ == "__main__":
    main()
