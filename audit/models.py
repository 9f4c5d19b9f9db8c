"""The audit log: an append-only, hash-chained record of security events and of every read,
export and change of personal data. Who, what object, when and from where; never content."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC
from typing import Any, NoReturn

from django.db import models

GENESIS = "0" * 64


class AuditTampering(Exception):
    """The application tried to change or delete a row of the audit log."""


class Event(models.TextChoices):
    LOGIN = "login", "Log-in"
    LOGIN_FAILED = "login_failed", "Log-in failure"
    LOCKOUT = "lockout", "Account locked out"
    LOGOUT = "logout", "Log-out"
    PASSWORD_CHANGED = "password_changed", "Password changed"
    TOKEN_CREATED = "token_created", "API token created"
    TOKEN_USED = "token_used", "API token used"
    TOKEN_REVOKED = "token_revoked", "API token revoked"
    TWO_FACTOR_ENABLED = "2fa_enabled", "Two-factor log-in turned on"
    TWO_FACTOR_DISABLED = "2fa_disabled", "Two-factor log-in turned off"
    TWO_FACTOR_FAILED = "2fa_failed", "Two-factor code refused"
    RECOVERY_CODE_USED = "recovery_code_used", "Recovery code used"
    RECOVERY_CODES_RENEWED = "recovery_codes_renewed", "Recovery codes renewed"
    ATTEMPT_VIEWED = "attempt_viewed", "Attempt viewed"
    MOCK_REPORT_VIEWED = "mock_report_viewed", "Mock interview report viewed"
    DATA_EXPORTED = "data_exported", "Data exported"
    ATTEMPT_DELETED = "attempt_deleted", "Attempt deleted"
    MOCK_DELETED = "mock_deleted", "Mock interview deleted"
    ACCOUNT_DELETED = "account_deleted", "Account deleted"
    RETENTION_APPLIED = "retention_applied", "Retention applied"
    # Programmes (#11): who joined, left or changed role in an organisation, and what a
    # candidate shares with its programme admins.
    MEMBER_INVITED = "member_invited", "Member invited"
    INVITATION_ACCEPTED = "invitation_accepted", "Invitation accepted"
    INVITATION_REVOKED = "invitation_revoked", "Invitation withdrawn"
    INVITATION_RESENT = "invitation_resent", "Invitation sent again"
    MEMBER_LEFT = "member_left", "Member left"
    MEMBER_REMOVED = "member_removed", "Member removed"
    MEMBER_ROLE_CHANGED = "member_role_changed", "Member's role changed"
    SHARE_CHANGED = "share_changed", "Programme share changed"
    # Mentoring (#13): a journal entry or practice shared with a mentor, withdrawn, and read by
    # the mentor (the owner's own reads are not these).
    MENTOR_SHARE_ADDED = "mentor_share_added", "Shared with a mentor"
    MENTOR_SHARE_WITHDRAWN = "mentor_share_withdrawn", "Share with a mentor withdrawn"
    MENTOR_SHARE_VIEWED = "mentor_share_viewed", "Shared item read by a mentor"
    # Django's admin (#9): what staff added, changed (which fields) and deleted there.
    ADMIN_ADDED = "admin_added", "Added in the admin"
    ADMIN_CHANGED = "admin_changed", "Changed in the admin"
    ADMIN_DELETED = "admin_deleted", "Deleted in the admin"


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    """Bulk updates and deletes are refused: the log only grows."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditTampering("the audit log cannot be changed")

    def delete(self) -> NoReturn:
        raise AuditTampering("the audit log cannot be deleted from")


class AuditEvent(models.Model):
    """One event. `actor_id` is a plain number, not a foreign key: the record outlives an
    erased account and never points at it. `hash` is sha256(prev_hash + this row's fields), and
    `prev_hash` is unique, so the rows form one chain that shows any edit, insertion or removal
    in the middle."""

    created_at = models.DateTimeField(db_index=True)
    event = models.CharField(max_length=32, choices=Event.choices, db_index=True)
    actor_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    ip = models.CharField("IP address", max_length=45, blank=True)
    # Small facts about the event (a username tried, counts); never an answer or feedback.
    detail = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64, unique=True)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = "audit event"

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.event}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditTampering("the audit log cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditTampering("the audit log cannot be deleted from")

    def fields_digest(self, prev_hash: str) -> str:
        """The hash this row must carry after `prev_hash`."""
        fields = {
            "created_at": self.created_at.astimezone(UTC).isoformat(),
            "event": self.event,
            "actor_id": self.actor_id,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "ip": self.ip,
            "detail": self.detail,
        }
        canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()
