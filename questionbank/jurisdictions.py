"""Where a piece of guidance holds: everywhere ("general"), a country, or a nation or province.

A code is a country (`us`, `uk`, `ca`) optionally followed by a subdivision (`uk-eng`, `ca-on`).
Framework-free: the content schema, the models and the pages all use it.
"""

from __future__ import annotations

GENERAL = "general"

JURISDICTIONS: dict[str, str] = {
    GENERAL: "General",
    "us": "United States",
    "uk": "United Kingdom",
    "uk-eng": "England",
    "uk-sct": "Scotland",
    "uk-wls": "Wales",
    "uk-nir": "Northern Ireland",
    "ca": "Canada",
    "ca-ab": "Alberta",
    "ca-bc": "British Columbia",
    "ca-mb": "Manitoba",
    "ca-nb": "New Brunswick",
    "ca-nl": "Newfoundland and Labrador",
    "ca-ns": "Nova Scotia",
    "ca-nt": "Northwest Territories",
    "ca-nu": "Nunavut",
    "ca-on": "Ontario",
    "ca-pe": "Prince Edward Island",
    "ca-qc": "Quebec",
    "ca-sk": "Saskatchewan",
    "ca-yt": "Yukon",
}

# Short labels shown beside a question or an item ("UK", "Ontario").
LABELS: dict[str, str] = {
    "us": "US",
    "uk": "UK",
    "ca": "Canada",
    **{code: name for code, name in JURISDICTIONS.items() if "-" in code},
}


def applies(item: str, chosen: str) -> bool:
    """Whether guidance for `item` is shown to a candidate who chose `chosen`.

    General guidance applies everywhere, and a candidate who has not chosen a country sees
    everything (each specific item labelled). Otherwise an item applies when it is for the
    candidate's country as a whole, or for the candidate's own nation or province; a candidate who
    chose only a country also sees the guidance for each of its nations or provinces.
    """
    if item == GENERAL or chosen == GENERAL:
        return True
    item_country, _, item_part = item.partition("-")
    chosen_country, _, chosen_part = chosen.partition("-")
    return item_country == chosen_country and (
        not item_part or not chosen_part or item_part == chosen_part
    )


def label(code: str) -> str:
    """The short label for a code; empty for general guidance."""
    return LABELS.get(code, "")


def choices() -> list[tuple[str, str]]:
    return list(JURISDICTIONS.items())
