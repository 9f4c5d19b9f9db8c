"""A kit as a printable PDF (one page a question, notes space, a blank scorecard) and as YAML.

A kit holds no one's ratings, so these exports show the same thing to every reader the policy
lets in (the blind rule concerns scorecards, which never appear here).
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, PageBreak, Spacer, Table, TableStyle

from practice.pdf import _bullets, _document, _p
from questionbank.bank import yaml_dump

from .models import InterviewKit, KitCompetency, KitQuestion, Recommendation

LEVEL_NAMES = {"junior": "Junior", "mid": "Mid", "senior": "Senior"}
GRID = colors.HexColor("#9aa5b1")


def _anchors(item: KitCompetency) -> Table:
    rows = [
        [_p(str(n), "label"), _p(text)]
        for n, text in ((1, item.anchor_1), (3, item.anchor_3), (5, item.anchor_5))
    ]
    table = Table(rows, colWidths=[10 * mm, 160 * mm])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("GRID", (0, 0), (-1, -1), 0.3, GRID)])
    )
    return table


def _notes_box(height: float) -> Table:
    table = Table(
        [[_p("Notes: what the candidate said or did", "small")]],
        colWidths=[174 * mm],
        rowHeights=[height],
    )
    table.setStyle(
        TableStyle([("BOX", (0, 0), (-1, -1), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return table


def _question_page(number: int, item: KitCompetency, question: KitQuestion) -> list[Any]:
    story: list[Any] = [
        _p(f"Question {number} · {item.competency.name}", "small"),
        _p(question.text, "h2"),
    ]
    for label, values in (
        ("Follow-up probes", question.follow_ups),
        ("Listen for", question.listen_for),
        ("Red flags", question.red_flags),
    ):
        if values:
            story += [_p(label, "label"), _bullets(list(values))]
    if question.level_indicators:
        story.append(_p("Level indicators", "label"))
        story.append(
            _bullets([f"{LEVEL_NAMES[k]}: {v}" for k, v in question.level_indicators.items()])
        )
    story += [_p("Rating scale", "label"), _anchors(item)]
    # One page a question: a long question's notes shrink to fit above the notes space.
    body = KeepInFrame(174 * mm, 195 * mm, story, mode="shrink")
    return [body, Spacer(1, 4 * mm), _notes_box(55 * mm)]


def _blank_scorecard(kit: InterviewKit, items: list[KitCompetency]) -> list[Any]:
    header = [
        _p("Competency", "label"),
        *[_p(s, "label") for s in ("1", "2", "3", "4", "5", "N/A")],
        _p("Evidence", "label"),
    ]
    rows = [header] + [[_p(item.competency.name), "", "", "", "", "", "", ""] for item in items]
    table = Table(
        rows,
        colWidths=[45 * mm] + [9 * mm] * 6 + [75 * mm],
        rowHeights=[None] + [18 * mm] * len(items),
    )
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.4, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    choices = "   ".join(f"[ ] {label}" for _, label in Recommendation.choices)
    return [
        PageBreak(),
        _p(f"Scorecard · {kit.title} (version {kit.version})", "h2"),
        _p(
            "Candidate: ____________________   Interviewer: ____________________   Date: __________"
        ),
        Spacer(1, 3 * mm),
        table,
        _p("Overall recommendation", "label"),
        _p(choices),
        _p(
            "Rate each competency on its anchored scale, or mark it N/A if not assessed; "
            "write the evidence, not an impression.",
            "small",
        ),
    ]


def kit_pdf(kit: InterviewKit) -> bytes:
    items = list(kit.competencies.select_related("competency").prefetch_related("questions"))
    story: list[Any] = [
        _p(kit.title, "title"),
        _p(
            f"{kit.role.name}, {kit.level.name} · version {kit.version} "
            f"({kit.get_status_display().lower()})"
        ),
        _p(f"{kit.organisation.name} · printed {date.today():%d %B %Y}", "small"),
        _p("Competencies", "h2"),
    ]
    for item in items:
        weight = (
            f" (weight {item.weight}: {item.weight_rationale})" if item.weight is not None else ""
        )
        story.append(_p(f"{item.competency.name}{weight}", "label"))
    number = 0
    for item in items:
        for question in item.questions.all():
            number += 1
            story += [PageBreak(), *_question_page(number, item, question)]
    story += _blank_scorecard(kit, items)
    buffer = io.BytesIO()
    _document(buffer, f"{kit.title} v{kit.version}").build(story)
    return buffer.getvalue()


def kit_data(kit: InterviewKit) -> dict[str, Any]:
    """The kit as plain data: what the YAML export and the API's kit detail hold."""
    return {
        "id": kit.pk,
        "title": kit.title,
        "organisation": kit.organisation.slug,
        "role": kit.role.slug,
        "level": kit.level.slug,
        "version": kit.version,
        "status": kit.status,
        "parent": kit.parent_id,
        "competencies": [
            {
                "competency": item.competency.slug,
                "name": item.competency.name,
                "weight": float(item.weight) if item.weight is not None else None,
                "weight_rationale": item.weight_rationale,
                "anchors": {1: item.anchor_1, 3: item.anchor_3, 5: item.anchor_5},
                "questions": [
                    {
                        "text": q.text,
                        "bank_question": q.bank_question.slug if q.bank_question else None,
                        "follow_ups": q.follow_ups,
                        "listen_for": q.listen_for,
                        "level_indicators": q.level_indicators,
                        "red_flags": q.red_flags,
                        "guard": {
                            "lawful": q.lawful,
                            "topics": [t["topic"] for t in q.guard.get("topics", [])],
                        },
                    }
                    for q in item.questions.all()
                ],
            }
            for item in kit.competencies.select_related("competency").prefetch_related(
                "questions__bank_question"
            )
        ],
    }


def kit_yaml(kit: InterviewKit) -> str:
    return yaml_dump({"kit": kit_data(kit)})
