"""The programmes test cast: two organisations, and someone in every role of each.

`north` is the candidate's own organisation, `south` another one. `cast.people` maps a name
such as "north:mentor" or "south:programme_admin" to a user holding that one role there, plus
"outsider" (no membership) and "staff" (a Django superuser with no membership). The candidate
whose practice everyone is tested against is `cast.candidate` ("north:candidate").
Other areas' tests may build on it (`from tests.programmes.cast import Cast, cast_build`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import User

from programmes.models import Cohort, MemberRole, Membership, Organisation

ORGS = ("north", "south")
ROLES = [role.value for role in MemberRole]
# Every name in `Cast.people` but the candidate whose practice is at stake.
EVERYONE_ELSE = [
    f"{org}:{role}" for org in ORGS for role in ROLES if (org, role) != ("north", "candidate")
] + ["outsider", "staff"]


@dataclass
class Cast:
    north: Organisation
    south: Organisation
    cohorts: dict[str, Cohort]
    people: dict[str, User] = field(default_factory=dict)

    @property
    def candidate(self) -> User:
        return self.people["north:candidate"]

    def others(self) -> dict[str, User]:
        """Everyone but the candidate: each role of both organisations, the outsider, staff."""
        return {name: user for name, user in self.people.items() if name != "north:candidate"}


def cast_build() -> Cast:
    orgs = {
        slug: Organisation.objects.create(name=f"{slug.title()} Hospital", slug=slug)
        for slug in ORGS
    }
    cohorts = {
        slug: Cohort.objects.create(organisation=org, name="Spring intake", slug="spring")
        for slug, org in orgs.items()
    }
    cast = Cast(north=orgs["north"], south=orgs["south"], cohorts=cohorts)
    for slug, org in orgs.items():
        for role in MemberRole:
            # No password (hashing a dozen is slow): tests sign them in with force_login.
            user = User.objects.create_user(
                username=f"{slug}-{role.value}".replace("_", "-"),
                email=f"{slug}-{role.value}@example.org",
            )
            in_cohort = role in (MemberRole.CANDIDATE, MemberRole.MENTOR)
            Membership.objects.create(
                user=user,
                organisation=org,
                role=role,
                cohort=cohorts[slug] if in_cohort else None,
            )
            cast.people[f"{slug}:{role.value}"] = user
    cast.people["outsider"] = User.objects.create_user("outsider", "outsider@example.org")
    cast.people["staff"] = User.objects.create_superuser("staff", "staff@example.org")
    return cast
