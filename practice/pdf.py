"""PDF exports: a question guide per role, and the report of a mock interview (ReportLab)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from django.db.models import QuerySet
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from questionbank.jurisdictions import GENERAL
from questionbank.jurisdictions import label as jurisdiction_label
from questionbank.models import Question, Role
from questionbank.selectors import jurisdictions_for, visible

from .selectors import Report

# Bitstream Vera ships inside ReportLab: curly quotes and dashes render with no system fonts.
FONT_DIR = Path(reportlab.__file__).parent / "fonts"
pdfmetrics.registerFont(TTFont("Vera", str(FONT_DIR / "Vera.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Bold", str(FONT_DIR / "VeraBd.ttf")))
pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold")

BASE = getSampleStyleSheet()
STYLES = {
    "title": ParagraphStyle("title", BASE["Title"], fontName="Vera-Bold", fontSize=20),
    "h2": ParagraphStyle("h2", BASE["Heading2"], fontName="Vera-Bold", fontSize=13, spaceBefore=10),
    "h3": ParagraphStyle("h3", BASE["Heading3"], fontName="Vera-Bold", fontSize=10.5),
    "body": ParagraphStyle("body", BASE["BodyText"], fontName="Vera", fontSize=9.5, leading=13),
    "label": ParagraphStyle(
        "label", BASE["BodyText"], fontName="Vera-Bold", fontSize=9.5, leading=13, spaceBefore=3
    ),
    "small": ParagraphStyle(
        "small",
        BASE["BodyText"],
        fontName="Vera",
        fontSize=8,
        leading=10,
        textColor=colors.HexColor("#4a5563"),
    ),
}


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def _bullets(items: list[str]) -> ListFlowable:
    return ListFlowable(
        [ListItem(_p(item), leftIndent=10) for item in items],
        bulletType="bullet",
        start="•",
        leftIndent=12,
        bulletFontName="Vera",
    )


def _document(buffer: io.BytesIO, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="CarePrep",
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
    )


def guide_questions(
    role: Role, jurisdiction: str = GENERAL, viewer: Any = None
) -> QuerySet[Question]:
    """The role's questions that hold in `jurisdiction`, in the guide's order: those `viewer`
    may see (the bundled bank without one, as for the command line)."""
    return (
        visible(viewer)
        .filter(roles=role, jurisdiction__in=jurisdictions_for(jurisdiction))
        .select_related("competency")
        .prefetch_related("example_answers")
        .order_by("type", "order")
    )


def guide_pdf(role: Role, jurisdiction: str = GENERAL, viewer: Any = None) -> bytes:
    """The role's questions with how to answer, what not to say and follow-ups: the general
    guidance and the guidance for `jurisdiction` (every jurisdiction's, labelled, for general)."""
    questions = guide_questions(role, jurisdiction, viewer)
    where = jurisdiction_label(jurisdiction)
    scope = f"General guidance and guidance for {where}." if where else "Every jurisdiction."
    story: list = [
        _p(f"{role.name}: interview question guide", "title"),
        _p(role.summary),
        _p(
            f"{questions.count()} questions. {scope} "
            f"Produced by CarePrep on {date.today():%d %B %Y}.",
            "small",
        ),
    ]
    current_type = ""
    for number, question in enumerate(questions, 1):
        if question.type != current_type:
            current_type = question.type
            story.append(_p(f"{question.get_type_display()} questions", "h2"))
        only = f" ({question.jurisdiction_label} only)" if question.jurisdiction_label else ""
        block = [
            _p(f"{number}. {question.text}{only}", "h3"),
            _p(f"Competency: {question.competency.name}", "small"),
            _p("How to answer", "label"),
            _bullets(_labelled(question.points("key_points", jurisdiction))),
            _p("What not to say", "label"),
            _bullets(list(question.what_not_to_say)),
            _p("Follow-up questions to expect", "label"),
            _bullets(list(question.follow_ups)),
        ]
        sources = question.all_sources(jurisdiction)
        if sources:
            block += [_p("Sources", "label"), _bullets([_source(s) for s in sources])]
        block.append(Spacer(1, 4))
        story.append(KeepTogether(block[:4]))
        story.extend(block[4:])
    buffer = io.BytesIO()
    _document(buffer, f"{role.name} interview question guide").build(story)
    return buffer.getvalue()


def _labelled(points: list[dict]) -> list[str]:
    return [f"[{p['label']}] {p['text']}" if p["label"] else p["text"] for p in points]


def _source(source: dict) -> str:
    return f"{source['title']}, {source['section']} (checked {source['checked']})"


def report_pdf(report: Report) -> bytes:
    interview = report.interview
    story: list = [
        _p("Mock interview report", "title"),
        _p(
            f"{interview.role.name}, {interview.level} level, {interview.started_at:%d %B %Y}. "
            + (
                f"Answered {report.answered} of {report.total}. Overall {report.overall}/100. "
                f"Time used: {report.time_used}."
                if report.answered
                else "Ended before any question was answered: nothing to score."
            )
        ),
        _p(f"Interviewer: {report.persona.name}, {report.persona.title}.", "small"),
    ]
    if report.competencies:
        story.append(_p("Scores by competency", "h2"))
        table = Table(
            [["Competency", "Score"], *[[n, str(s)] for n, s in report.competencies]],
            colWidths=[120 * mm, 25 * mm],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), "Vera", 9),
                    ("FONT", (0, 0), (-1, 0), "Vera-Bold", 9),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
                ]
            )
        )
        story.append(table)
    strengths = report.strengths or ["No criterion reached 60 yet."]
    story += [_p("Strengths", "h2"), _bullets(strengths)]
    story += [_p("What to work on", "h2"), _bullets(report.to_work_on or ["Nothing stood out."])]
    story.append(_p("Every answer", "h2"))
    for step in report.steps:
        story.append(_p(f"{step.order + 1}. {step.question.text}", "h3"))
        for attempt, label in ((step.attempt, "Answer"), (step.follow_up_attempt, "Follow-up")):
            if attempt is None:
                continue
            if label == "Follow-up":
                story.append(_p(f"Follow-up: {step.follow_up}", "body"))
            story.append(_p(f"{label} ({attempt.overall}/100): {attempt.answer}", "small"))
            tips = [s["text"] for s in attempt.feedback.get("suggestions", [])[:3]]
            if tips:
                story.append(_bullets(tips))
    buffer = io.BytesIO()
    _document(buffer, "Mock interview report").build(story)
    return buffer.getvalue()
