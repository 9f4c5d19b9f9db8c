"""The question bank: roles, levels, competencies and questions with their guidance."""

from typing import Any

from django.db import models
from django.urls import reverse


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


class Question(models.Model):
    slug = models.SlugField("id", unique=True, max_length=80)
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
    # Lower-cased text, talking points, competency and skills: what full-text search reads.
    search_text = models.TextField(blank=True, editable=False)
    source_file = models.CharField(max_length=200, blank=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.text

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("question", args=[self.slug])

    def build_search_text(self) -> str:
        parts = [self.text, self.why_asked, *self.key_points, *self.skills_tested]
        if self.competency_id:
            parts.append(self.competency.name)
        return "\n".join(parts).lower()

    def coach_question(self) -> dict:
        """The question as the answer coach reads it (see coach.Question)."""
        strong = [a for a in self.example_answers.all() if a.quality == AnswerQuality.STRONG]
        return {
            "text": self.text,
            "type": self.type,
            "competency": self.competency.slug,
            "key_points": list(self.key_points),
            "example_answer": strong[0].text if strong else "",
            "what_not_to_say": list(self.what_not_to_say),
        }


class ExampleAnswer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="example_answers")
    quality = models.CharField(max_length=10, choices=AnswerQuality.choices)
    text = models.TextField()
    why = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return f"{self.get_quality_display()} answer"
