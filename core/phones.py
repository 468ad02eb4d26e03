"""One parser of Cambodian phone numbers for every form and message.

People write numbers as they see them: "012 345 678", "012345678", "012-345-678",
"+855 12 345 678", "00855 12 345 678", "(+855) 12345678", and on Khmer forms in Khmer
digits (០១២ ៣៤៥ ៦៧៨). `phonenumbers` (Google's libphonenumber metadata) parses them with
Cambodia as the default region. Stored and sent: the international form (+85512345678).

- `normalise_mobile`: a Cambodian mobile number (what receives SMS codes and messages);
  fixed lines such as 023 … are refused.
- `normalise_phone`: any Cambodian number (an office's desk line included).
- `MobileNumberField`: the form field for a mobile number (sign-up, profile, counter
  intake, application forms).

The messages name the formats people know, never the standard's name.
"""

from __future__ import annotations

from typing import Any

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}
MOBILE_MESSAGE = _("Enter a Cambodian mobile number, like 012 345 678 or +855 12 345 678.")
PHONE_MESSAGE = _("Enter a Cambodian phone number, like 023 880 880 or 012 345 678.")


def _parse(value: str) -> phonenumbers.PhoneNumber | None:
    """Return the number if it is a valid Cambodian one, else None."""
    text = (value or "").translate(KHMER_DIGITS).strip()
    if text.startswith("00"):
        # The "00" international prefix used in most countries.
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, "KH")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number) or (
        phonenumbers.region_code_for_number(number) != "KH"
    ):
        return None
    return number


def normalise_mobile(value: str) -> str:
    """Return a Cambodian mobile number as +85512345678, or raise ValidationError."""
    number = _parse(value)
    if number is None or phonenumbers.number_type(number) not in MOBILE_TYPES:
        raise ValidationError(MOBILE_MESSAGE, code="invalid_mobile")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_phone(value: str) -> str:
    """Return any Cambodian phone number as +85523123456, or raise ValidationError."""
    number = _parse(value)
    if number is None:
        raise ValidationError(PHONE_MESSAGE, code="phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_format(value: str) -> str:
    """Return a stored number as Cambodians write it (012 345 678); "" for ""."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, "KH")
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


class MobileNumberField(forms.CharField):
    """A Cambodian mobile number as people type it; cleaned to +855…, or "" if empty."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Mobile number"))
        kwargs.setdefault("help_text", _("A Cambodian mobile number, e.g. 012 345 678."))
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"type": "tel", "autocomplete": "tel-national"})
        )
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        value = super().clean(value)
        return normalise_mobile(value) if value else ""
