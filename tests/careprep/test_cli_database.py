"""Every `careprep` command on a fresh database: it prepares the tables it needs, or says in one
line what is wrong. Run as a real process against a new SQLite file (or an unreachable server)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CAREPREP = str(Path(sys.executable).with_name("careprep"))


def careprep(*args: str, database_url: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CAREPREP, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DATABASE_URL": database_url, "CACHE_URL": "locmem://", **env},
    )


@pytest.fixture
def fresh(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'fresh.sqlite3'}"


def test_export_on_a_fresh_database_says_what_to_run(fresh: str) -> None:
    result = careprep("content", "export", "--format", "json", database_url=fresh)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "error: the question bank is empty; load it first with `careprep content load`"
    )


def test_load_then_export_works_on_a_fresh_database(fresh: str) -> None:
    assert careprep("content", "load", database_url=fresh).returncode == 0
    result = careprep("content", "export", "--format", "json", database_url=fresh)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) > 50


def test_createuser_on_a_fresh_database_creates_the_tables(fresh: str) -> None:
    result = careprep(
        "createuser",
        "--username",
        "sam",
        "--email",
        "sam@example.org",
        database_url=fresh,
        CAREPREP_PASSWORD="correct-horse-battery-9",
    )
    assert result.returncode == 0, result.stderr
    assert "created user sam" in result.stdout


def test_the_guide_on_a_fresh_database_says_what_to_run(fresh: str, tmp_path: Path) -> None:
    out = tmp_path / "guide.pdf"
    result = careprep(
        "export", "guide", "--role", "patient-liaison", "-o", str(out), database_url=fresh
    )
    assert result.returncode == 1
    assert "careprep content load" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_an_unreachable_database_is_one_line_not_a_stack_trace() -> None:
    result = careprep(
        "content",
        "export",
        database_url="postgres://nobody@127.0.0.1:9/none",
        PGCONNECT_TIMEOUT="2",
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot use the postgresql database")
    assert "DATABASE_URL" in lines[0]
