"""Cambodian identity numbers: national ID card numbers and mobile numbers.

Each kind has a `normalise_*` function (what forms call: it accepts what people type and
returns the stored form, or raises ValidationError) and a `validate_*` function (what the
model field runs on the stored form).

National ID card numbers. The Khmer Nationality Identity Card printed by the General
Department of Identification (Ministry of Interior) carries a number of digits only:
cards of the older series have 9 digits, and people copy them with spaces or hyphens in
between and, on Khmer forms, in Khmer digits. The newer machine-readable cards put the
number into an ICAO 9303 TD1 machine-readable zone, whose document-number field holds 9
characters and whose standard allows longer numbers to overflow into the optional data,
so we also accept 10, 11 or 12 digits rather than guess a single new length. No check
digit algorithm for the printed number is published, so none is checked; a number is
only proved to belong to its holder by the national digital-ID login (identity
verification), never by this format check. Stored: ASCII digits, no separators.

Mobile numbers: parsed by the portal's one phone parser (core.phones), so
"012 345 678", "+855 12 345 678" and Khmer digits are all accepted; only valid Cambodian
mobile numbers pass (fixed lines such as 023 … cannot receive SMS codes). Stored: E.164,
e.g. +85512345678.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core import phones

KHMER_DIGITS = phones.KHMER_DIGITS
NATIONAL_ID_SEPARATORS = re.compile(r"[\s\-./]+")
NATIONAL_ID_FORMAT = re.compile(r"[0-9]{9,12}")


def normalise_national_id(value: str) -> str:
    """Return the national ID number as 9 to 12 ASCII digits, or raise ValidationError."""
    digits = NATIONAL_ID_SEPARATORS.sub("", value.translate(KHMER_DIGITS))
    validate_national_id(digits)
    return digits


def validate_national_id(value: str) -> None:
    if not NATIONAL_ID_FORMAT.fullmatch(value):
        raise ValidationError(
            _("Enter the number on your national ID card: 9 to 12 digits."),
            code="invalid_national_id",
        )


def normalise_mobile(value: str) -> str:
    """Return a Cambodian mobile number in E.164 form, or raise ValidationError."""
    return phones.normalise_mobile(value)


def validate_mobile(value: str) -> None:
    if phones.normalise_mobile(value) != value:
        raise ValidationError(phones.MOBILE_MESSAGE, code="invalid_mobile")


def national_mobile(value: str) -> str:
    """Return a stored E.164 mobile number as Cambodians write it: 012 345 678."""
    return phones.national_format(value)


# Organisations: the registration number on the Ministry of Commerce's certificate of
# incorporation. The online business registration system numbers businesses with digits
# only (we accept 5 to 10, Khmer digits and spaces allowed); certificates issued before
# it carry numbers such as "Co. 1234 E/2012", which we keep as "CO.1234E/2012".
REGISTRATION_DIGITS = re.compile(r"[0-9]{5,10}")
LEGACY_REGISTRATION = re.compile(r"CO\.?([0-9]{1,6})([EK]?)/([0-9]{4})")


def normalise_registration_number(value: str) -> str:
    """Return a registration number in its stored form, or raise ValidationError."""
    text = re.sub(r"\s+", "", value.translate(KHMER_DIGITS)).upper()
    if REGISTRATION_DIGITS.fullmatch(text):
        return text
    if match := LEGACY_REGISTRATION.fullmatch(text):
        return f"CO.{match[1]}{match[2]}/{match[3]}"
    raise ValidationError(
        _(
            "Enter the registration number from the certificate of incorporation, "
            "e.g. 00012345 or Co. 1234 E/2012."
        ),
        code="invalid_registration_number",
    )


def validate_registration_number(value: str) -> None:
    if normalise_registration_number(value) != value:
        raise ValidationError(
            _(
                "Enter the registration number from the certificate of incorporation, "
                "e.g. 00012345 or Co. 1234 E/2012."
            ),
            code="invalid_registration_number",
        )
