"""Delivery of a spoken answer: pace, filler words and long pauses, as observations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .criteria import FILLER
from .text import words

PACE_BAND = (130, 160)  # words per minute many listeners find easy to follow
LONG_PAUSE_SECONDS = 3.0


@dataclass
class Delivery:
    words_per_minute: int
    fillers_per_minute: float
    fillers: dict[str, int]
    long_pauses: int
    speaking_seconds: float
    observations: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def delivery(transcript: str, speaking_seconds: float, pauses: list[float]) -> Delivery | None:
    """Observations on a spoken answer; None when there is too little to measure."""
    count = len(words(transcript))
    if speaking_seconds < 5 or count < 10:
        return None
    minutes = speaking_seconds / 60
    found: dict[str, int] = {}
    for match in FILLER.finditer(transcript):
        key = match.group(0).lower()
        found[key] = found.get(key, 0) + 1
    result = Delivery(
        words_per_minute=round(count / minutes),
        fillers_per_minute=round(sum(found.values()) / minutes, 1),
        fillers=found,
        long_pauses=sum(p >= LONG_PAUSE_SECONDS for p in pauses),
        speaking_seconds=round(speaking_seconds, 1),
    )
    result.observations = _observations(result)
    return result


def _observations(d: Delivery) -> list[str]:
    low, high = PACE_BAND
    band = f"{low}-{high}"
    if d.words_per_minute > high:
        pace = f"; many listeners follow {band} most easily, so you might slow down a little."
    elif d.words_per_minute < low:
        pace = f"; many listeners follow {band} most easily, so you could speed up a little."
    else:
        pace = f", within the {band} range many listeners follow most easily."
    notes = [f"You spoke at about {d.words_per_minute} words a minute{pace}"]
    if d.fillers:
        top = ", ".join(
            f"'{w}' ×{n}" for w, n in sorted(d.fillers.items(), key=lambda x: -x[1])[:3]
        )
        notes.append(
            f"Filler words came up about {d.fillers_per_minute} times a minute ({top}); a short "
            "silent pause works just as well."
        )
    if d.long_pauses:
        notes.append(
            f"There {'was' if d.long_pauses == 1 else 'were'} {d.long_pauses} pause"
            f"{'' if d.long_pauses == 1 else 's'} of {LONG_PAUSE_SECONDS:.0f} seconds or more; "
            "a brief pause to think is normal, and saying 'let me think for a moment' helps."
        )
    return notes
