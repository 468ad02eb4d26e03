"""Validators and normalisers for facility contact data and locations."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core import phones

# A box around Cambodia, islands included, with a little margin. Catches swapped
# latitude/longitude, the most common mistake in spreadsheets.
LATITUDE_RANGE = (Decimal("9.5"), Decimal("15.0"))
LONGITUDE_RANGE = (Decimal("102.0"), Decimal("108.0"))

TELEGRAM_URL = re.compile(r"^https://t\.me/(?P<name>[A-Za-z][A-Za-z0-9_]{4,31})/?$")
TELEGRAM_PREFIXES = (
    "https://t.me/",
    "http://t.me/",
    "https://telegram.me/",
    "http://telegram.me/",
    "t.me/",
    "telegram.me/",
)
TELEGRAM_NAME = re.compile(r"^@?(?P<name>[A-Za-z][A-Za-z0-9_]{4,31})$")


def normalise_phone(value: str) -> str:
    """Return a Cambodian phone number in E.164 form (+85512345678), or raise ValidationError."""
    return phones.normalise_phone(value)


def format_phone(value: str) -> str:
    """Return an E.164 number as people in Cambodia write it (012 345 678)."""
    return phones.national_format(value)


def validate_phone_list(value: object) -> None:
    if not isinstance(value, list):
        raise ValidationError(_("Phone numbers must be a list."), code="phones")
    for item in value:
        if not isinstance(item, str) or normalise_phone(item) != item:
            raise ValidationError(
                _("“%(value)s” is not a Cambodian phone number in international form."),
                code="phones",
                params={"value": item},
            )


def normalise_telegram(value: str) -> str:
    """Return a Telegram link as https://t.me/name from a link or an @name, or raise."""
    text = (value or "").strip()
    for prefix in TELEGRAM_PREFIXES:
        if text.lower().startswith(prefix):
            text = text[len(prefix) :].rstrip("/")
            break
    match = TELEGRAM_NAME.match(text)
    if not match:
        raise ValidationError(
            _("Enter a Telegram link such as https://t.me/name or @name."),
            code="telegram",
        )
    return f"https://t.me/{match['name']}"


def validate_telegram_url(value: str) -> None:
    if not TELEGRAM_URL.match(value or ""):
        raise ValidationError(
            _("Enter a Telegram link such as https://t.me/name."), code="telegram"
        )


def parse_coordinate(value: str | Decimal | float | None) -> Decimal | None:
    """Return a coordinate as a Decimal with six places, None when empty, or raise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError(
            _("“%(value)s” is not a number."), code="coordinate", params={"value": value}
        ) from exc
    if not number.is_finite():
        raise ValidationError(
            _("“%(value)s” is not a number."), code="coordinate", params={"value": value}
        )
    return number.quantize(Decimal("0.000001"))


def validate_latitude(value: Decimal) -> None:
    if value is not None and not LATITUDE_RANGE[0] <= value <= LATITUDE_RANGE[1]:
        raise ValidationError(
            _("Latitude %(value)s is outside Cambodia (between 9.5 and 15)."),
            code="latitude",
            params={"value": value},
        )


def validate_longitude(value: Decimal) -> None:
    if value is not None and not LONGITUDE_RANGE[0] <= value <= LONGITUDE_RANGE[1]:
        raise ValidationError(
            _("Longitude %(value)s is outside Cambodia (between 102 and 108)."),
            code="longitude",
            params={"value": value},
        )
