"""Bulk invitations from a CSV file (columns: email, role, cohort). Every row is checked first;
if any row is wrong nothing is sent and the report names each bad row and why, so the admin
fixes the file and sends it again. Otherwise all the invitations go out in one transaction."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from .invitations import invitation_send
from .models import Cohort, MemberRole, Membership, Organisation

MAX_ROWS = 500
COLUMNS = ("email", "role", "cohort")


@dataclass
class Row:
    line: int
    email: str
    role: str
    cohort: str
    problems: list[str] = field(default_factory=list)
    cohort_obj: Cohort | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class BulkReport:
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # about the file as a whole
    sent: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and all(row.ok for row in self.rows)

    @property
    def bad_rows(self) -> list[Row]:
        return [row for row in self.rows if not row.ok]


def _role(text: str) -> str | None:
    """A role from its value ("hiring_manager") or its label ("Hiring manager")."""
    wanted = text.strip().lower().replace(" ", "_").replace("-", "_")
    return wanted if wanted in MemberRole.values else None


def _read(text: str, report: BulkReport) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    missing = [column for column in ("email", "role") if column not in header]
    if missing:
        report.problems.append(
            "The first line must name the columns email, role and cohort "
            f"(missing: {', '.join(missing)})."
        )
        return []
    reader.fieldnames = header
    records = [{k: (v or "").strip() for k, v in r.items() if k} for r in reader]
    if not records:
        report.problems.append("The file has no rows under its header.")
    elif len(records) > MAX_ROWS:
        report.problems.append(f"At most {MAX_ROWS} rows at a time; this file has {len(records)}.")
    return records


def _check(row: Row, organisation: Organisation, cohorts: dict[str, Cohort]) -> None:
    try:
        validate_email(row.email)
    except ValidationError:
        row.problems.append(f"“{row.email}” is not an e-mail address.")
    role = _role(row.role)
    if role is None:
        choices = ", ".join(MemberRole.values)
        row.problems.append(f"“{row.role}” is not a role (use one of {choices}).")
    else:
        row.role = role
    if row.cohort:
        cohort = cohorts.get(row.cohort.lower())
        if cohort is None:
            row.problems.append(f"No cohort “{row.cohort}” in {organisation.name}.")
        elif cohort.archived:
            row.problems.append(f"The cohort “{cohort.name}” is archived.")
        row.cohort_obj = cohort
    if role and _already_member(organisation, row.email, role):
        row.problems.append("This person already has that role here.")


def _already_member(organisation: Organisation, email: str, role: str) -> bool:
    users = User.objects.filter(email__iexact=email)
    return Membership.objects.filter(organisation=organisation, role=role, user__in=users).exists()


def bulk_check(*, organisation: Organisation, text: str) -> BulkReport:
    """Check every row of the CSV `text` without changing anything."""
    report = BulkReport()
    cohorts: dict[str, Cohort] = {}
    for cohort in organisation.cohorts.all():
        cohorts[cohort.slug.lower()] = cohorts[cohort.name.lower()] = cohort
    seen: dict[tuple[str, str], int] = {}
    for line, record in enumerate(_read(text, report), start=2):
        row = Row(line, record.get("email", ""), record.get("role", ""), record.get("cohort", ""))
        _check(row, organisation, cohorts)
        key = (row.email.lower(), row.role)
        if row.ok and key in seen:
            row.problems.append(f"The same person and role as line {seen[key]}.")
        seen.setdefault(key, line)
        report.rows.append(row)
    return report


def bulk_invite(
    *, organisation: Organisation, text: str, invited_by: User, site_root: str | None = None
) -> BulkReport:
    """Invite everyone in the CSV, or no one if any row is wrong."""
    report = bulk_check(organisation=organisation, text=text)
    if not report.ok:
        return report
    with transaction.atomic():
        for row in report.rows:
            invitation_send(
                organisation=organisation,
                email=row.email,
                role=row.role,
                cohort=row.cohort_obj,
                invited_by=invited_by,
                site_root=site_root,
            )
        report.sent = len(report.rows)
    return report
