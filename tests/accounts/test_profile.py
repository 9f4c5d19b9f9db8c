"""The profile form: the interview date is kept as an ISO date, and impossible plans are refused."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _post(client: Client, **changes: object) -> str:
    data = {"level": "experienced", "interview_date": "", "minutes_per_day": 20, **changes}
    response = client.post("/accounts/profile/", data, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_the_saved_date_is_rendered_as_an_iso_date_a_date_input_can_read(
    client: Client, owner: User
) -> None:
    client.force_login(owner)
    soon = timezone.localdate() + timedelta(days=10)
    page = _post(client, interview_date=soon.isoformat())
    assert "Profile saved" in page
    assert f'value="{soon.isoformat()}"' in page


def test_saving_the_profile_again_keeps_the_date(client: Client, owner: User) -> None:
    client.force_login(owner)
    soon = timezone.localdate() + timedelta(days=10)
    _post(client, interview_date=soon.isoformat())
    _post(client, interview_date=soon.isoformat(), minutes_per_day=30)
    owner.refresh_from_db()
    assert owner.profile.interview_date == soon
    assert owner.profile.minutes_per_day == 30


def test_a_date_in_the_past_is_refused_with_a_clear_message(client: Client, owner: User) -> None:
    client.force_login(owner)
    page = _post(client, interview_date="2020-01-01")
    assert "That date has passed" in page
    assert "Profile saved" not in page
    owner.refresh_from_db()
    assert owner.profile.interview_date is None


def test_today_is_accepted_as_the_interview_date(client: Client, owner: User) -> None:
    client.force_login(owner)
    assert "Profile saved" in _post(client, interview_date=timezone.localdate().isoformat())


def test_zero_minutes_a_day_is_refused_with_a_clear_message(client: Client, owner: User) -> None:
    client.force_login(owner)
    page = _post(client, minutes_per_day=0)
    assert "Choose between 5 and 240 minutes a day" in page
    owner.refresh_from_db()
    assert owner.profile.minutes_per_day == 20


def test_a_locale_date_is_refused_rather_than_misread(client: Client, owner: User) -> None:
    client.force_login(owner)
    page = _post(client, interview_date="11/12/2030")
    assert "year-month-day" in page


def test_help_texts_are_tied_to_their_fields_by_real_ids(client: Client, owner: User) -> None:
    client.force_login(owner)
    page = client.get("/accounts/profile/").content.decode()
    assert 'aria-describedby="id_minutes_per_day_helptext"' in page
    assert 'id="id_minutes_per_day_helptext"' in page


def test_an_error_is_tied_to_its_field(client: Client, owner: User) -> None:
    client.force_login(owner)
    page = _post(client, minutes_per_day=0)
    assert 'aria-describedby="id_minutes_per_day_helptext id_minutes_per_day_error"' in page
    assert 'id="id_minutes_per_day_error"' in page
