"""Forms of the programme pages: invitations, roles, cohorts and what a candidate shares."""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.forms import SignupForm
from questionbank.models import Competency, Level, QuestionType, Role

from .models import SHARE_ITEMS, Cohort, MemberRole, Organisation, ProgrammeShare

MAX_CSV_BYTES = 200_000


def _open_cohorts(organisation: Organisation) -> Any:
    return organisation.cohorts.filter(archived=False).order_by("name")


class InviteForm(forms.Form):
    email = forms.EmailField(label="E-mail address")
    role = forms.ChoiceField(choices=MemberRole.choices, initial=MemberRole.CANDIDATE)
    cohort = forms.ModelChoiceField(
        queryset=Cohort.objects.none(),
        required=False,
        empty_label="No cohort",
        help_text="Candidates and their mentors usually belong to a cohort; others need none.",
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cohort = self.fields["cohort"]
        cohort.queryset = _open_cohorts(organisation)  # type: ignore[attr-defined]
        cohort.label_from_instance = lambda c: c.name  # type: ignore[attr-defined]


class BulkInviteForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="First line: email,role,cohort. Role is one of "
        + ", ".join(MemberRole.values)
        + "; cohort is a cohort's name or short name, or empty.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_CSV_BYTES // 1000} kB; split it in parts."
            )
        try:
            return str(upload.read().decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise forms.ValidationError("Save the file as CSV in UTF-8 and send it again.") from exc


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=MemberRole.choices, label="Role")


class CohortForm(forms.ModelForm):
    class Meta:
        model = Cohort
        fields = ("name", "slug", "starts_on", "ends_on")
        labels = {"slug": "Short name (in addresses)"}
        widgets = {
            "starts_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "ends_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        taken = Cohort.objects.filter(organisation=self.instance.organisation, slug=slug)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Another cohort here already has that short name.")
        return str(slug)


class ShareForm(forms.ModelForm):
    class Meta:
        model = ProgrammeShare
        fields = tuple(SHARE_ITEMS)
        labels = SHARE_ITEMS


class InvitedAccountForm(SignupForm):
    """A new account for an invited address: the invitation fixes the e-mail, the password
    rules of sign-up apply."""

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["email"]
        self.invited_email = email

    def clean(self) -> dict:
        self.cleaned_data["email"] = self.invited_email
        return super().clean()


class OwnQuestionForm(forms.Form):
    """A question the organisation writes for its members (its name, values, local policies)."""

    text = forms.CharField(label="Question", widget=forms.Textarea(attrs={"rows": 3}))
    type = forms.ChoiceField(choices=QuestionType.choices)
    competency = forms.ModelChoiceField(queryset=Competency.objects.all())
    roles = forms.ModelMultipleChoiceField(
        queryset=Role.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    levels = forms.ModelMultipleChoiceField(
        queryset=Level.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    key_points = forms.CharField(
        label="Talking points",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One per line: what a good answer covers. The coach checks answers for them.",
    )
    follow_ups = forms.CharField(
        label="Follow-up questions",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional, one per line.",
    )

    def clean_key_points(self) -> list[str]:
        points = [p.strip() for p in self.cleaned_data["key_points"].splitlines() if p.strip()]
        if len(points) < 2:
            raise forms.ValidationError("Give at least two talking points, one per line.")
        return points

    def clean_follow_ups(self) -> list[str]:
        return [f.strip() for f in self.cleaned_data["follow_ups"].splitlines() if f.strip()]
