from __future__ import annotations

from typing import Any

from django import forms
from django.template import TemplateSyntaxError
from django.utils.translation import gettext_lazy as _

from notifications.areas import area_topic
from notifications.registry import LANGUAGES, PARTS, Event, Message
from notifications.rendering import compiled, render_message
from notifications.topics import Topic, describe_topic

LANGUAGE_NAMES = {"km": _("Khmer"), "en": _("English")}
PART_LABELS = {
    "title": _("Inbox title"),
    "body": _("Inbox text"),
    "subject": _("Email subject"),
    "text": _("Email text"),
    "html": _("Email HTML"),
    "short": _("Short text (SMS and Telegram)"),
}
PART_HINTS = {
    "subject": _("Empty: the inbox title."),
    "text": _("Empty: the inbox text."),
    "html": _("Empty: the email text with its line breaks."),
    "short": _("Empty: the inbox title and the link."),
}


class PreferencesForm(forms.Form):
    email = forms.BooleanField(label=_("Email"), required=False)
    sms = forms.BooleanField(label=_("Text messages (SMS)"), required=False)
    telegram = forms.BooleanField(label=_("Telegram"), required=False)


class BroadcastForm(forms.Form):
    area = forms.CharField(
        label=_("Area code"),
        max_length=8,
        help_text=_(
            "The gazetteer code of the province, district or commune, for example 12 for "
            "Phnom Penh. Everyone following this area or an area inside it receives the "
            "announcement."
        ),
        widget=forms.TextInput(attrs={"class": "input input--short", "inputmode": "numeric"}),
    )
    title_km = forms.CharField(label=_("Title in Khmer"), max_length=200)
    body_km = forms.CharField(
        label=_("Text in Khmer"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
    title_en = forms.CharField(label=_("Title in English"), max_length=200)
    body_en = forms.CharField(
        label=_("Text in English"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def clean_area(self) -> Topic:
        code = self.cleaned_data["area"].strip()
        topic = describe_topic(area_topic(code)) if code.isdigit() else None
        if topic is None:
            raise forms.ValidationError(
                _("No area has the code “%(code)s”."), params={"code": code}
            )
        return topic


class TemplateForm(forms.Form):
    """Every part of an event's message in both languages; each must compile and render
    with the event's example context."""

    def __init__(
        self, event: Event, initial_messages: dict[str, Message], *args: Any, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.event = event
        for language in LANGUAGES:
            for part in PARTS:
                self.fields[f"{language}_{part}"] = forms.CharField(
                    label=f"{PART_LABELS[part]} ({LANGUAGE_NAMES[language]})",
                    required=part == "title",
                    initial=getattr(initial_messages[language], part),
                    help_text=PART_HINTS.get(part, ""),
                    strip=False,
                    max_length=10_000,
                    widget=forms.Textarea(
                        attrs={"rows": 2 if part in ("title", "subject", "short") else 5}
                    ),
                )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for name, value in list(cleaned.items()):
            try:
                compiled(value or "")
            except TemplateSyntaxError as error:
                self.add_error(name, _("This template has an error: %(error)s") % {"error": error})
        if not self.errors:
            for language in LANGUAGES:
                try:
                    render_message(
                        self.event.name,
                        language,
                        self.event.example,
                        message=self.message(language),
                    )
                except Exception as error:  # noqa: BLE001 - any template failure is the editor's to fix
                    self.add_error(
                        None,
                        _("The message cannot be shown with the example: %(error)s")
                        % {"error": error},
                    )
        return cleaned

    def message(self, language: str) -> Message:
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return Message(**{part: data.get(f"{language}_{part}") or "" for part in PARTS})

    def fields_of(self, language: str) -> list:
        return [self[f"{language}_{part}"] for part in PARTS]


class DeliverySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Username or email address"),
        max_length=254,
        required=False,
        widget=forms.TextInput(attrs={"class": "input", "autocomplete": "off"}),
    )
