from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.formatting import format_date, format_number, to_ascii_digits
from geo.models import Facility
from health.dhis2 import Month
from health.models import DangerSign, Group, Slot, Who
from services.attachments import check_photos

YES, NO = "yes", "no"


class GroupForm(forms.Form):
    group = forms.ChoiceField(
        label=_("Who is ill?"),
        choices=Group.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who is ill."),
            "invalid_choice": _("Choose who is ill."),
        },
    )


class DangerSignForm(forms.Form):
    """One yes/no question per danger sign; every one must be answered."""

    def __init__(self, *args, signs: list[DangerSign], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.signs = signs
        for sign in signs:
            self.fields[sign.code] = forms.ChoiceField(
                label=sign.question,
                choices=[(YES, _("Yes")), (NO, _("No"))],
                widget=forms.RadioSelect,
                error_messages={"required": _("Answer yes or no.")},
            )

    def signs_present(self) -> list[str]:
        return [code for code, answer in self.cleaned_data.items() if answer == YES]


class AreaSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Your commune, district or province"),
        max_length=100,
        error_messages={"required": _("Enter the name of your commune, district or province.")},
    )


class CentreChoiceField(forms.ModelChoiceField):
    """Health centres with the area they are in, whose name may be shared."""

    def label_from_instance(self, obj: Facility) -> str:
        return f"{obj.name} ({obj.area.name_with_parents})"


class ReferralChoiceField(forms.ModelChoiceField):
    """Hospitals and health centres with their area."""

    def label_from_instance(self, obj: Facility) -> str:
        return f"{obj.name} ({obj.area.name})"


class SlotChoiceField(forms.ModelChoiceField):
    """A time by its day, window and the places left."""

    def label_from_instance(self, obj: Slot) -> str:
        return slot_label(obj)


class MultiplePhotoInput(forms.FileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to three photos, checked by their bytes (`services.attachments.check_photos`); cleaned
    to a list of (upload, content type)."""

    widget = MultiplePhotoInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Photos"))
        kwargs.setdefault(
            "help_text",
            _(
                "Up to 3 photos, for example of a rash or a wound: JPEG, PNG or WebP, "
                "5 MB each at most. Only you, a carer you name and the health workers see them."
            ),
        )
        super().__init__(**kwargs)
        self.widget.attrs.update({"accept": "image/jpeg,image/png,image/webp", "multiple": True})

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        for upload in uploads:
            super().clean(upload, initial)
        return check_photos(uploads)


class QuestionForm(forms.Form):
    office = CentreChoiceField(
        label=_("Which health centre should answer?"),
        queryset=Facility.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Choose a health centre."),
            "invalid_choice": _("Choose a health centre."),
        },
    )
    who = forms.ChoiceField(
        label=_("Who is ill?"),
        choices=Who.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who is ill."),
            "invalid_choice": _("Choose who is ill."),
        },
    )
    age_years = forms.IntegerField(
        label=_("Their age in years"),
        help_text=_("For a baby under one year, enter 0."),
        min_value=0,
        max_value=120,
        widget=forms.NumberInput(attrs={"class": "input--short", "inputmode": "numeric"}),
        error_messages={
            "required": _("Enter the age in years."),
            "invalid": _("Enter the age as a number of years, like 4."),
            "min_value": _("Enter the age as a number of years, like 4."),
            "max_value": _("Enter an age of 120 years or less."),
        },
    )
    symptoms = forms.CharField(
        label=_("What is wrong?"),
        help_text=_("Describe the symptoms and what you would like to know."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Describe what is wrong."),
            "max_length": _("Write at most 2,000 characters."),
        },
    )
    since = forms.CharField(
        label=_("Since when?"),
        help_text=_("For example: since yesterday evening, for three days."),
        max_length=100,
        error_messages={
            "required": _("Say since when."),
            "max_length": _("Write at most 100 characters."),
        },
    )

    photos = PhotosField()

    def __init__(self, *args, centres, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(CentreChoiceField, self.fields["office"]).queryset = centres  # as declared


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Write a message."),
            "max_length": _("Write at most 4,000 characters."),
        },
    )


class FollowUpForm(MessageForm):
    """The person's (or carer's) next message, with photos."""

    photos = PhotosField()


class AnswerForm(MessageForm):
    referral = ReferralChoiceField(
        label=_("Refer the person to"),
        queryset=Facility.objects.none(),
        required=False,
        empty_label=_("No referral"),
        help_text=_("A hospital or health centre the person should go to."),
        error_messages={"invalid_choice": _("Choose a hospital or health centre from the list.")},
    )
    close = forms.BooleanField(
        label=_("This is the final advice: close the question"),
        required=False,
        help_text=_("Leave this unticked to ask the person a question back."),
    )

    def __init__(self, *args, facilities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(ReferralChoiceField, self.fields["referral"]).queryset = facilities  # as declared


RATINGS = [
    (5, _("5: very helpful")),
    (4, _("4: helpful")),
    (3, _("3: partly helpful")),
    (2, _("2: not very helpful")),
    (1, _("1: not helpful")),
]


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How helpful was the answer?"),
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how helpful the answer was."),
            "invalid_choice": _("Choose how helpful the answer was."),
        },
    )


class CarerForm(forms.Form):
    identifier = forms.CharField(
        label=_("Your carer's e-mail address or mobile number"),
        max_length=254,
        help_text=_("They need a Sala account. They will be able to read and write here."),
        error_messages={"required": _("Enter your carer's e-mail address or mobile number.")},
    )


class MonthForm(forms.Form):
    month = forms.CharField(
        label=_("Month"),
        max_length=7,
        help_text=_("For example 2026-11."),
        widget=forms.TextInput(attrs={"type": "month", "inputmode": "numeric"}),
        error_messages={"required": _("Enter a month.")},
    )

    def clean_month(self) -> Month:
        try:
            return Month.parse(to_ascii_digits(self.cleaned_data["month"]))
        except ValueError:
            raise forms.ValidationError(
                _("Enter the month as year and month, for example 2026-11.")
            ) from None


class TicketForm(forms.Form):
    """What the desk types: the ticket number, or the code under its QR code."""

    ticket = forms.CharField(
        label=_("Ticket number"),
        help_text=_(
            "As on the ticket, for example M-007, or the 16-character code under the QR code."
        ),
        max_length=40,
        error_messages={"required": _("Type the ticket number.")},
    )


class MoveForm(forms.Form):
    """Another time of the same service at the same health centre."""

    slot = SlotChoiceField(
        label=_("New day and time"),
        queryset=Slot.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Choose a new day and time."),
            "invalid_choice": _("This time can no longer be chosen. Choose another."),
        },
    )

    def __init__(self, *args, slots, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(SlotChoiceField, self.fields["slot"]).queryset = slots  # as declared


def slot_label(slot: Slot) -> str:
    language = get_language() or "km"
    return _("%(day)s, %(time)s: %(left)s places left") % {
        "day": format_date(slot.date, language),
        "time": slot.time_label,
        "left": format_number(slot.places_left, language),
    }
