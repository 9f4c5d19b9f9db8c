"""Permission rules of the mentoring area (#13): pathway, journal, pairings, sessions and the
explicit shares of practice. Owned by the mentoring area; re-exported by `programmes.policy`
(see its docstring).

Build on `programmes.roles` (`roles_in`, `has_role`, `organisations_of`), never on
`programmes.policy` itself (it imports this module). List every public name in `__all__`.

`practice_grants(user)` is the only door to another person's practice: the conditions it
returns are OR-ed with "the owner" in `policy.attempts_visible_to` and
`policy.interviews_visible_to` (reading only; changing stays the owner's). Until explicit shares
exist it grants nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from .roles import Viewer


@dataclass(frozen=True)
class PracticeGrants:
    """Extra rows `user` may read, as conditions on `Attempt` and on `MockInterview`."""

    attempts: Q
    interviews: Q


NOTHING = Q(pk__in=[])


def practice_grants(user: Viewer) -> PracticeGrants:
    """What explicit shares open to `user` beyond their own practice: nothing yet."""
    return PracticeGrants(attempts=NOTHING, interviews=NOTHING)


__all__: list[str] = ["PracticeGrants", "practice_grants"]
