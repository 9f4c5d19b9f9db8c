"""`careprep worker` and `careprep cluster`: the coach in background workers, and a local
topology (web processes, workers, PostgreSQL, Redis) for trying it and for the load test.

The production layout (systemd units, a container image, a compose file) is in
docs/operations.md and deploy/.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import typer

CLUSTER_DATABASE = "postgres://postgres@127.0.0.1:5432/careprep"
CLUSTER_BROKER = "redis://127.0.0.1:6379/0"
CLUSTER_CACHE = "redis://127.0.0.1:6379/1"


def worker_argv(*, name: str, concurrency: int, llm: bool, loglevel: str) -> list[str]:
    """The Celery worker's command line. Review workers run the coach in prefork processes
    (one ONNX thread each, the model loaded once per process as it starts); the LLM worker only
    waits on the network, so threads serve it and a slow provider never holds a review."""
    queue, pool = ("llm", "threads") if llm else ("reviews", "prefork")
    return [
        sys.executable,
        "-m",
        "celery",
        "--app",
        "careprep.celery:app",
        "worker",
        "--queues",
        queue,
        "--pool",
        pool,
        "--concurrency",
        str(concurrency),
        "--hostname",
        f"{name}@%h",
        "--loglevel",
        loglevel,
        "--without-gossip",
        "--without-mingle",
    ]


def worker_exec(*, name: str, concurrency: int, llm: bool, loglevel: str) -> None:
    """Replace this process with a Celery worker (after checking that there is a broker)."""
    from django.conf import settings

    if not settings.BROKER_URL:
        typer.echo(
            "error: set CAREPREP_BROKER_URL (e.g. redis://127.0.0.1:6379/0): without a broker "
            "the web process reviews answers itself and needs no worker",
            err=True,
        )
        raise typer.Exit(2)
    os.environ.setdefault("CAREPREP_ONNX_THREADS", "1")
    argv = worker_argv(name=name, concurrency=concurrency, llm=llm, loglevel=loglevel)
    os.execvp(argv[0], argv)


def cluster_env(database_url: str, broker_url: str, cache_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "CAREPREP_BROKER_URL": broker_url,
        "CACHE_URL": cache_url,
        "CAREPREP_ONNX_THREADS": "1",
        # Connections kept between requests: PostgreSQL is a network round trip away.
        "DB_CONN_MAX_AGE": os.environ.get("DB_CONN_MAX_AGE", "60"),
    }


def database_create(url: str) -> None:
    """Create the cluster's PostgreSQL database when it does not exist yet."""
    import psycopg
    from psycopg import sql

    parts = url.rsplit("/", 1)
    name = parts[1].split("?")[0]
    with psycopg.connect(f"{parts[0]}/postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        typer.echo(f"created database {name}")


def cluster_commands(
    *, port: int, host: str, web: int, workers: int, llm: bool
) -> list[tuple[str, list[str]]]:
    careprep = str(Path(sys.executable).parent / "careprep")
    commands = [
        ("web", [careprep, "run", "--host", host, "--port", str(port), "--workers", str(web)])
    ]
    for n in range(1, workers + 1):
        commands.append((f"review{n}", [careprep, "worker", "--name", f"review{n}"]))
    if llm:
        commands.append(("llm", [careprep, "worker", "--llm", "--name", "llm1"]))
    return commands


def cluster_run(commands: Sequence[tuple[str, list[str]]], env: dict[str, str]) -> None:
    """Start every process, and stop them all when one stops or on Ctrl+C."""
    running = [(name, subprocess.Popen(argv, env=env)) for name, argv in commands]
    for name, process in running:
        typer.echo(f"started {name} (pid {process.pid})")
    try:
        while all(process.poll() is None for _, process in running):
            time.sleep(0.5)
        stopped = [name for name, process in running if process.poll() is not None]
        typer.echo(f"{', '.join(stopped)} stopped; stopping the cluster", err=True)
    except KeyboardInterrupt:
        typer.echo("stopping the cluster")
    finally:
        for _, process in running:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for _, process in running:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
