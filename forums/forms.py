from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forums import roles, writing
from forums.models import AbuseReport

BODY_HELP = _(
    "You may use Markdown: **bold**, *italic*, lists with -, links as [text](address). "
    "No pictures from other websites, no scripts."
)


class MarkdownField(forms.CharField):
    """Markdown checked by `forums.writing.check`; its length too, with our message."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 8}))
        kwargs.setdefault("help_text", BODY_HELP)
        kwargs.setdefault("error_messages", {"required": _("Write something before you send.")})
        super().__init__(strip=False, **kwargs)

    def clean(self, value):
        return writing.check(super().clean(value) or "")


class AskForm(forms.Form):
    title = forms.CharField(
        label=_("Your question in one line"),
        max_length=200,
        error_messages={
            "required": _("Write a title for your question."),
            "max_length": _("Keep the title to 200 characters or fewer."),
        },
    )
    body = MarkdownField(
        label=_("Say more: what you need to know, and what you have tried"),
    )


class ReplyForm(forms.Form):
    body = MarkdownField(label=_("Your answer"))
    answer_as: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Answer for"),
        queryset=None,
        required=False,
        empty_label=_("Myself, not for an office"),
        help_text=_("An answer for your office shows a verified badge with its name."),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        offices = roles.answering_offices(user) if user.is_authenticated else None
        if offices is None or not offices.exists():
            del self.fields["answer_as"]
        else:
            field = self.fields["answer_as"]
            field.queryset = offices  # type: ignore[attr-defined]
            field.initial = offices.first()


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=AbuseReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose why you are reporting this."),
            "invalid_choice": _("Choose why you are reporting this."),
        },
    )
    note = forms.CharField(
        label=_("Anything the moderator should know"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HideForm(ReportForm):
    reason = forms.ChoiceField(
        label=_("Why hide it? The author is told."),
        choices=AbuseReport.Reason.choices,
        error_messages={
            "required": _("Choose why you hide this."),
            "invalid_choice": _("Choose why you hide this."),
        },
    )
    note = forms.CharField(
        label=_("A word to the author"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CommentForm(forms.Form):
    body = MarkdownField(label=_("Your comment"))


class ConsultationForm(forms.Form):
    office: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Published by"), queryset=None, empty_label=None
    )
    title_km = forms.CharField(
        label=_("Title in Khmer"),
        max_length=200,
        error_messages={"required": _("Write the title in Khmer.")},
    )
    title_en = forms.CharField(
        label=_("Title in English"),
        max_length=200,
        error_messages={"required": _("Write the title in English.")},
    )
    body_km = MarkdownField(
        label=_("The question or draft, in Khmer"),
        error_messages={"required": _("Write the question or draft in Khmer.")},
    )
    body_en = MarkdownField(
        label=_("The question or draft, in English"),
        error_messages={"required": _("Write the question or draft in English.")},
    )
    closes_on = forms.DateField(
        label=_("Closes at the end of"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Enter the closing date."),
            "invalid": _("Enter the closing date as YYYY-MM-DD."),
        },
    )
    threshold = forms.IntegerField(
        label=_("Supports that oblige a public response"),
        min_value=1,
        max_value=1_000_000,
        error_messages={"required": _("Enter how many supports oblige a response.")},
    )
    response_days = forms.IntegerField(
        label=_("Days the office has to respond once that many support it"),
        min_value=1,
        max_value=180,
        error_messages={"required": _("Enter how many days the office has to respond.")},
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = roles.publishing_offices(user)  # type: ignore[attr-defined]

    def clean_closes_on(self) -> datetime.date:
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("The closing date must be in the future."))
        return closes_on

    def closes_at(self) -> datetime.datetime:
        day_after = self.cleaned_data["closes_on"] + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time()))


class ResponseForm(forms.Form):
    response_km = MarkdownField(label=_("The office's response, in Khmer"))
    response_en = MarkdownField(label=_("The office's response, in English"))
