"""Choosing an interviewer's follow-up probe for an answer that left something out."""

from __future__ import annotations

import re

import numpy as np

from .embeddings import get_embedder
from .types import Feedback

RESULT_PROBE = re.compile(r"\b(?:result|outcome|measur|change[ds]?|impact|differen|learn)", re.I)


def choose_follow_up(feedback: Feedback, follow_ups: list[str]) -> tuple[str, str] | None:
    """The probe to ask and why, or None when the answer needs none.

    A behavioural answer without a result gets the probe that asks about outcomes; an answer that
    misses a talking point gets the probe closest in meaning to the point it missed.
    """
    if not follow_ups:
        return None
    codes = set(feedback.flag_codes)
    if codes & {"off_topic", "too_short", "keyword_list"}:
        return None  # a probe cannot rescue these; the report says what to change
    if "missing_result" in codes:
        probe = next((f for f in follow_ups if RESULT_PROBE.search(f)), follow_ups[0])
        return probe, "The answer did not say what the result was."
    missing = [k for k in feedback.key_points if not k.covered]
    if not missing or len(missing) * 3 < len(feedback.key_points):
        return None
    # The probe and the missed point that belong together: the pair most alike in meaning, so
    # the reason given names the gap the probe asks about.
    embedder, _ = get_embedder()
    encoded = embedder.encode([*(k.text for k in missing), *follow_ups])
    vectors = np.vstack([c.vector for c in encoded])
    similarity = vectors[: len(missing)] @ vectors[len(missing) :].T
    row, column = np.unravel_index(int(np.argmax(similarity)), similarity.shape)
    return follow_ups[int(column)], f"The answer did not cover: {missing[int(row)].text}"
