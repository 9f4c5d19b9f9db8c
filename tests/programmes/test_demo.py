"""`careprep demo`: the demo organisation with every role, real practice through the coach,
idempotent, refused in production, extended by the other areas without editing it."""

from __future__ import annotations

import sys
import types

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from typer.testing import CliRunner

from careprep.cli import app
from practice.models import Attempt, MockInterview
from programmes import demo
from programmes.models import Membership, Organisation, ProgrammeShare
from tests.conftest import PASSWORD

runner = CliRunner()


def _row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in apps.get_models()}


def test_the_demo_has_every_role_real_practice_and_runs_once(
    bank: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREPREP_PASSWORD", PASSWORD)
    first = runner.invoke(app, ["demo"])
    assert first.exit_code == 0, first.output
    assert "loaded Demo Hospital Patient Engagement Office" in first.output
    assert "shown only now" not in first.output  # the password came from the environment
    org = Organisation.objects.get(name="Demo Hospital Patient Engagement Office")
    roles = set(Membership.objects.filter(organisation=org).values_list("user__username", "role"))
    assert {
        ("demo-candidate", "candidate"),
        ("demo-mentor", "mentor"),
        ("demo-interviewer", "interviewer"),
        ("demo-interviewer2", "interviewer"),
        ("demo-admin", "programme_admin"),
        ("demo-admin", "hiring_manager"),
    } <= roles
    candidate = User.objects.get(username="demo-candidate")
    assert Membership.objects.get(user=candidate).cohort is not None
    reviewed = Attempt.objects.filter(user=candidate, overall__gt=0)
    assert reviewed.count() >= 5 and all(a.feedback for a in reviewed)
    assert MockInterview.objects.get(user=candidate).status == MockInterview.Status.FINISHED
    assert len(ProgrammeShare.objects.get(user=candidate).shared_items()) == 4
    assert ProgrammeShare.objects.get(user__username="demo-candidate2").shared_items() == [
        "practice_count"
    ]
    assert User.objects.get(username="demo-admin").check_password(PASSWORD)

    before = _row_counts()
    second = runner.invoke(app, ["demo"])
    assert second.exit_code == 0, second.output
    assert "demo already loaded: nothing changed" in second.output
    assert _row_counts() == before


def test_a_generated_password_is_shown_once_and_opens_every_account(
    bank: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAREPREP_PASSWORD", raising=False)
    monkeypatch.setattr(demo, "_practise", lambda *a, **k: None)  # practice is tested above
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "shown only now" in x)
    password = line.rsplit(" ", 1)[1]
    for user in User.objects.filter(username__in=demo.PEOPLE):
        assert user.check_password(password), user.username
    again = runner.invoke(app, ["demo"])
    assert password not in again.output


def test_it_refuses_in_production(db: None, settings: object) -> None:
    settings.CAREPREP_ENV = "production"  # type: ignore[attr-defined]
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 1
    assert "CAREPREP_ENV=production" in result.output
    assert not Organisation.objects.exists()
    with pytest.raises(demo.DemoRefused):
        demo.demo_load(env="production", password=PASSWORD)


def test_it_will_not_take_over_an_existing_account(bank: None) -> None:
    User.objects.create_user("demo-admin", "real@example.org")
    with pytest.raises(demo.DemoRefused, match="demo-admin"):
        demo.demo_load(env="development", password=PASSWORD)
    assert not Organisation.objects.exists()


def test_other_areas_extend_it_with_the_organisation_cohort_and_users(
    bank: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[demo.DemoContext] = []
    module = types.ModuleType("fakearea.demo")
    module.extend = seen.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fakearea", types.ModuleType("fakearea"))
    monkeypatch.setitem(sys.modules, "fakearea.demo", module)
    monkeypatch.setattr(demo, "EXTENDED_BY", ("fakearea", "nosucharea"))
    monkeypatch.setattr(demo, "_practise", lambda *a, **k: None)
    demo.demo_load(env="development", password=PASSWORD)
    demo.demo_load(env="development", password=PASSWORD)
    assert len(seen) == 2  # every run, so an area added later still gets its data
    context = seen[0]
    assert context.organisation.slug == demo.ORG_SLUG
    assert context.cohort.slug == demo.COHORT_SLUG
    assert set(context.users) == set(demo.PEOPLE)
