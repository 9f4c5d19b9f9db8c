"""The audit log is a hash chain that only grows: tampering shows, and the app cannot edit it."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from typer.testing import CliRunner

from audit.models import GENESIS, AuditEvent, AuditTampering, Event
from audit.services import audit_record, audit_verify
from careprep.cli import app

pytestmark = pytest.mark.django_db
runner = CliRunner()


def _three() -> list[AuditEvent]:
    return [
        audit_record(event=Event.LOGIN, actor=7, object_type="auth.user", object_id=7),
        audit_record(
            event=Event.ATTEMPT_VIEWED, actor=7, object_type="practice.attempt", object_id=41
        ),
        audit_record(event=Event.LOGOUT, actor=7, object_type="auth.user", object_id=7),
    ]


def _tamper(row: AuditEvent, column: str, value: str | int) -> None:
    """What someone with database access could do behind the app's back."""
    table = AuditEvent._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, row.pk])


def test_each_row_carries_the_hash_of_the_one_before() -> None:
    first, second, third = _three()
    assert first.prev_hash == GENESIS
    assert second.prev_hash == first.hash and third.prev_hash == second.hash
    assert len({first.hash, second.hash, third.hash}) == 3
    report = audit_verify()
    assert report.intact and report.checked == 3


def test_an_intact_chain_is_reported_by_the_command() -> None:
    rows = _three()
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 0, result.output
    assert f"chain intact: 3 events, last hash {rows[-1].hash}" in result.output


@pytest.mark.parametrize(
    ("column", "value"),
    [("object_id", "42"), ("actor_id", 8), ("event", "logout"), ("ip", "10.0.0.9")],
)
def test_changing_a_field_breaks_the_chain_at_that_row(column: str, value: str | int) -> None:
    _, second, _ = _three()
    _tamper(second, column, value)

    report = audit_verify()
    assert not report.intact
    assert report.broken is not None and report.broken.pk == second.pk
    assert report.checked == 1
    result = runner.invoke(app, ["audit", "verify"])
    assert result.exit_code == 1
    assert f"chain broken at event {second.pk}" in result.output


def test_a_rehashed_row_still_breaks_the_chain_at_the_next_one() -> None:
    _, second, third = _three()
    _tamper(second, "object_id", "42")
    second.refresh_from_db()
    _tamper(second, "hash", second.fields_digest(second.prev_hash))

    report = audit_verify()
    assert report.broken is not None and report.broken.pk == third.pk
    assert "does not follow" in report.reason


def test_a_removed_row_breaks_the_chain() -> None:
    _, second, third = _three()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEvent._meta.db_table} WHERE id = %s", [second.pk])
    report = audit_verify()
    assert report.broken is not None and report.broken.pk == third.pk


def test_the_app_cannot_change_or_delete_a_row() -> None:
    row, _, _ = _three()
    row.object_id = "99"
    with pytest.raises(AuditTampering):
        row.save()
    with pytest.raises(AuditTampering):
        row.delete()
    with pytest.raises(AuditTampering):
        AuditEvent.objects.filter(pk=row.pk).update(object_id="99")
    with pytest.raises(AuditTampering):
        AuditEvent.objects.all().delete()
    assert audit_verify().intact


@pytest.mark.django_db(transaction=True)
def test_writers_at_once_still_make_one_chain() -> None:
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:"):
        pytest.skip("an in-memory SQLite test database has table locks, not row locks")
    start = threading.Barrier(5)
    errors: list[Exception] = []

    def write(n: int) -> None:
        start.wait()
        try:
            for i in range(4):
                audit_record(event=Event.TOKEN_USED, actor=n, object_id=i)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = audit_verify()
    assert report.intact and report.checked == 20
