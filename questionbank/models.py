"""The question bank: roles, levels, competencies and questions with their guidance."""

from typing import Any

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from .jurisdictions import GENERAL, applies, choices, label

# The fields whose items can each be specific to a jurisdiction or carry sources.
SCOPED_FIELDS = ("key_points", "red_flags")


class QuestionType(models.TextChoices):
    SITUATIONAL = "situational", "Situational"
    BEHAVIOURAL = "behavioural", "Behavioural"
    TECHNICAL = "technical", "Technical"
    MOTIVATION = "motivation", "Motivation"


class AnswerQuality(models.TextChoices):
    STRONG = "strong", "Strong"
    ADEQUATE = "adequate", "Adequate"
    WEAK = "weak", "Weak"


class Role(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    summary = models.TextField()
    level_notes = models.JSONField(default=dict, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("role", args=[self.slug])


class Level(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=50)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Competency(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    definition = models.TextField()
    anchor_1 = models.TextField("anchor for rating 1")
    anchor_3 = models.TextField("anchor for rating 3")
    anchor_5 = models.TextField("anchor for rating 5")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "competencies"

    def __str__(self) -> str:
        return self.name


class BundledQuestions(models.Manager["Question"]):
    """The bundled bank only: an organisation's own questions are never in `Question.objects`
    (so no page, export or mock interview shows them to outsiders by accident). Who sees which
    of them is `programmes.policy.questions_visible_to`, built on `Question.all_objects`."""

    def get_queryset(self) -> "models.QuerySet[Question]":
        return super().get_queryset().filter(organisation__isnull=True)


class Question(models.Model):
    slug = models.SlugField("id", unique=True, max_length=80)
    # Set for a question an organisation wrote for its own members (#11); empty for the bundled
    # bank, which the loader alone writes.
    organisation = models.ForeignKey(
        "programmes.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="own_questions",
    )
    text = models.TextField()
    type = models.CharField(max_length=20, choices=QuestionType.choices)
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="questions")
    roles = models.ManyToManyField(Role, related_name="questions")
    levels = models.ManyToManyField(Level, related_name="questions")
    why_asked = models.TextField(blank=True)
    skills_tested = models.JSONField(default=list, blank=True)
    key_points = models.JSONField(default=list)
    what_not_to_say = models.JSONField(default=list)
    listen_for = models.JSONField(default=list)
    red_flags = models.JSONField(default=list, blank=True)
    follow_ups = models.JSONField(default=list)
    level_guidance = models.JSONField(default=dict, blank=True)
    jurisdiction = models.CharField(max_length=12, choices=choices(), default=GENERAL)
    # A legal claim in the question's own text, backed by `sources` (see content/SCHEMA.md).
    legal = models.BooleanField(default=False)
    sources = models.JSONField(default=list, blank=True)
    # key_points and red_flags stay lists of plain text (what the coach, the API and the pages
    # read); an item that is specific to a jurisdiction, or a legal claim with sources, has its
    # notes here, by field and text: {"key_points": {text: {"jurisdiction", "legal", "sources"}}}.
    point_notes = models.JSONField(default=dict, blank=True)
    # Lower-cased text, talking points, competency and skills: what full-text search reads.
    search_text = models.TextField(blank=True, editable=False)
    source_file = models.CharField(max_length=200, blank=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BundledQuestions()
    all_objects = models.Manager()  # noqa: DJ012 (a manager, not a field: ruff reads models.X())

    class Meta:
        ordering = ["order", "slug"]
        base_manager_name = "all_objects"

    def __str__(self) -> str:
        return self.text

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("question", args=[self.slug])

    def clean(self) -> None:
        """An item's notes are kept by its text: editing the text must not orphan them."""
        for field, notes in (self.point_notes or {}).items():
            orphans = set(notes) - set(getattr(self, field, []))
            if orphans:
                raise ValidationError(
                    {"point_notes": f"{field}: no item reads {sorted(orphans)[0]!r}; edit it too"}
                )

    @property
    def jurisdiction_label(self) -> str:
        return label(self.jurisdiction)

    def points(self, field: str, jurisdiction: str = GENERAL) -> list[dict[str, Any]]:
        """The items of `field` that apply in `jurisdiction`, each with its label and sources."""
        notes = (self.point_notes or {}).get(field, {})
        shown = []
        for text in getattr(self, field):
            note = notes.get(text, {})
            code = note.get("jurisdiction", GENERAL)
            if applies(code, jurisdiction):
                shown.append(
                    {
                        "text": text,
                        "jurisdiction": code,
                        "label": label(code),
                        "legal": note.get("legal", False),
                        "sources": note.get("sources", []),
                    }
                )
        return shown

    def key_points_for(self, jurisdiction: str = GENERAL) -> list[str]:
        return [p["text"] for p in self.points("key_points", jurisdiction)]

    def red_flags_for(self, jurisdiction: str = GENERAL) -> list[str]:
        return [p["text"] for p in self.points("red_flags", jurisdiction)]

    def answers_for(self, jurisdiction: str = GENERAL) -> list["ExampleAnswer"]:
        """The example answers for `jurisdiction`; when none of them is strong, the strong ones
        written for elsewhere too (each is labelled), so there is always a model to study."""
        answers = list(self.example_answers.all())
        shown = [a for a in answers if applies(a.jurisdiction, jurisdiction)]
        if not any(a.quality == AnswerQuality.STRONG for a in shown):
            shown += [a for a in answers if a.quality == AnswerQuality.STRONG and a not in shown]
        return sorted(shown, key=lambda a: a.order)

    def all_sources(self, jurisdiction: str = GENERAL) -> list[dict[str, Any]]:
        """Every source behind what a reader in `jurisdiction` sees, once each, in order."""
        found: list[dict[str, Any]] = list(self.sources)
        for field in SCOPED_FIELDS:
            for point in self.points(field, jurisdiction):
                found += point["sources"]
        for answer in self.answers_for(jurisdiction):
            found += answer.sources
        unique: dict[tuple[str, str], dict[str, Any]] = {}
        for source in found:
            unique.setdefault((source["title"], source["section"]), source)
        return list(unique.values())

    def build_search_text(self) -> str:
        parts = [self.text, self.why_asked, *self.key_points, *self.skills_tested]
        if self.competency_id:
            parts.append(self.competency.name)
        return "\n".join(parts).lower()

    def coach_question(self) -> dict:
        """The question as the answer coach reads it (see coach.Question)."""
        from .coaching import coach_question

        return coach_question(
            id=self.slug,
            text=self.text,
            type=self.type,
            competency=self.competency.slug,
            key_points=list(self.key_points),
            examples=[(a.quality, a.text) for a in self.example_answers.all()],
            what_not_to_say=list(self.what_not_to_say),
            red_flags=list(self.red_flags),
        )


class ExampleAnswer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="example_answers")
    quality = models.CharField(max_length=10, choices=AnswerQuality.choices)
    text = models.TextField()
    why = models.TextField()
    jurisdiction = models.CharField(max_length=12, choices=choices(), default=GENERAL)
    legal = models.BooleanField(default=False)
    sources = models.JSONField(default=list, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.get_quality_display()} answer"

    @property
    def jurisdiction_label(self) -> str:
        return label(self.jurisdiction)


class QuestionSearchVector(models.Model):
    """A question's weighted search vector on PostgreSQL (text A, talking points and focus B,
    example answers C), kept by `questionbank.search.search_index_update` and read through a GIN
    index that the migration creates there. On SQLite this table stays empty: an FTS5 table,
    `questionbank_question_fts`, does the same job."""

    question = models.OneToOneField(
        Question, primary_key=True, on_delete=models.CASCADE, related_name="search_vector"
    )
    vector = SearchVectorField()

    def __str__(self) -> str:
        return f"Search vector of question {self.question_id}"
