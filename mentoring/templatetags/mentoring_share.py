"""`{% mentor_share_panel attempt %}`: the share button on an attempt's feedback page. It lives
here so the practice app needs no knowledge of mentoring; the policy decides whether there is
anyone to share with (`policy.share_pairings_for`), and without a mentor nothing is shown."""

from __future__ import annotations

from typing import Any

from django import template

from practice.models import Attempt
from programmes import policy

register = template.Library()


@register.inclusion_tag("mentoring/_attempt_share.html", takes_context=True)
def mentor_share_panel(context: template.Context, attempt: Attempt) -> dict[str, Any]:
    user = context["request"].user
    pairings = list(policy.share_pairings_for(user, attempt).select_related("mentor"))
    live = set()
    if pairings:
        live = set(
            policy.practice_shares_editable_by(user)
            .filter(attempt=attempt, revoked_at__isnull=True)
            .values_list("pairing_id", flat=True)
        )
    rows = [(p, p.pk in live) for p in pairings]
    return {"attempt": attempt, "rows": rows, "csrf_token": context.get("csrf_token")}
