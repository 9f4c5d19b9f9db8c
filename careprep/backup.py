"""`careprep backup create|restore|verify`: copies of the database, and a restore drill.

SQLite is copied with its online backup API (sqlite3.Connection.backup), safe while the server
runs; PostgreSQL with `pg_dump -Fc` and `pg_restore --clean`. `verify` restores a backup into a
scratch database and compares every table's row count and checksum with the live one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

backup_app = typer.Typer(help="Back up and restore the database.", no_args_is_help=True)


class BackupError(Exception):
    """A backup or restore that cannot go ahead, said in one line."""


def _settings() -> dict[str, Any]:
    from django.db import connection

    return dict(connection.settings_dict)


def _is_sqlite(db: dict[str, Any]) -> bool:
    return str(db["ENGINE"]).endswith("sqlite3")


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not on PATH: install PostgreSQL's client tools")
    return found


def _pg_args(db: dict[str, Any], name: str | None = None) -> tuple[list[str], dict[str, str]]:
    args = ["-h", str(db.get("HOST") or "127.0.0.1"), "-p", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return [*args, "-d", name or str(db["NAME"])], env


def backup_create(output: Path) -> Path:
    db = _settings()
    if _is_sqlite(db):
        from django.db import connection

        connection.ensure_connection()  # Django's own handle: the test database's too
        target = sqlite3.connect(str(output))
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return output
    args, env = _pg_args(db)
    subprocess.run([_pg_tool("pg_dump"), "-Fc", "-f", str(output), *args], env=env, check=True)
    return output


def database_is_empty() -> bool:
    from django.db import connection

    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
            if cursor.fetchone() is not None:
                return False
    return True


def backup_restore(source: Path, *, force: bool = False, name: str | None = None) -> None:
    """Restore over the live database (or the database `name`), refusing to overwrite data."""
    from django.db import connection

    if not source.exists():
        raise BackupError(f"no such backup file: {source}")
    if name is None and not force and not database_is_empty():
        raise BackupError("the database holds data: add --force to overwrite it")
    db = _settings()
    if _is_sqlite(db):
        connection.ensure_connection()
        reader = sqlite3.connect(str(source))
        try:
            reader.backup(connection.connection)
        finally:
            reader.close()
        return
    args, env = _pg_args(db, name)
    command = [_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", *args, str(source)]
    subprocess.run(command, env=env, check=True, capture_output=True)


def _sqlite_copy(source: Path, target: Path) -> None:
    reader, writer = sqlite3.connect(str(source)), sqlite3.connect(str(target))
    try:
        reader.backup(writer)
    finally:
        writer.close()
        reader.close()


def table_digests(cursor: Any, quote: Any, tables: list[str]) -> dict[str, tuple[int, str]]:
    """Each table's row count and a checksum of its rows in a fixed order."""
    digests: dict[str, tuple[int, str]] = {}
    for table in tables:
        cursor.execute(f"SELECT * FROM {quote(table)} LIMIT 0")
        order = ", ".join(str(i + 1) for i in range(len(cursor.description)))
        cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {order}")
        digest, count = hashlib.sha256(), 0
        for row in cursor.fetchall():
            digest.update(repr([_plain(value) for value in row]).encode())
            count += 1
        digests[table] = (count, digest.hexdigest()[:16])
    return digests


def _plain(value: Any) -> str:
    """One spelling per value whichever driver read it (Django's SQLite handle parses dates and
    booleans, a plain sqlite3 connection does not)."""
    if isinstance(value, bool):
        return str(int(value))
    return str(value)


@contextmanager
def scratch_database(source: Path) -> Iterator[Any]:
    """The backup restored into a scratch database; yields a DB-API cursor on it."""
    db = _settings()
    if _is_sqlite(db):
        with tempfile.TemporaryDirectory(prefix="careprep-drill-") as folder:
            path = Path(folder) / "drill.sqlite3"
            _sqlite_copy(source, path)
            handle = sqlite3.connect(str(path))
            try:
                yield handle.cursor()
            finally:
                handle.close()
        return
    import psycopg

    name = f"careprep_drill_{uuid.uuid4().hex[:10]}"
    conninfo: dict[str, Any] = {
        "host": db.get("HOST") or "127.0.0.1",
        "port": db.get("PORT") or 5432,
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        backup_restore(source, name=name)
        with psycopg.connect(dbname=name, **conninfo) as restored:
            yield restored.cursor()
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **conninfo) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def backup_verify(source: Path) -> list[str]:
    """Differences between the backup and the live database, table by table (none: [])."""
    from django.db import connection

    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        live = table_digests(cursor, quote, tables)
    with scratch_database(source) as cursor:
        restored = table_digests(cursor, quote, [t for t in tables if _exists(cursor, t)])
    problems = []
    for table, (count, digest) in live.items():
        if table not in restored:
            problems.append(f"{table}: missing from the backup")
        elif restored[table][0] != count:
            problems.append(f"{table}: {restored[table][0]} rows in the backup, {count} live")
        elif restored[table][1] != digest:
            problems.append(f"{table}: same {count} rows, different contents")
    return problems


def _exists(cursor: Any, table: str) -> bool:
    try:
        cursor.execute(f'SELECT 1 FROM "{table}" LIMIT 0')
    except Exception:
        if hasattr(cursor, "connection") and hasattr(cursor.connection, "rollback"):
            cursor.connection.rollback()
        return False
    return True


def _setup() -> None:
    from careprep.cli import django_setup

    django_setup()


@backup_app.command("create")
def create_command(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="The backup file.")] = None,
) -> None:
    """Copy the database to a file (safe while the server runs)."""
    _setup()
    from django.utils import timezone

    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    target = output or Path(f"careprep-{stamp}.backup")
    try:
        backup_create(target)
    except (BackupError, subprocess.CalledProcessError) as exc:
        raise typer.Exit(_fail(exc)) from None
    typer.echo(f"backup written to {target}")


@backup_app.command("restore")
def restore_command(
    source: Path,
    force: Annotated[bool, typer.Option(help="Overwrite a database that holds data.")] = False,
) -> None:
    """Put a backup back as the database (stop the server first)."""
    _setup()
    try:
        backup_restore(source, force=force)
    except (BackupError, subprocess.CalledProcessError) as exc:
        raise typer.Exit(_fail(exc)) from None
    typer.echo(f"restored {source}")


@backup_app.command("verify")
def verify_command(source: Path) -> None:
    """Restore drill: restore into a scratch database and compare every table with the live one."""
    _setup()
    try:
        problems = backup_verify(source)
    except (BackupError, subprocess.CalledProcessError) as exc:
        raise typer.Exit(_fail(exc)) from None
    for problem in problems:
        typer.echo(problem)
    if problems:
        raise typer.Exit(1)
    typer.echo("the backup matches the database, table by table (row counts and checksums)")


def _fail(exc: Exception) -> int:
    typer.echo(f"backup: {exc}", err=True)
    return 1
