""" "Download my data" as a readable PDF: the same content as the JSON export, laid out for a
person (the account, the plan, every answer with its feedback, every mock interview)."""

from __future__ import annotations

import io
from typing import Any

from django.contrib.auth.models import User

# The PDF helpers of practice.pdf, so both kinds of PDF look alike.
from practice.pdf import _bullets, _document, _p

from .data_rights import account_export


def _when(value: str | None) -> str:
    """An ISO time as "2026-12-02 01:30" (UTC), or "never"."""
    return value[:16].replace("T", " ") if value else "never"


def _facts(pairs: list[tuple[str, Any]]) -> list:
    return [_p(f"{label}: {value if value not in (None, '') else '—'}") for label, value in pairs]


def _account(data: dict[str, Any]) -> list:
    account, profile, plan = data["account"], data["profile"], data["plan_settings"]
    two_factor = data["two_factor"]
    return [
        _p("Account", "h2"),
        *_facts(
            [
                ("Username", account["username"]),
                ("E-mail", account["email"]),
                ("Name", f"{account['first_name']} {account['last_name']}".strip()),
                ("Joined", _when(account["date_joined"])),
                ("Last log-in", _when(account["last_login"])),
                ("Two-factor log-in", "on" if two_factor["enabled"] else "off"),
                ("Recovery codes left", two_factor["recovery_codes_left"]),
            ]
        ),
        _p("Profile and plan", "h2"),
        *_facts(
            [
                ("Role", profile["target_role"]),
                ("Level", profile["level"]),
                ("Jurisdiction", profile["jurisdiction"]),
                ("Interview date", plan["interview_date"]),
                ("Minutes a day", plan["minutes_per_day"]),
            ]
        ),
    ]


def _attempt(attempt: dict[str, Any]) -> list:
    where = f", mock interview {attempt['mock_interview']}" if attempt["mock_interview"] else ""
    criteria = ", ".join(f"{k} {v}" for k, v in sorted(attempt["criteria"].items()))
    block = [
        _p(f"{_when(attempt['created_at'])}: {attempt['question_text']}", "h3"),
        _p(f"Answer ({attempt['mode']}{where}):", "label"),
        _p(attempt["answer"]),
        _p(f"Overall {attempt['overall']}/100. {criteria}", "small"),
    ]
    tips = [s.get("text", "") for s in attempt["feedback"].get("suggestions", [])]
    if tips:
        block += [_p("Suggestions", "label"), _bullets([t for t in tips if t])]
    return block


def _interview(interview: dict[str, Any]) -> list:
    answered = sum(1 for s in interview["steps"] if s["attempt"])
    return [
        _p(
            f"{_when(interview['started_at'])}: {interview['role']}, {interview['level']} level, "
            f"{interview['status'].replace('_', ' ')}; {answered} of {len(interview['steps'])} "
            "questions answered (the answers are listed above).",
        )
    ]


def account_export_pdf(*, user: User) -> bytes:
    buffer = io.BytesIO()
    _document(buffer, "Your CarePrep data").build(export_story(account_export(user=user)))
    return buffer.getvalue()


def export_story(data: dict[str, Any]) -> list:
    """The PDF's paragraphs, from the JSON export's dictionary."""
    story: list = [
        _p("Your CarePrep data", "title"),
        _p(
            f"Everything the account {data['account']['username']} holds, as of "
            f"{_when(data['exported_at'])} UTC. The JSON download has the same content for "
            "other programs.",
            "small",
        ),
        *_account(data),
        _p(f"Practice answers ({len(data['attempts'])})", "h2"),
    ]
    for attempt in data["attempts"]:
        story += _attempt(attempt)
    if not data["attempts"]:
        story.append(_p("No answers yet."))
    story.append(_p(f"Mock interviews ({len(data['mock_interviews'])})", "h2"))
    for interview in data["mock_interviews"]:
        story += _interview(interview)
    story.append(_p(f"API tokens ({len(data['api_tokens'])})", "h2"))
    story += [
        _p(
            f"{t['name']}: made {_when(t['created_at'])}, last used {_when(t['last_used_at'])}, "
            f"ends {_when(t['expires_at'])}",
            "small",
        )
        for t in data["api_tokens"]
    ]
    return story
