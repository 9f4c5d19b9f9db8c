"""Permission rules of the hiring area (#12): interview kits, hiring candidates, scorecards,
debriefs. Owned by the hiring area; re-exported by `programmes.policy` (see its docstring).

Build on `programmes.roles` (`roles_in`, `has_role`, `organisations_of`), never on
`programmes.policy` itself (it imports this module). List every public name in `__all__`.
"""

from __future__ import annotations

__all__: list[str] = []
