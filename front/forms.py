from typing import Any, cast

from django import forms

from questionbank.jurisdictions import choices as jurisdiction_choices
from questionbank.models import Competency, Level, QuestionType, Role
from questionbank.selectors import QuestionFilter, competencies_for


class QuestionFilterForm(forms.Form):
    q = forms.CharField(
        required=False,
        label="Search",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    role = forms.ModelChoiceField(
        Role.objects.all(), required=False, to_field_name="slug", empty_label="All roles"
    )
    type = forms.ChoiceField(
        required=False, choices=[("", "All types"), *QuestionType.choices], label="Type"
    )
    competency = forms.ModelChoiceField(
        Competency.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="All competencies",
    )
    level = forms.ModelChoiceField(
        Level.objects.all(), required=False, to_field_name="slug", empty_label="All levels"
    )
    # Empty means the profile's jurisdiction (or general for a visitor).
    jurisdiction = forms.ChoiceField(
        required=False,
        choices=[("", "My profile's"), *jurisdiction_choices()],
        label="Jurisdiction",
    )

    def __init__(self, *args: Any, role: str = "", viewer: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A role page offers only the competencies of the questions it lists to `viewer`.
        competency = cast(forms.ModelChoiceField, self.fields["competency"])
        competency.queryset = competencies_for(role, viewer)

    def filters(self, role: str = "", jurisdiction: str = "general") -> QuestionFilter:
        data = self.cleaned_data if self.is_valid() else {}
        competency = data.get("competency")
        level = data.get("level")
        chosen_role = data.get("role")
        return QuestionFilter(
            role=role or (chosen_role.slug if chosen_role else ""),
            type=data.get("type", ""),
            competency=competency.slug if competency else "",
            level=level.slug if level else "",
            q=data.get("q", ""),
            jurisdiction=jurisdiction,
        )

    def asked_jurisdiction(self) -> str:
        return (self.cleaned_data if self.is_valid() else {}).get("jurisdiction", "")
