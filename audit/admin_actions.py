"""Changes made in Django's admin, recorded in the audit log. The admin writes a LogEntry for
every add, change and delete (its own history); each one becomes an audit event here, with the
object's type and id, the staff member and, for a change, the names of the fields changed (so a
new group, permission or staff flag on a user shows), never the values.

Two doors, one recorder: a LogEntry saved one at a time (adding, changing, deleting from the
object's page) is seen by `post_save`; the admin's "delete selected" action writes its entries
with `bulk_create`, which sends no signal, so that action is wrapped to record them after."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import admin
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpRequest
from django.template.response import TemplateResponse

from .models import AuditEvent, Event
from .services import audit_record

EVENTS = {ADDITION: Event.ADMIN_ADDED, CHANGE: Event.ADMIN_CHANGED, DELETION: Event.ADMIN_DELETED}


def admin_entry_record(entry: LogEntry) -> AuditEvent | None:
    """The audit event of one admin LogEntry (once: a second call for it records nothing)."""
    event = EVENTS.get(entry.action_flag)
    if event is None or AuditEvent.objects.filter(detail__log_entry=entry.pk).exists():
        return None
    detail: dict[str, Any] = {"log_entry": entry.pk}
    fields = changed_fields(entry.change_message)
    if fields:
        detail["fields"] = fields
    kind = ContentType.objects.get_for_id(entry.content_type_id) if entry.content_type_id else None
    return audit_record(
        event=event,
        actor=entry.user_id,
        object_type=f"{kind.app_label}.{kind.model}" if kind else "",
        object_id=entry.object_id or "",
        detail=detail,
    )


def changed_fields(change_message: str) -> list[str]:
    """The field names a change message lists (Django keeps them as JSON); [] when none."""
    try:
        parts = json.loads(change_message or "[]")
    except ValueError:
        return []
    names: list[str] = []
    for part in parts if isinstance(parts, list) else []:
        changed = part.get("changed") if isinstance(part, dict) else None
        if isinstance(changed, dict):
            names += [str(name) for name in changed.get("fields", [])]
    return list(dict.fromkeys(names))


@receiver(post_save, sender=LogEntry, dispatch_uid="audit_admin_entry")
def record_admin_entry(sender: type[LogEntry], instance: LogEntry, created: bool, **kwargs: Any):
    if created and not kwargs.get("raw"):
        admin_entry_record(instance)


def audited_delete_selected(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> TemplateResponse | None:
    before = LogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    response = delete_selected(modeladmin, request, queryset)
    for entry in LogEntry.objects.filter(pk__gt=before, action_flag=DELETION):
        admin_entry_record(entry)
    return response


audited_delete_selected.short_description = delete_selected.short_description  # type: ignore[attr-defined]
audited_delete_selected.allowed_permissions = delete_selected.allowed_permissions  # type: ignore[attr-defined]
# The site-wide action of the same name is replaced, so every model's list uses this one.
admin.site.add_action(audited_delete_selected, "delete_selected")
