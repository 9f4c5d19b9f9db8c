"""`careprep worker` and `careprep cluster`: what they start (the processes themselves are
exercised by benchmarks/load/cluster.py and benchmarks/faults/worker_kill.py)."""

from __future__ import annotations

import pytest
from django.test import override_settings
from typer.testing import CliRunner

from careprep.cli import app
from careprep.cluster import cluster_commands, worker_argv


@override_settings(BROKER_URL="")
def test_a_worker_without_a_broker_says_what_to_set() -> None:
    result = CliRunner().invoke(app, ["worker"])
    assert result.exit_code == 2 and "CAREPREP_BROKER_URL" in result.output


def test_review_workers_run_the_coach_in_processes_and_the_llm_worker_in_threads() -> None:
    review = worker_argv(name="review1", concurrency=1, llm=False, loglevel="info")
    llm = worker_argv(name="llm", concurrency=8, llm=True, loglevel="info")
    assert review[review.index("--queues") + 1] == "reviews"
    assert review[review.index("--pool") + 1] == "prefork"
    assert llm[llm.index("--queues") + 1] == "llm" and llm[llm.index("--pool") + 1] == "threads"
    assert "review1@%h" in review


@pytest.mark.parametrize("llm", [False, True])
def test_the_cluster_is_two_web_processes_and_two_workers(llm: bool) -> None:
    commands = cluster_commands(port=8000, host="127.0.0.1", web=2, workers=2, llm=llm)
    names = [name for name, _ in commands]
    assert names == ["web", "review1", "review2", *(["llm"] if llm else [])]
    web = commands[0][1]
    assert web[1:3] == ["run", "--host"] and web[web.index("--workers") + 1] == "2"
    assert all("worker" in argv for name, argv in commands[1:])
