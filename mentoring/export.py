"""A person's mentoring records for their data export (accounts.data_rights): what they wrote or
own, and what was written about them; never the other person's private entries."""

from __future__ import annotations

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


def mentoring_export(user: User) -> dict[str, Any]:
    pairings = Pairing.objects.filter(Q(partner=user) | Q(mentor=user)).order_by("pk")
    profile = MentorProfile.objects.filter(user=user).first()
    return {
        "pathway_steps": list(
            StepProgress.objects.filter(user=user).values("step", "done_at", "note")
        ),
        "goals": list(Goal.objects.filter(user=user).values("stage", "step", "text", "status")),
        "journal": list(
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
                "mentor": p.mentor.username,
                "status": p.status,
                "goals": p.goals,
                "created_at": p.created_at.isoformat(),
            }
            for p in pairings.select_related("partner", "mentor")
        ],
        "sessions": list(
            MentoringSession.objects.filter(pairing__in=pairings).values(
                "held_on", "agenda", "notes", "next_steps"
            )
        ),
        "stage_assessments": list(
            StageAssessment.objects.filter(pairing__in=pairings).values(
                "stage", "percent", "comment"
            )
        ),
        "practice_reviews": list(
            PracticeReview.objects.filter(
                Q(attempt__user=user) | Q(share__pairing__mentor=user)
            ).values("attempt_id", "rating", "summary")
        ),
        "comments": list(
            AnswerComment.objects.filter(Q(author=user) | Q(review__attempt__user=user)).values(
                "review__attempt_id", "sentence", "quote", "text"
            )
        ),
    }
