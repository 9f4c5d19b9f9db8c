"""Forms of the mentoring pages: they validate input; the services do the work."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from .models import Goal, MentorProfile, Pairing
from .pathway import Stage
from .pathway_schema import STEP_KINDS, FrameworkSpec

CODE_OF_CONDUCT = (
    "We keep what we share in our sessions confidential, and we never name or describe patients "
    "in a way that could identify them. We turn up as agreed or say in good time if we cannot. "
    "Either of us can say no to a topic. The mentor offers experience, not clinical advice."
)
HOW_TO_END = (
    "Either of us can end the pairing at any time from its page; we will each fill in the short "
    "feedback form, and the mentor's access to anything shared ends at once."
)


def _choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


def _lines(text: str) -> list[str]:
    return [part.strip() for part in text.replace(",", "\n").splitlines() if part.strip()]


class StepForm(forms.Form):
    done = forms.BooleanField(required=False, label="Done")
    note = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class GoalForm(forms.Form):
    stage = forms.ChoiceField(label="Stage")
    text = forms.CharField(label="Goal", max_length=300)

    def __init__(self, *args: Any, stages: list[Stage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "stage").choices = [(s.slug, s.name) for s in stages]


class GoalCloseForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(Goal.Status.ACHIEVED, "Achieved"), (Goal.Status.SET_ASIDE, "Set aside")]
    )


class AssessmentForm(forms.Form):
    stage = forms.ChoiceField(label="Stage")
    percent = forms.IntegerField(label="How far through the stage (%)", min_value=0, max_value=100)
    comment = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, stages: list[Stage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "stage").choices = [(s.slug, s.name) for s in stages]


PRIVACY_CHOICES = [
    ("", "Check for identifiable details first"),
    ("redacted", "Save the redacted version"),
    ("as_written", "Save as I wrote it (I am sure nobody can be identified)"),
]


class JournalForm(forms.Form):
    """One text box per prompt of the chosen framework."""

    title = forms.CharField(max_length=200)
    step = forms.ChoiceField(required=False, label="Pathway step (optional)")
    shared = forms.BooleanField(required=False, label="Share this entry with my mentor")
    privacy = forms.ChoiceField(choices=PRIVACY_CHOICES, required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, framework: FrameworkSpec, stages: list[Stage], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.framework = framework
        _choice_field(self, "step").choices = [("", "None")] + [
            (step.key, f"{stage.name}: {step.text}") for stage in stages for step in stage.steps
        ]
        for prompt in framework.prompts:
            self.fields[f"answer_{prompt.slug}"] = forms.CharField(
                label=prompt.label,
                help_text=prompt.question,
                required=False,
                max_length=6000,
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    def answers(self) -> dict[str, str]:
        return {
            p.slug: self.cleaned_data.get(f"answer_{p.slug}", "") for p in self.framework.prompts
        }

    def prompt_fields(self) -> list[forms.BoundField]:
        return [self[f"answer_{p.slug}"] for p in self.framework.prompts]


class WishesForm(forms.Form):
    interests = forms.CharField(required=False, max_length=300, label="What you want to grow in")
    lived_experience = forms.CharField(
        required=False,
        max_length=300,
        label="Lived experience you would like to talk about",
        help_text="Separate with commas.",
    )
    languages = forms.CharField(required=False, max_length=200, help_text="Separate with commas.")

    def lists(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "interests": data.get("interests", ""),
            "lived_experience": tuple(_lines(data.get("lived_experience", ""))),
            "languages": tuple(_lines(data.get("languages", ""))),
        }


class PairingRequestForm(forms.ModelForm):
    class Meta:
        model = Pairing
        fields = ["goals", "duration_weeks", "frequency", "code_of_conduct", "how_to_end"]
        labels = {
            "goals": "What we want from the pairing",
            "duration_weeks": "How long (weeks)",
            "frequency": "How often we meet",
            "how_to_end": "How either of us can end it",
        }
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 3}),
            "code_of_conduct": forms.Textarea(attrs={"rows": 4}),
            "how_to_end": forms.Textarea(attrs={"rows": 2}),
        }


class FeedbackForm(forms.Form):
    helpfulness = forms.TypedChoiceField(
        coerce=int, choices=[(n, str(n)) for n in range(1, 6)], label="How helpful was it (1-5)?"
    )
    went_well = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    to_change = forms.CharField(
        required=False,
        max_length=2000,
        label="What would you change?",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SessionForm(forms.Form):
    held_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label="Date")
    agenda = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    notes = forms.CharField(
        required=False,
        max_length=6000,
        label="Notes (both of you see them)",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    next_steps = forms.CharField(
        required=False,
        max_length=2000,
        label="Next steps (one a line)",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def next_step_list(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data["next_steps"].splitlines() if line.strip()
        ]


class AdoptForm(forms.Form):
    index = forms.IntegerField(min_value=0)
    stage = forms.ChoiceField()
    step = forms.ChoiceField(required=False)

    def __init__(self, *args: Any, stages: list[Stage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "stage").choices = [(s.slug, s.name) for s in stages]
        _choice_field(self, "step").choices = [("", "No particular step")] + [
            (step.key, step.text) for s in stages for step in s.steps
        ]


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", "Not rated")] + [(n, str(n)) for n in range(1, 6)],
        label="Rating on the competency's scale",
    )
    summary = forms.CharField(
        required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_question = forms.ChoiceField(required=False, label="Suggested next question")

    def __init__(self, *args: Any, questions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "next_question").choices = [("", "No suggestion"), *questions]


class AttemptShareForm(forms.Form):
    """The share / stop sharing button on an attempt's feedback page."""

    pairing = forms.IntegerField(min_value=1)
    action = forms.ChoiceField(choices=[("share", "Share"), ("withdraw", "Stop sharing")])


class CommentForm(forms.Form):
    sentence = forms.IntegerField(min_value=0, required=False)
    reply_to = forms.IntegerField(required=False)
    text = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class MentorProfileForm(forms.ModelForm):
    lived_experience_text = forms.CharField(
        required=False,
        max_length=500,
        label="Lived experience you are comfortable discussing",
        help_text="Separate with commas.",
    )
    languages_text = forms.CharField(required=False, max_length=200, label="Languages")

    class Meta:
        model = MentorProfile
        fields = ["niche", "availability", "capacity", "accepting"]


class LocalStepForm(forms.Form):
    stage = forms.ChoiceField()
    kind = forms.ChoiceField(choices=list(STEP_KINDS.items()))
    text = forms.CharField(max_length=300)
    prompt = forms.CharField(required=False, max_length=300)

    def __init__(self, *args: Any, stages: list[Stage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "stage").choices = [(s.slug, s.name) for s in stages]


class LocalResourceForm(forms.Form):
    step = forms.ChoiceField()
    title = forms.CharField(max_length=200)
    url = forms.URLField(required=False, max_length=500, assume_scheme="https")
    note = forms.CharField(required=False, max_length=300)

    def __init__(self, *args: Any, stages: list[Stage], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "step").choices = [
            (step.key, f"{s.name}: {step.text}") for s in stages for step in s.steps
        ]


class MentorsPerPartnerForm(forms.Form):
    mentors_per_partner = forms.IntegerField(
        min_value=1, max_value=5, label="Active mentors a partner may have at once"
    )
