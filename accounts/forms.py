from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.contrib.auth.validators import UnicodeUsernameValidator

from questionbank.jurisdictions import GENERAL

from .models import Profile


class SignupForm(forms.Form):
    """Sign-up that says nothing about which names and addresses are taken: whether or not they
    are, the page says "check your e-mail", and only the mailbox learns more."""

    username = forms.CharField(
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text="Letters, digits and @/./+/-/_ only.",
    )
    email = forms.EmailField(
        required=True, help_text="We send a link to confirm it.", label="E-mail"
    )
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Password confirmation",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two password fields didn’t match.")
        elif first:
            candidate = User(username=data.get("username", ""), email=data.get("email", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ("target_role", "level", "jurisdiction", "interview_date", "minutes_per_day")
        labels = {
            "target_role": "Role you are preparing for",
            "level": "Level",
            "jurisdiction": "Where you will work (laws and services differ)",
            "interview_date": "Interview date",
            "minutes_per_day": "Minutes a day for practice",
        }
        widgets = {"interview_date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Optional: a form (or an older client) that leaves it out keeps general guidance.
        self.fields["jurisdiction"].required = False

    def clean_jurisdiction(self) -> str:
        return self.cleaned_data.get("jurisdiction") or GENERAL
