from __future__ import annotations

import json

from django import forms

from questionbank.content_schema import LEVELS
from questionbank.models import Competency, QuestionType, Role

from .models import Attempt

ANSWER_HELP = (
    "Type, or use the microphone if your browser offers speech recognition. Your draft is kept in "
    "this browser until you submit. Please leave out real patients' names and details."
)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 12, "aria-describedby": "answer-help"}),
        max_length=10_000,
        help_text=ANSWER_HELP,
        error_messages={"required": "Write or say your answer first, then ask for feedback."},
    )
    mode = forms.ChoiceField(
        choices=Attempt.Mode.choices, initial="typed", widget=forms.HiddenInput
    )
    seconds = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    speaking_seconds = forms.FloatField(required=False, min_value=0, widget=forms.HiddenInput)
    pauses = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_answer(self) -> str:
        answer = self.cleaned_data["answer"].strip()
        if len(answer.split()) < 3:
            raise forms.ValidationError(
                "That is too short for feedback: write at least a sentence or two."
            )
        return answer

    def clean_pauses(self) -> list[float]:
        raw = self.cleaned_data.get("pauses") or "[]"
        try:
            values = json.loads(raw)
            return [float(v) for v in values][:500]
        except (ValueError, TypeError):
            return []


class OwnQuestionForm(AnswerForm):
    question_text = forms.CharField(label="Your question", max_length=500)
    key_points = forms.CharField(
        label="Talking points (optional, one per line)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=3000,
    )

    field_order = ["question_text", "key_points", "answer"]

    def custom_question(self) -> dict:
        points = [p.strip() for p in self.cleaned_data["key_points"].splitlines() if p.strip()]
        return {"text": self.cleaned_data["question_text"].strip(), "key_points": points[:12]}


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
