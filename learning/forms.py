"""The quiz as a Django form built from its questions, and the badge check form."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from geo.models import Facility
from learning.models import QuestionKind, Quiz
from learning.quizzes import CHOICE_KINDS, parse_number


class QuizForm(forms.Form):
    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, quiz: Quiz, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(quiz.questions.prefetch_related("choices"))
        for question in self.questions:
            name = f"q{question.pk}"
            choices = [(str(c.pk), c.text) for c in question.choices.all()]
            if question.kind == QuestionKind.MULTIPLE:
                self.fields[name] = forms.MultipleChoiceField(
                    label=question.prompt,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=_("Choose every answer that is right."),
                    error_messages={"required": _("Choose at least one answer.")},
                )
            elif question.kind in CHOICE_KINDS:
                self.fields[name] = forms.ChoiceField(
                    label=question.prompt,
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose an answer.")},
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.prompt,
                    max_length=200,
                    error_messages={"required": _("Write an answer.")},
                    help_text=_("Write a number, in Khmer or Latin digits.")
                    if question.kind == QuestionKind.NUMBER
                    else "",
                )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for question in self.questions:
            name = f"q{question.pk}"
            if (
                question.kind == QuestionKind.NUMBER
                and cleaned.get(name)
                and parse_number(cleaned[name]) is None
            ):
                self.add_error(name, _("Write a number, for example 25 or ២៥."))
        return cleaned

    def answers(self) -> dict[str, Any]:
        """{question id: [choice ids] or text}, as quizzes.mark reads them."""
        result: dict[str, Any] = {}
        for question in self.questions:
            value = self.cleaned_data[f"q{question.pk}"]
            if question.kind in CHOICE_KINDS:
                value = [int(v) for v in (value if isinstance(value, list) else [value])]
            result[str(question.pk)] = value
        return result


class BadgeCheckForm(forms.Form):
    badge = forms.FileField(
        label=_("The badge file (.json)"),
        help_text=_("The file you downloaded from your course page."),
        error_messages={"required": _("Choose the badge file to check.")},
    )

    def clean_badge(self) -> Any:
        upload = self.cleaned_data["badge"]
        if upload.size > 100_000:
            raise forms.ValidationError(_("This file is too large to be a badge."))
        try:
            return json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise forms.ValidationError(_("This file is not a badge: it is not JSON.")) from None


class AssistedLearnerForm(forms.Form):
    name_km = forms.CharField(
        label=_("Name in Khmer"), max_length=150,
        error_messages={"required": _("Write the learner's name.")},
    )  # fmt: skip
    name_latin = forms.CharField(label=_("Name in Latin letters"), max_length=150, required=False)
    office = forms.ModelChoiceField(
        label=_("Office"), queryset=Facility.objects.none(), empty_label=None,
        error_messages={"required": _("Choose the office.")},
    )  # fmt: skip

    def __init__(self, *args: Any, offices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices  # type: ignore[attr-defined]


class QuizScoreForm(forms.Form):
    quiz = forms.IntegerField(widget=forms.HiddenInput)
    score = forms.CharField(
        label=_("Score on paper (percent)"), max_length=20,
        error_messages={"required": _("Write the score, from 0 to 100.")},
    )  # fmt: skip

    def clean_score(self) -> int:
        number = parse_number(self.cleaned_data["score"])
        if number is None or not 0 <= number <= 100 or number != int(number):
            raise forms.ValidationError(_("Write the score as a whole number from 0 to 100."))
        return int(number)
