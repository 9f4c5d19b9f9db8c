"""The IDOR matrix for the hiring and mentoring areas. North holds one of each thing someone
owns there: a kit (with its competencies and questions), a hiring candidate with an interview, a
submitted scorecard and another panel member's draft, a debrief, a pairing of north's candidate
and mentor with a session, a shared answer, journal entries (one private, one shared), a goal
and a stage assessment. Every page route with an argument (GET and POST), every page without
one (GET) and every API operation (each documented method) is requested as anonymous and as
each person of the hiring cast (every role of north and of south, a second north interviewer,
an outsider, a superuser).

Two checks. A URL that names one of those things is 404 for anyone the policy does not let
near it (`MAY_REACH`), on the web and in the API. And no response to anyone carries a marker
written into a thing they may not read (`MAY_READ`), whichever page or list it turns up on.
Routes come from the URL conf and the OpenAPI document, and a route of these areas with an id
must be named in `KINDS`, so a new one cannot be missed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.test import Client

from api.api import api
from hiring.models import HiringCandidate, Interview, InterviewKit, Scorecard
from hiring.scorecards import scorecard_save
from mentoring import services
from mentoring.models import (
    Goal,
    JournalEntry,
    MentoringSession,
    Pairing,
    PracticeShare,
    StageAssessment,
)
from tests.hiring.cast import full_scores, hiring_cast_build, submit_scorecard
from tests.practice import rows
from tests.programmes.cast import EVERYONE_ELSE
from tests.test_routes import routes

pytestmark = pytest.mark.django_db

IDENTITIES = ["anonymous", "north:candidate", "north:interviewer2", *EVERYONE_ELSE]
HIRING_STAFF = {"north:interviewer", "north:interviewer2", "north:hiring_manager"}
HIRING_STAFF |= {"north:programme_admin"}
PANEL = {"north:interviewer", "north:interviewer2"}
PAIR = {"north:candidate", "north:mentor"}

# Which thing a route's id names, by the route's pattern (first match wins).
KINDS = [
    (r"^/hiring/kits/<int:pk>/", "kit"),
    (r"^/api/v1/hiring/kits/{kit_id}", "kit"),
    (r"^/hiring/competencies/<int:pk>/", "kit_part"),
    (r"^/hiring/questions/<int:pk>/", "kit_question"),
    (r"^/api/v1/hiring/interviews/{interview_id}/debrief", "debrief"),
    (r"^/hiring/candidates/<int:pk>/", "hiring_candidate"),
    (r"^/hiring/interviews/<int:pk>/", "interview"),
    (r"^/api/v1/hiring/interviews/{interview_id}/", "interview"),
    (r"^/mentoring/partners/<int:partner_id>/", "pathway"),
    (r"^/api/v1/mentoring/partners/{partner_id}/", "pathway"),
    (r"^/mentoring/goals/<int:pk>/", "goal"),
    (r"^/mentoring/attempts/<int:pk>/", "attempt"),
    (r"^/mentoring/journal/<int:pk>/", "journal"),
    (r"^/api/v1/mentoring/journal/{entry_id}", "journal"),
    (r"^/mentoring/mentors/<int:mentor_id>/", "mentor"),
    (r"^/mentoring/pairings/<int:pk>/", "pairing"),
    (r"^/api/v1/mentoring/pairings/{pairing_id}/", "pairing"),
    (r"^/mentoring/sessions/<int:pk>/", "session"),
    (r"^/mentoring/shared/<int:pk>/", "share"),
    (r"^/api/v1/mentoring/shares/{share_id}", "share"),
]
# Who may get anything but a 404 from a route naming each kind (reading it, or being told
# why a change is refused). Everyone else must get the 404 a missing one gets.
MAY_REACH = {
    "kit": HIRING_STAFF,
    "kit_part": HIRING_STAFF,
    "kit_question": HIRING_STAFF,
    "hiring_candidate": {"north:hiring_manager", *PANEL},
    "interview": {"north:hiring_manager", *PANEL},
    # Blind until submitted: north's first interviewer has submitted, the second has not (the
    # debrief page is the candidate's, and tells the second only that; the markers check it).
    "debrief": {"north:hiring_manager", "north:interviewer"},
    "pathway": PAIR,
    "goal": PAIR,
    "journal": {"north:candidate"},  # the private entry
    "mentor": {"north:candidate"},  # north's partners ask north's mentors
    "pairing": {*PAIR, "north:programme_admin"},
    "session": PAIR,
    "share": PAIR,
    "attempt": {"north:candidate"},  # the shared answer: only its owner shares it again
}
# Markers written into each thing, and who may read them anywhere.
MAY_READ = {
    b"Kitmarker": HIRING_STAFF,
    b"Hirecandmarker": {"north:hiring_manager", *PANEL},
    b"Scoresubmarker": {"north:hiring_manager", "north:interviewer"},
    b"Scoredraftmarker": {"north:interviewer2"},
    b"Journalprivmarker": {"north:candidate"},
    b"Journalsharedmarker": PAIR,
    b"Sessionmarker": PAIR,
    b"Sharemarker": PAIR,
    b"Goalmarker": PAIR,
    b"Assessmarker": PAIR,
}
# Values for arguments that do not name a kind's thing.
PLAIN = {"slug": "north", "action": "end", "framework": "free", "key": "choose-your-title"}
MISSING = "999999"


@dataclass
class World:
    people: dict[str, User]
    ids: dict[str, int] = field(default_factory=dict)


def world_build() -> World:
    hiring = hiring_cast_build()
    people = hiring.people
    InterviewKit.objects.filter(pk=hiring.kit.pk).update(title="Kitmarker liaison panel")
    HiringCandidate.objects.filter(pk=hiring.candidate.pk).update(name="Robin Hirecandmarker")
    submit_scorecard(hiring.interview, hiring.first, note="Scoresubmarker")
    interview = hiring.interview
    scorecard_save(
        interview=interview,
        interviewer=hiring.second,
        scores=full_scores(interview, note="Scoredraftmarker"),
        summary="Scoredraftmarker",
    )
    partner, mentor = people["north:candidate"], people["north:mentor"]
    pairing = _pairing(people)
    session = services.session_log(
        pairing=pairing,
        user=mentor,
        held_on=date(2026, 11, 2),
        agenda="Getting ready",
        notes="Sessionmarker: talked about the panel",
        next_steps=["Read the terms of reference"],
    )
    attempt = rows.attempt(partner, answer="Sharemarker: I sat with a family after bad news.")
    share = services.practice_share(pairing=pairing, attempt=attempt)
    private = services.journal_entry_save(
        user=partner, framework="free", title="Mine", answers={"entry": "Journalprivmarker"}
    )
    services.journal_entry_save(
        user=partner,
        framework="free",
        title="For my mentor",
        answers={"entry": "Journalsharedmarker"},
        shared=True,
    )
    goal = services.goal_create(user=partner, stage="patient-partner", text="Goalmarker: a role")
    services.stage_assess(
        pairing=pairing, stage="patient-partner", percent=40, comment="Assessmarker"
    )
    competency = hiring.kit.competencies.first()
    assert competency is not None
    ids = {
        "kit": hiring.kit.pk,
        "kit_part": competency.pk,
        "kit_question": competency.questions.get().pk,
        "hiring_candidate": hiring.candidate.pk,
        "debrief": hiring.candidate.pk,
        "interview": interview.pk,
        "pathway": partner.pk,
        "goal": goal.pk,
        "journal": private.pk,
        "mentor": mentor.pk,
        "pairing": pairing.pk,
        "session": session.pk,
        "share": share.pk,
        "attempt": attempt.pk,
    }
    return World(people=people, ids=ids)


def _pairing(people: dict[str, User]) -> Pairing:
    partner, mentor = people["north:candidate"], people["north:mentor"]
    north = mentor.memberships.get().organisation
    services.mentor_profile_save(
        user=mentor, organisation=north, niche="Committee work", languages=["English"], capacity=3
    )
    pairing = services.pairing_request(
        organisation=north,
        partner=partner,
        mentor=mentor,
        requested_by=partner,
        goals="Prepare for a panel.",
        duration_weeks=12,
        frequency="fortnightly",
        code_of_conduct="Confidential.",
        how_to_end="Either of us ends it.",
    )
    return services.pairing_accept(pairing=pairing, user=mentor)


def kind_of(template: str) -> str | None:
    return next((kind for pattern, kind in KINDS if re.search(pattern, template)), None)


def templates() -> list[tuple[str, str]]:
    """(method, route template) for every page route (GET and POST with an argument, GET
    without) and every API operation with each documented method."""
    pages = [
        (method, route)
        for route in routes()
        if not route.startswith(("/admin/", "/api/"))
        for method in (("get", "post") if "<" in route else ("get",))
    ]
    operations = [
        (method, path)
        for path, methods in api.get_openapi_schema()["paths"].items()
        for method in methods
    ]
    return sorted(set(pages + operations))


TEMPLATES = templates()


def fill(template: str, ids: dict[str, int]) -> str:
    kind = kind_of(template)

    def value(match: re.Match[str]) -> str:
        name = match.group(2)
        if name in PLAIN:
            return PLAIN[name]
        if name in ("attempt_pk", "attempt_id") and kind == "share":
            return str(ids["attempt"])
        return str(ids[kind]) if kind else MISSING

    return re.sub(r"[<{](?:(\w+):)?(\w+)[>}]", value, template)


def call(client: Client, method: str, path: str) -> tuple[int, bytes]:
    if path.startswith("/api/") and method != "get":
        response = getattr(client, method)(path, {}, content_type="application/json")
    else:
        response = getattr(client, method)(path)
    return response.status_code, b"".join(response) if response.streaming else response.content


def refused(identity: str, method: str, path: str) -> set[int]:
    """What someone kept away gets: 404 like a missing thing (405 for a method the route does
    not take); a visitor is sent to log in (401 from the API). An API write with an empty body
    is a 422 before anything is looked up."""
    api_call = path.startswith("/api/")
    if identity == "anonymous":
        return {401, 405} if api_call else {302, 405}
    return {404, 405, 422} if api_call and method != "get" else {404, 405}


@pytest.fixture
def world(bank: None) -> World:
    return world_build()


def test_every_id_route_of_the_areas_names_a_kind() -> None:
    unnamed = {
        template
        for _, template in TEMPLATES
        if re.search(r"^/(api/v1/)?(hiring|mentoring)/", template)
        and re.search(r"[<{](int:)?(pk|\w+_id)[>}]", template)
        and kind_of(template) is None
    }
    assert unnamed == set()
    assert set(MAY_REACH) == {kind for _, kind in KINDS}


def test_the_people_allowed_see_the_markers(world: World) -> None:
    """The matrix can see a leak: each marker is on a page of someone allowed to read it."""
    ids = world.ids
    pages = {
        "north:hiring_manager": [
            f"/hiring/kits/{ids['kit']}/",
            f"/hiring/candidates/{ids['hiring_candidate']}/debrief/",
        ],
        "north:interviewer2": [f"/api/v1/hiring/interviews/{ids['interview']}/scorecards"],
        "north:candidate": [
            f"/mentoring/journal/{ids['journal']}/",
            "/mentoring/journal/",
            f"/mentoring/pairings/{ids['pairing']}/",
            f"/mentoring/shared/{ids['share']}/",
            "/mentoring/",
        ],
        "north:mentor": [f"/mentoring/partners/{ids['pathway']}/", "/api/v1/mentoring/journal"],
    }
    seen: set[bytes] = set()
    for identity, paths in pages.items():
        client = Client()
        client.force_login(world.people[identity])
        for path in paths:
            status, body = call(client, "get", path)
            assert status == 200, (identity, path)
            seen |= {marker for marker in MAY_READ if marker in body}
    assert seen == set(MAY_READ)


@pytest.mark.parametrize("identity", IDENTITIES)
def test_nobody_reaches_what_the_policy_keeps_from_them(
    world: World, identity: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A crash elsewhere is counted as a 500, not raised: the matrix is about who gets what.
    client = Client(raise_request_exception=False)
    person = world.people.get(identity)
    if person is not None:
        client.force_login(person)
    leaks, wrong, counts, named = [], [], Counter[int](), 0
    for method, template in TEMPLATES:
        path = fill(template, world.ids)
        status, body = call(client, method, path)
        counts[status] += 1
        leaks += [
            (method, path, m.decode())
            for m, who in MAY_READ.items()
            if m in body and identity not in who
        ]
        kind = kind_of(template)
        if kind is not None and identity not in MAY_REACH[kind]:
            named += 1
            if status not in refused(identity, method, path):
                wrong.append((method, path, status))
    with capsys.disabled():
        print(
            f"\n{identity}: {len(TEMPLATES)} requests, {named} naming what is kept from them, "
            f"{len(leaks)} leaks, {len(wrong)} wrong statuses, {dict(sorted(counts.items()))}"
        )
    assert leaks == [] and wrong == []
    changed = [kind for kind, kept in untouched(world.ids).items() if not kept]
    assert [kind for kind in changed if identity not in MAY_REACH[kind]] == []


def untouched(ids: dict[str, int]) -> dict[str, bool]:
    """Whether each thing is still as it was built (those who may reach it may change it)."""
    return {
        "hiring_candidate": HiringCandidate.objects.filter(pk=ids["hiring_candidate"]).exists(),
        "interview": Interview.objects.filter(pk=ids["interview"]).exists()
        and Scorecard.objects.filter(interview_id=ids["interview"]).count() == 2,
        "pairing": Pairing.objects.filter(pk=ids["pairing"], status=Pairing.Status.ACTIVE).exists(),
        "share": PracticeShare.objects.filter(pk=ids["share"], revoked_at=None).exists(),
        "goal": Goal.objects.filter(pk=ids["goal"], status=Goal.Status.ACTIVE).exists(),
        "journal": JournalEntry.objects.filter(pk=ids["journal"]).exists(),
        "session": MentoringSession.objects.filter(pk=ids["session"]).exists(),
        "pathway": StageAssessment.objects.filter(pairing_id=ids["pairing"]).exists(),
    }


ARGUMENT: re.Pattern[str] = re.compile(r"[<{](?:\w+:)?(\w+)[>}]")


@pytest.mark.parametrize("identity", ["north:mentor", "north:candidate"])
def test_an_id_past_the_databases_integers_is_404_not_500(world: World, identity: str) -> None:
    """schemathesis found a partner's id of 2**63 or more answered 500 (the foreign key's lookup
    overflowed): every route with an id must answer it like any missing one."""
    client = Client(raise_request_exception=False)
    client.force_login(world.people[identity])
    huge = str(10**19)
    wrong = []
    for method, template in TEMPLATES:
        if kind_of(template) is None:
            continue
        path = ARGUMENT.sub(lambda m: PLAIN.get(m.group(1), huge), template)
        status, _ = call(client, method, path)
        if status >= 500:
            wrong.append((method, path, status))
    assert wrong == []
