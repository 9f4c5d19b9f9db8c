"""`{% load hiring_tags %}`: whether to show the Hiring link (hiring staff only)."""

from __future__ import annotations

from typing import Any

from django import template

from programmes import policy
from programmes.roles import HIRING_STAFF

register = template.Library()


@register.filter
def hiring_staff(user: Any) -> bool:
    return policy.organisations_of(user, *HIRING_STAFF).exists()
