"""An organisation's own content: questions it writes for its members, and bundled questions it
hides from them. The bundled bank is never edited here (the loader alone writes it, and it
never reads or writes an organisation's rows), so a new pack still loads over it."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.text import slugify

from questionbank.models import Competency, Level, Question, Role

from .models import Organisation, OrganisationHiddenQuestion


def _slug(organisation: Organisation, text: str) -> str:
    """A slug no bundled question uses: the bundled ids never start with "org-"."""
    stem = f"org-{organisation.slug}-{slugify(text)[:40]}".rstrip("-")[:70]
    slug, n = stem, 2
    while Question.all_objects.filter(slug=slug).exists():
        slug, n = f"{stem}-{n}", n + 1
    return slug


@transaction.atomic
def question_add(
    *,
    organisation: Organisation,
    text: str,
    type: str,
    competency: Competency,
    roles: list[Role],
    levels: list[Level],
    key_points: list[str],
    follow_ups: list[str] | None = None,
) -> Question:
    """A question of the organisation's own, seen by its members only."""
    question = Question(
        slug=_slug(organisation, text),
        organisation=organisation,
        text=text.strip(),
        type=type,
        competency=competency,
        key_points=[p.strip() for p in key_points if p.strip()],
        follow_ups=[f.strip() for f in follow_ups or [] if f.strip()],
        what_not_to_say=[],
        listen_for=[],
        jurisdiction=organisation.jurisdiction,
        source_file=f"organisation:{organisation.slug}",
    )
    # Lists the bundled pack always fills may be empty here (a short local question).
    question.full_clean(exclude=["roles", "levels", "what_not_to_say", "listen_for", "follow_ups"])
    question.save()
    question.roles.set(roles)
    question.levels.set(levels)
    return question


def question_remove(*, question: Question) -> None:
    """Delete one of the organisation's own questions (the caller checked it may)."""
    if question.organisation_id is None:
        raise ValueError("bundled questions are hidden, never deleted, by an organisation")
    question.delete()


def question_hide(*, organisation: Organisation, question: Question, actor: User) -> None:
    if question.organisation_id is not None:
        raise ValueError("only bundled questions are hidden; delete your own instead")
    OrganisationHiddenQuestion.objects.get_or_create(
        organisation=organisation, question=question, defaults={"hidden_by": actor}
    )


def question_show(*, organisation: Organisation, question: Question) -> None:
    OrganisationHiddenQuestion.objects.filter(organisation=organisation, question=question).delete()
