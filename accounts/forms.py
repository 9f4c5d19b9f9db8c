from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User

from .models import Profile


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        required=True, help_text="Used only to reset your password.", label="E-mail"
    )

    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined]
        model = User
        fields = ("username", "email")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ("target_role", "level", "interview_date", "minutes_per_day")
        labels = {
            "target_role": "Role you are preparing for",
            "level": "Level",
            "interview_date": "Interview date",
            "minutes_per_day": "Minutes a day for practice",
        }
        widgets = {"interview_date": forms.DateInput(attrs={"type": "date"})}
