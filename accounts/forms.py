from datetime import date
from typing import Any, cast

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils import timezone

from questionbank.jurisdictions import GENERAL

from .models import Profile

# The fewest and most minutes a day a prep plan is built for.
MINUTES_PER_DAY = (5, 240)


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
        widgets = {
            # A date input reads and sends ISO dates only, whatever the site's locale (en-gb would
            # render 15/12/2026, which the browser shows as empty and the next save wipes).
            "interview_date": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "minutes_per_day": forms.NumberInput(
                attrs={"min": MINUTES_PER_DAY[0], "max": MINUTES_PER_DAY[1]}
            ),
        }
        help_texts = {
            "interview_date": "Leave it empty if you do not have a date yet.",
            "minutes_per_day": (
                f"Between {MINUTES_PER_DAY[0]} and {MINUTES_PER_DAY[1]} minutes; "
                "the plan gives a question about eight."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Optional: a form (or an older client) that leaves it out keeps general guidance.
        self.fields["jurisdiction"].required = False
        date_field = cast(forms.DateField, self.fields["interview_date"])
        date_field.input_formats = ["%Y-%m-%d"]
        date_field.error_messages["invalid"] = (
            "Enter a valid date as year-month-day, for example 2027-03-14."
        )

    def clean_jurisdiction(self) -> str:
        return self.cleaned_data.get("jurisdiction") or GENERAL

    def clean_interview_date(self) -> date | None:
        chosen = self.cleaned_data.get("interview_date")
        if chosen is not None and chosen < timezone.localdate():
            raise forms.ValidationError(
                "That date has passed. Choose the date of your next interview, or leave it empty.",
                code="past",
            )
        return chosen

    def clean_minutes_per_day(self) -> int:
        minutes = self.cleaned_data.get("minutes_per_day")
        low, high = MINUTES_PER_DAY
        if minutes is None or not low <= minutes <= high:
            raise forms.ValidationError(
                f"Choose between {low} and {high} minutes a day: a plan needs time for at least "
                "one question.",
                code="range",
            )
        return minutes


class AccountDeleteForm(forms.Form):
    """Deleting the account asks for the password again: a session left open on a shared desk
    must not be enough to erase someone's history."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


class CodeForm(forms.Form):
    """The second step of log-in (and of other steps that need a fresh second factor)."""

    code = forms.CharField(
        label="Authentication code",
        max_length=24,
        help_text="The 6-digit code your authenticator app shows now, or a recovery code.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


class TwoFactorDisableForm(AccountDeleteForm):
    """Turning two-factor log-in off asks for the password and a code: a session alone, or a
    password alone, is not enough to remove the second factor."""

    code = CodeForm.base_fields["code"]
