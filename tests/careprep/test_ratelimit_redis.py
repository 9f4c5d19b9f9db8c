"""The rate limits on the real Redis (127.0.0.1:6379, as CACHE_URL=redis://… sets it up for
several servers): one count however many threads and processes share it."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from django.test import override_settings

from careprep import ratelimit
from careprep.settings import cache_config

REDIS_URL = "redis://127.0.0.1:6379/3"
FROZEN = 1_800_000_000.0


@pytest.fixture
def redis_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The default cache on Redis, the clock stopped mid-window; a limit name of this test's
    own (so parallel runs do not share counts), whose keys are removed afterwards."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError:
        pytest.fail("this test needs Redis on 127.0.0.1:6379")
    monkeypatch.setattr(ratelimit, "now", lambda: FROZEN)
    name = f"test-{uuid.uuid4().hex[:12]}"
    with override_settings(CACHES={"default": cache_config(REDIS_URL)}):
        yield name
    for key in client.scan_iter(f"*rl:{name}:*"):
        client.delete(key)


def test_the_limit_is_stored_in_redis(redis_cache: str) -> None:
    limit = ratelimit.Limit(redis_cache, 2)
    assert [limit.hit("u1") for _ in range(3)] == [True, True, False]
    keys = list(redis.Redis.from_url(REDIS_URL).scan_iter(f"*rl:{redis_cache}:u1:*"))
    assert len(keys) == 1


def test_threads_on_their_own_connections_share_one_count(redis_cache: str) -> None:
    limit = ratelimit.Limit(redis_cache, 20)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: limit.hit("shared"), range(80)))
    assert results.count(True) == 20
    assert limit.exceeded("shared")


# A second server: a separate Python process with CACHE_URL on the same Redis.
WORKER = textwrap.dedent(
    """
    import django, sys
    django.setup()
    from careprep import ratelimit
    ratelimit.now = lambda: {frozen}
    limit = ratelimit.Limit(sys.argv[1], 20)
    print(sum(limit.hit("shared") for _ in range(15)))
    """
)


def test_two_processes_share_one_count(redis_cache: str) -> None:
    env = {
        **os.environ,
        "CACHE_URL": REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "careprep.settings",
    }
    code = WORKER.format(frozen=FROZEN)
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", code, redis_cache], env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    allowed = [int(w.communicate(timeout=120)[0].strip()) for w in workers]
    assert all(w.returncode == 0 for w in workers)
    assert sum(allowed) == 20  # 30 tries, one limit of 20 between the two processes
    # And this process, a third, sees the same count.
    assert ratelimit.Limit(redis_cache, 20).exceeded("shared")
