"""A person's mentoring records for their data export (accounts.data_rights): what they wrote or
own, and what was written about them; never the other person's private entries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Q

from .models import (
    AnswerComment,
    Goal,
    JournalEntry,
    MentoringSession,
    MentorProfile,
    Pairing,
    PracticeReview,
    StageAssessment,
    StepProgress,
)


def _plain(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: the download page serialises them with plain `json.dumps`."""
    return [
        {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()} for row in rows
    ]


def mentoring_export(user: User) -> dict[str, Any]:
    pairings = Pairing.objects.filter(Q(partner=user) | Q(mentor=user)).order_by("pk")
    profile = MentorProfile.objects.filter(user=user).first()
    return {
        "pathway_steps": _plain(
            StepProgress.objects.filter(user=user).values("step", "done_at", "note")
        ),
        "goals": _plain(Goal.objects.filter(user=user).values("stage", "step", "text", "status")),
        "journal": _plain(
            JournalEntry.objects.filter(user=user).values(
                "framework", "title", "answers", "step", "shared_with_mentor", "created_at"
            )
        ),
        "mentor_profile": {
            "niche": profile.niche,
            "lived_experience": profile.lived_experience,
            "languages": profile.languages,
            "availability": profile.availability,
            "capacity": profile.capacity,
        }
        if profile
        else None,
        "pairings": [
            {
                "partner": p.partner.username,
                "mentor": p.mentor_name,
                "status": p.status,
                "goals": p.goals,
                "created_at": p.created_at.isoformat(),
            }
            for p in pairings.select_related("partner", "mentor")
        ],
        "sessions": _plain(
            MentoringSession.objects.filter(pairing__in=pairings).values(
                "held_on", "agenda", "notes", "next_steps"
            )
        ),
        "stage_assessments": _plain(
            StageAssessment.objects.filter(pairing__in=pairings).values(
                "stage", "percent", "comment"
            )
        ),
        "practice_reviews": _plain(
            PracticeReview.objects.filter(
                Q(attempt__user=user) | Q(share__pairing__mentor=user)
            ).values("attempt_id", "rating", "summary")
        ),
        "comments": _plain(
            AnswerComment.objects.filter(Q(author=user) | Q(review__attempt__user=user)).values(
                "review__attempt_id", "sentence", "quote", "text"
            )
        ),
    }
