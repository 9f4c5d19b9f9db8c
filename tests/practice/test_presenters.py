"""How the feedback page words the parts of a score."""

from practice.presenters import score_rows


def test_score_rows_name_each_part_and_show_penalties_as_losses() -> None:
    parts = [
        {"name": "base", "points": -26, "possible": 0.0},
        {"name": "coverage", "points": 43.4, "possible": 88.1},
        {"name": "specificity", "points": 0.0, "possible": 0.0},
        {"name": "development", "points": 45.0, "possible": 48.2},
        {"name": "blame", "points": -17.6, "possible": 0.0},
        {"name": "limit", "points": 3, "possible": 0.0},
    ]
    # A part with no weight adds nothing and is left out; the rows add up to the overall.
    assert score_rows(parts) == [
        ("Starting point", "−26", "–"),
        ("Coverage of the talking points", "43", "88"),
        ("A developed answer (words on the question, up to 150)", "45", "48"),
        ("Blaming others", "−18", "–"),
        ("Kept within 0-100, or capped by a flag", "3", "–"),
    ]
