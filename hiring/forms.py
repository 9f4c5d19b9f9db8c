"""Forms of the hiring pages. Choices are limited to what the policy lets the user use."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from programmes import policy
from programmes.models import Organisation
from questionbank.models import Competency, Level, Question, Role

from .models import HiringCandidate, InterviewKit, KitCompetency, Recommendation, Stage
from .scorecards import Score

NOT_ASSESSED = "na"
RATING_CHOICES = [
    ("", "Choose a rating"),
    ("1", "1"),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", "5"),
    (NOT_ASSESSED, "Not assessed"),
]
LINES_HELP = "One a line."


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class KitForm(forms.Form):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none())
    role = forms.ModelChoiceField(queryset=Role.objects.all())
    level = forms.ModelChoiceField(queryset=Level.objects.all())
    title = forms.CharField(max_length=200)

    def __init__(self, *args: Any, managed: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = managed
        if managed.count() == 1:
            organisation.initial = managed.first()


class CompetencyForm(forms.Form):
    competency = forms.ModelChoiceField(queryset=Competency.objects.all())
    weight = forms.DecimalField(
        required=False,
        min_value=0,
        max_value=10,
        decimal_places=2,
        help_text="Optional. Leave empty for equal weights.",
    )
    weight_rationale = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why this weight",
        help_text="Required with a weight.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("weight") is not None and not (data.get("weight_rationale") or "").strip():
            self.add_error("weight_rationale", "A weight needs a written rationale.")
        return data


class WeightForm(CompetencyForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["competency"]


class QuestionForm(forms.Form):
    bank_question = forms.ModelChoiceField(
        queryset=Question.objects.none(),
        required=False,
        label="From the question bank",
        help_text="Or leave empty and write your own below.",
    )
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Question",
        help_text="Your own, or an edit of the bank's. The lawful-question guard checks it.",
    )
    follow_ups = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    listen_for = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    junior = forms.CharField(required=False, label="A junior answer shows")
    mid = forms.CharField(required=False, label="A mid-level answer shows")
    senior = forms.CharField(required=False, label="A senior answer shows")
    red_flags = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, item: KitCompetency | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("follow_ups", "listen_for", "red_flags"):
            self.fields[name].help_text = LINES_HELP
        bank = self.fields["bank_question"]
        assert isinstance(bank, forms.ModelChoiceField)
        if item is not None:
            bank.queryset = Question.objects.filter(competency=item.competency).order_by("text")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("bank_question") and not (data.get("text") or "").strip():
            raise forms.ValidationError("Write a question, or choose one from the bank.")
        return data

    def service_fields(self, *, with_bank: bool) -> dict[str, Any]:
        """Keyword arguments for `kit_question_add` / `kit_question_edit`. Empty note fields
        are left out when a bank question is chosen, so the bank's own notes come along."""
        data = self.cleaned_data
        fields: dict[str, Any] = {"text": data.get("text") or ""}
        for name in ("follow_ups", "listen_for", "red_flags"):
            if data.get(name) or not with_bank:
                fields[name] = _lines(data.get(name) or "")
        levels = {level: data.get(level) or "" for level in ("junior", "mid", "senior")}
        if any(levels.values()) or not with_bank:
            fields["level_indicators"] = levels
        return fields


class CandidateForm(forms.ModelForm):
    class Meta:
        model = HiringCandidate
        fields = ["organisation", "name", "role", "level"]

    def __init__(self, *args: Any, managed: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = managed


class StageForm(forms.Form):
    stage = forms.ChoiceField(choices=Stage.choices)


class InterviewForm(forms.Form):
    kit = forms.ModelChoiceField(queryset=InterviewKit.objects.none(), label="Kit (published)")
    scheduled_at = forms.DateTimeField(
        label="Date and time",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    panel: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        queryset=InterviewKit.objects.none(), widget=forms.CheckboxSelectMultiple, label="Panel"
    )

    def __init__(self, *args: Any, candidate: HiringCandidate, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kit = self.fields["kit"]
        panel = self.fields["panel"]
        assert isinstance(kit, forms.ModelChoiceField)
        assert isinstance(panel, forms.ModelMultipleChoiceField)
        kit.queryset = InterviewKit.objects.filter(
            organisation=candidate.organisation, status="published"
        )
        panel.queryset = policy.hiring_panel_eligible(candidate.organisation)


class ScorecardForm(forms.Form):
    """A rating (or "not assessed") and an evidence note per competency of the kit, then the
    overall recommendation. Field names are `rating_<id>` and `evidence_<id>`."""

    recommendation = forms.ChoiceField(
        choices=[("", "Choose a recommendation"), *Recommendation.choices], required=False
    )
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, items: list[KitCompetency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"rating_{item.pk}"] = forms.ChoiceField(
                choices=RATING_CHOICES, required=False, label=f"{item.competency.name}: rating"
            )
            self.fields[f"evidence_{item.pk}"] = forms.CharField(
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                label=f"{item.competency.name}: evidence",
                help_text="What the candidate said or did, not an impression of them.",
            )
        # The recommendation and summary come after the competencies on the page.
        self.order_fields([f for f in self.fields if f not in ("recommendation", "summary")])

    def item_fields(self) -> list[tuple[KitCompetency, forms.BoundField, forms.BoundField]]:
        return [
            (item, self[f"rating_{item.pk}"], self[f"evidence_{item.pk}"]) for item in self.items
        ]

    def scores(self) -> dict[int, Score]:
        """Each competency's entry; one left blank is kept as not rated yet (its note too)."""
        out = {}
        for item in self.items:
            raw = self.cleaned_data.get(f"rating_{item.pk}") or ""
            evidence = self.cleaned_data.get(f"evidence_{item.pk}") or ""
            rating = None if raw in ("", NOT_ASSESSED) else int(raw)
            out[item.pk] = Score(rating, evidence, pending=raw == "")
        return out


class AmendForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why you are amending your submitted scorecard",
        help_text="Kept with the new version; the old one stays on record.",
    )
