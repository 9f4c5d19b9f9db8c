"""Backups and the restore drill, on the database the tests run on (SQLite or PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from careprep.backup import BackupError, backup_create, backup_restore, backup_verify


@pytest.mark.django_db(transaction=True)
def test_a_backup_matches_the_database_table_by_table(tmp_path: Path) -> None:
    User.objects.create_user("drill-a", password="x")
    target = backup_create(tmp_path / "one.backup")
    assert backup_verify(target) == []


@pytest.mark.django_db(transaction=True)
def test_the_drill_names_each_table_that_differs(tmp_path: Path) -> None:
    user = User.objects.create_user("drill-b", password="x")
    target = backup_create(tmp_path / "two.backup")
    User.objects.create_user("drill-c", password="x")
    problems = backup_verify(target)
    assert "auth_user: 1 rows in the backup, 2 live" in problems
    User.objects.filter(username="drill-c").delete()
    user.first_name = "Changed"
    user.save()
    assert backup_verify(target) == ["auth_user: same 1 rows, different contents"]


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_data_without_force_and_brings_rows_back(tmp_path: Path) -> None:
    User.objects.create_user("drill-d", password="x")
    target = backup_create(tmp_path / "three.backup")
    User.objects.create_user("drill-e", password="x")
    with pytest.raises(BackupError, match="--force"):
        backup_restore(target)
    assert User.objects.count() == 2  # nothing lost by the refusal
    backup_restore(target, force=True)
    assert list(User.objects.values_list("username", flat=True)) == ["drill-d"]
