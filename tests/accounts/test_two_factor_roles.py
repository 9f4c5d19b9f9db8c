"""Two-factor log-in required for the programme roles that see other people's records
(programme admin, hiring manager, interviewer, in any organisation): without a confirmed app
they are sent to set it up, with the reason, and the API answers 403 to a session or a token.
Candidates and mentors keep it optional. TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES turns it off."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from accounts.services import token_create
from accounts.two_factor import two_factor_enabled, two_factor_reason
from programmes.models import MemberRole, Membership
from tests.accounts.two_factor_helpers import app_code, two_factor_on
from tests.conftest import PASSWORD
from tests.programmes.cast import Cast, cast_build

pytestmark = pytest.mark.django_db

REQUIRED = ("north:programme_admin", "north:hiring_manager", "north:interviewer")
OPTIONAL = ("north:candidate", "north:mentor", "outsider")
# A page and an API operation of each role's own area.
ROLE_PAGES = ("/hiring/", "/programmes/north/", "/programmes/")
ROLE_API = ("/api/v1/hiring/kits", "/api/v1/organisations")


@pytest.fixture
def cast(db: None) -> Cast:
    return cast_build()


def assert_refused_json(response, reason_word: str) -> None:
    assert response.status_code == 403
    body = response.json()
    assert set(body) == {"detail", "errors"} and body["errors"] == []
    assert "two-factor" in body["detail"] and reason_word in body["detail"]


@override_settings(TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES=True)
@pytest.mark.parametrize("name", REQUIRED)
def test_a_programme_role_without_an_app_is_sent_to_set_it_up(cast: Cast, name: str) -> None:
    client = Client()
    client.force_login(cast.people[name])
    for path in ROLE_PAGES:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == "/accounts/two-factor/", path
    role_words = name.split(":")[1].replace("_", " ")
    page = client.get("/accounts/two-factor/").content.decode()
    assert f"Your {role_words} role can see other people" in page
    assert "Not now" not in page  # no way round it
    for path in ROLE_API:
        assert_refused_json(client.get(path), role_words)


@override_settings(TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES=True)
def test_a_token_of_a_programme_role_without_an_app_is_refused(cast: Cast) -> None:
    _, token = token_create(user=cast.people["north:interviewer"])
    auth = {"Authorization": f"Bearer {token}"}
    for path in ROLE_API:
        assert_refused_json(Client().get(path, headers=auth), "interviewer")
    two_factor_on(cast.people["north:interviewer"])
    assert Client().get("/api/v1/hiring/kits", headers=auth).status_code == 200


@override_settings(TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES=True)
def test_with_the_app_set_up_and_the_code_given_the_role_works(cast: Cast) -> None:
    admin = cast.people["north:programme_admin"]
    admin.set_password(PASSWORD)
    admin.save()
    device, _ = two_factor_on(admin)
    client = Client()
    step = client.post("/accounts/login/", {"username": admin.username, "password": PASSWORD})
    assert step["Location"] == "/accounts/login/code/"
    client.post("/accounts/login/code/", {"code": app_code(device, steps_ahead=1)})
    assert client.get("/programmes/north/").status_code == 200
    assert client.get("/api/v1/organisations").status_code == 200
    off = client.post("/accounts/two-factor/off/", {"password": PASSWORD, "code": "1"})
    assert off.status_code == 302 and two_factor_reason(admin) is not None
    assert two_factor_enabled(admin)  # it stays on


@override_settings(TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES=True)
@pytest.mark.parametrize("name", OPTIONAL)
def test_candidates_and_mentors_may_go_without(cast: Cast, name: str) -> None:
    client = Client()
    client.force_login(cast.people[name])
    assert client.get("/programmes/").status_code == 200
    assert client.get("/api/v1/organisations").status_code == 200
    assert two_factor_reason(cast.people[name]) is None
    assert "Not now" in client.get("/accounts/two-factor/").content.decode()


@override_settings(TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES=True)
def test_a_candidate_made_interviewer_must_set_it_up_from_the_next_request(cast: Cast) -> None:
    client = Client()
    mentor = cast.people["south:mentor"]
    client.force_login(mentor)
    assert client.get("/programmes/").status_code == 200
    Membership.objects.create(user=mentor, organisation=cast.north, role=MemberRole.INTERVIEWER)
    assert client.get("/programmes/")["Location"] == "/accounts/two-factor/"
    assert two_factor_reason(mentor) == (
        "Your interviewer role can see other people's practice and hiring records, so your "
        "account must use two-factor log-in"
    )


@override_settings(TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES=True)
def test_several_roles_are_named_together(cast: Cast) -> None:
    person: User = cast.people["south:hiring_manager"]
    Membership.objects.create(user=person, organisation=cast.north, role=MemberRole.INTERVIEWER)
    reason = two_factor_reason(person) or ""
    assert reason.startswith("Your interviewer and hiring manager roles can see")


@override_settings(TWO_FACTOR_REQUIRED_FOR_PROGRAMME_ROLES=False)
def test_with_the_setting_off_the_roles_may_go_without(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.people["north:programme_admin"])
    assert client.get("/programmes/north/").status_code == 200
    assert client.get("/api/v1/organisations").status_code == 200
