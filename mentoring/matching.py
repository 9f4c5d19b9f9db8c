"""A transparent mentor suggestion: each mentor's score is the sum of named parts, and every part
says why. Pure Python (no database), so the reasons are tested as plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Points per part; a reader can add them up. Lived experience weighs most: it is what a patient
# partner mentor shares that no training gives.
LIVED_EXPERIENCE, PER_SHARED_AREA = 40, 20
NICHE = 25
LANGUAGE = 20
ROOM = 15


@dataclass(frozen=True)
class MentorFacts:
    user_id: int
    name: str
    niche: str
    lived_experience: tuple[str, ...]
    languages: tuple[str, ...]
    capacity: int
    active: int  # partners mentored now
    accepting: bool = True


@dataclass(frozen=True)
class Wishes:
    """What the partner is looking for (asked on the suggestion page, never stored)."""

    interests: str = ""
    lived_experience: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()


@dataclass
class Suggestion:
    mentor: MentorFacts
    parts: list[tuple[str, int, str]] = field(default_factory=list)  # (part, points, why)

    @property
    def score(self) -> int:
        return sum(points for _, points, _ in self.parts)

    @property
    def available(self) -> bool:
        return self.mentor.accepting and self.mentor.active < self.mentor.capacity


def _norm(items: tuple[str, ...] | list[str]) -> dict[str, str]:
    return {item.strip().lower(): item.strip() for item in items if item.strip()}


WORD = re.compile(r"[a-z]{4,}")


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def explain(mentor: MentorFacts, wishes: Wishes) -> Suggestion:
    found = Suggestion(mentor)
    shared = sorted(set(_norm(wishes.lived_experience)) & set(_norm(mentor.lived_experience)))
    if shared:
        names = ", ".join(_norm(mentor.lived_experience)[s] for s in shared)
        points = min(LIVED_EXPERIENCE, PER_SHARED_AREA * len(shared))
        found.parts.append(("Lived experience", points, f"comfortable discussing {names}"))
    overlap = sorted(_words(wishes.interests) & _words(mentor.niche))
    if overlap:
        found.parts.append(
            ("Niche", NICHE, f"their niche ({mentor.niche}) mentions {', '.join(overlap)}")
        )
    tongues = sorted(set(_norm(wishes.languages)) & set(_norm(mentor.languages)))
    if tongues:
        names = ", ".join(_norm(mentor.languages)[t] for t in tongues)
        found.parts.append(("Language", LANGUAGE, f"speaks {names}"))
    room = mentor.capacity - mentor.active
    if found.available:
        found.parts.append(("Room", ROOM, f"{room} of {mentor.capacity} places free"))
    return found


def suggest(mentors: list[MentorFacts], wishes: Wishes) -> list[Suggestion]:
    """Every mentor with their reasons, best first; mentors with no room come last, still shown
    (with why) so that the list never hides anyone silently."""
    ranked = [explain(m, wishes) for m in mentors]
    return sorted(ranked, key=lambda s: (not s.available, -s.score, s.mentor.name))
