"""The portfolio PDF: a partner's pathway progress, chosen reflections, sessions and their
mentor's assessments, for a partner to take to an interview or a review. Only ever of the person
asking: it is built from their own rows through the policy."""

from __future__ import annotations

import io
from datetime import date

from django.contrib.auth.models import User

from practice.pdf import _bullets as bullets  # the house PDF look: fonts, styles, page
from practice.pdf import _document as document
from practice.pdf import _p as para
from programmes import policy

from . import pathway


def _progress(user: User) -> list:
    story: list = [para("Pathway progress", "h2")]
    for item in pathway.progress_of(user):
        story.append(
            para(
                f"{item.stage.name}: {item.done_count} of {len(item.stage.steps)} steps done", "h3"
            )
        )
        done = [
            step.text + (f" Note: {item.notes[step.key]}" if step.key in item.notes else "")
            for step in item.stage.steps
            if step.key in item.done
        ]
        if done:
            story.append(bullets(done))
        if item.assessment is not None:
            comment = f": {item.assessment.comment}" if item.assessment.comment else ""
            story.append(para(f"Mentor's assessment: {item.assessment.percent}%{comment}", "small"))
        goals = [f"{g.text} ({g.get_status_display().lower()})" for g in item.goals]
        if goals:
            story += [para("Goals", "label"), bullets(goals)]
    return story


def _reflections(user: User) -> list:
    entries = policy.journal_editable_by(user).filter(in_portfolio=True).order_by("created_at")
    story: list = [para("Reflections", "h2")]
    if not entries:
        story.append(para("No reflection chosen for the portfolio yet.", "small"))
    for entry in entries:
        spec = pathway.framework(entry.framework)
        story.append(para(f"{entry.title} ({entry.created_at:%d %B %Y})", "h3"))
        for prompt in spec.prompts if spec else []:
            text = entry.answers.get(prompt.slug, "")
            if text:
                story += [para(prompt.label, "label"), para(text)]
    return story


def _sessions_and_reviews(user: User) -> list:
    story: list = [para("Mentoring sessions", "h2")]
    sessions = policy.sessions_visible_to(user).filter(pairing__partner=user).order_by("held_on")
    if not sessions:
        story.append(para("No session logged yet.", "small"))
    for session in sessions:
        story.append(para(f"{session.held_on:%d %B %Y} with {session.pairing.mentor_name}", "h3"))
        if session.agenda:
            story.append(para(f"Agenda: {session.agenda}"))
        if session.next_steps:
            story += [para("Next steps", "label"), bullets(list(session.next_steps))]
    reviews = policy.reviews_visible_to(user).filter(attempt__user=user, rating__isnull=False)
    if reviews:
        story.append(para("Mentor's reviews of practice answers", "h2"))
        story.append(
            bullets(
                [
                    f"{r.attempt.question_text} — rated {r.rating} of 5"
                    + (f": {r.summary}" if r.summary else "")
                    for r in reviews
                ]
            )
        )
    return story


def portfolio_story(user: User) -> list:
    """The portfolio's flowables (kept apart from the rendering, so tests read its text)."""
    name = user.get_full_name() or user.username
    return [
        para(f"Patient partner portfolio: {name}", "title"),
        para(f"Produced by CarePrep on {date.today():%d %B %Y}.", "small"),
        *_progress(user),
        *_reflections(user),
        *_sessions_and_reviews(user),
    ]


def portfolio_pdf(user: User) -> bytes:
    buffer = io.BytesIO()
    title = f"Portfolio of {user.get_full_name() or user.username}"
    document(buffer, title).build(portfolio_story(user))
    return buffer.getvalue()
