from __future__ import annotations

import json

from django import forms

from questionbank.content_schema import LEVELS
from questionbank.models import Competency, QuestionType, Role

from . import answers
from .answers import (
    MAX_KEY_POINT_CHARS,
    MAX_KEY_POINTS,
    MAX_PAUSES,
    MAX_QUESTION_CHARS,
    MAX_SECONDS,
    AnswerError,
)
from .models import Attempt

ANSWER_HELP = (
    "Type, or use the microphone if your browser offers speech recognition. Your draft is kept in "
    "this browser until you submit. Please leave out real patients' names and details."
)


class NormalisedField(forms.CharField):
    """Text normalised by practice.answers before any check, so NUL, invisible and control
    characters are removed the same way as in the API (not refused with another message)."""

    def to_python(self, value: object) -> str:
        return answers.normalise(str(super().to_python(value)))


class AnswerForm(forms.Form):
    answer = NormalisedField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 12, "aria-describedby": "answer-help"}),
        max_length=10_000,
        help_text=ANSWER_HELP,
        error_messages={"required": "Write or say your answer first, then ask for feedback."},
    )
    mode = forms.ChoiceField(
        choices=Attempt.Mode.choices, initial="typed", widget=forms.HiddenInput
    )
    seconds = forms.IntegerField(
        required=False, min_value=0, max_value=MAX_SECONDS, widget=forms.HiddenInput
    )
    speaking_seconds = forms.FloatField(
        required=False, min_value=0, max_value=MAX_SECONDS, widget=forms.HiddenInput
    )
    pauses = forms.CharField(required=False, max_length=20_000, widget=forms.HiddenInput)

    def clean_answer(self) -> str:
        try:
            return answers.clean_answer(self.cleaned_data["answer"])
        except AnswerError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean_pauses(self) -> list[float]:
        raw = self.cleaned_data.get("pauses") or "[]"
        try:
            values = [float(v) for v in json.loads(raw)]
        except (ValueError, TypeError):
            raise forms.ValidationError("unreadable pauses") from None
        if len(values) > MAX_PAUSES or any(not 0 <= v <= MAX_SECONDS for v in values):
            raise forms.ValidationError("pauses out of range")
        return values

    def clean(self) -> dict:
        """The hidden timing fields are not shown, so a bad one is said at the top of the form
        (the answer stays in the box)."""
        data = super().clean() or {}
        hidden = [f.name for f in self.hidden_fields() if f.name in self.errors]
        if hidden:
            self.add_error(
                None,
                "The timing sent with your answer could not be read, so nothing was sent. "
                "Reload the page (your draft is kept) and send again.",
            )
        return data


class OwnQuestionForm(AnswerForm):
    question_text = NormalisedField(label="Your question", max_length=MAX_QUESTION_CHARS)
    key_points = NormalisedField(
        label=f"Talking points (optional, one per line, up to {MAX_KEY_POINTS})",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_KEY_POINTS * (MAX_KEY_POINT_CHARS + 2),
    )

    field_order = ["question_text", "key_points", "answer"]

    def clean_question_text(self) -> str:
        try:
            return answers.clean_question_text(self.cleaned_data["question_text"])
        except AnswerError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean_key_points(self) -> list[str]:
        try:
            return answers.clean_key_points(
                answers.normalise(self.cleaned_data["key_points"]).split("\n")
            )
        except AnswerError as exc:
            raise forms.ValidationError(str(exc)) from None

    def custom_question(self) -> dict:
        return {
            "text": self.cleaned_data["question_text"],
            "key_points": self.cleaned_data["key_points"],
        }


class RandomQuestionForm(forms.Form):
    role = forms.ModelChoiceField(
        Role.objects.all(), required=False, to_field_name="slug", empty_label="Any role"
    )
    competency = forms.ModelChoiceField(
        Competency.objects.all(), required=False, to_field_name="slug", empty_label="Any competency"
    )
    level = forms.ChoiceField(choices=[("", "Any level"), *LEVELS.items()], required=False)


MIX_CHOICES = QuestionType.choices


class MockInterviewForm(forms.Form):
    role = forms.ModelChoiceField(Role.objects.all(), to_field_name="slug")
    level = forms.ChoiceField(choices=list(LEVELS.items()))
    length = forms.TypedChoiceField(
        choices=[
            (3, "3 questions (15 minutes)"),
            (5, "5 questions"),
            (8, "8 questions"),
            (12, "12 questions"),
        ],
        coerce=int,
        initial=5,
        label="Length",
    )
    mix = forms.MultipleChoiceField(
        choices=MIX_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        initial=[c for c, _ in MIX_CHOICES],
        label="Question types",
        error_messages={"required": "Choose at least one type of question."},
    )
    minutes_per_answer = forms.TypedChoiceField(
        choices=[(2, "2 minutes"), (3, "3 minutes"), (4, "4 minutes")],
        coerce=int,
        initial=3,
        label="Time per answer",
    )
