"""`careprep createuser --staff` makes a question bank editor who can edit the bank in the admin
and nothing else."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from typer.testing import CliRunner

from accounts.services import EDITORS_GROUP
from careprep.cli import app
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_staff_user_from_the_cli_edits_the_bank(client: Client, bank: None) -> None:
    result = CliRunner().invoke(
        app,
        ["createuser", "--username", "ed", "--email", "ed@example.org", "--staff"],
        env={"CAREPREP_PASSWORD": PASSWORD},
    )
    assert result.exit_code == 0, result.output
    editor = User.objects.get(username="ed")
    assert editor.is_staff and not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    assert editor.has_perm("questionbank.change_question")
    assert not editor.has_perm("auth.change_user") and not editor.has_perm("practice.view_attempt")
    client.force_login(editor)
    assert client.get("/admin/questionbank/question/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403
