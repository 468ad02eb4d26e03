"""Khmer and English formatting of numbers, dates and money.

Khmer pages show Khmer digits (០-៩) and Khmer month and weekday names; English pages show
ASCII digits and English names. Riel amounts are whole numbers (the riel has no coins in
use); dollar amounts keep cents.
"""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
ASCII_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")

KHMER_MONTHS = (
    "មករា",
    "កុម្ភៈ",
    "មីនា",
    "មេសា",
    "ឧសភា",
    "មិថុនា",
    "កក្កដា",
    "សីហា",
    "កញ្ញា",
    "តុលា",
    "វិច្ឆិកា",
    "ធ្នូ",
)
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Monday first, as datetime.weekday() counts.
KHMER_WEEKDAYS = ("ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ")
ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

CURRENCY_DECIMALS = {"KHR": 0, "USD": 2}
DATE_STYLES = ("short", "long", "full")


def is_khmer(language: str | None) -> bool:
    return (language or "").split("-")[0] == "km"


def to_khmer_digits(text: object) -> str:
    return str(text).translate(KHMER_DIGITS)


def to_ascii_digits(text: object) -> str:
    return str(text).translate(ASCII_DIGITS)


def localise_digits(text: object, language: str | None) -> str:
    return to_khmer_digits(text) if is_khmer(language) else str(text)


# Web and email addresses keep their digits: a person copies or types them as written.
_ADDRESS_OR_DIGITS = re.compile(r"(https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)|[0-9]+")


def localise_prose_digits(text: object, language: str | None) -> str:
    """Return running text with its digits in the language's script (Khmer digits on
    Khmer pages), leaving web and email addresses in it as they are."""
    if not is_khmer(language):
        return str(text)
    return _ADDRESS_OR_DIGITS.sub(
        lambda match: match.group(1) or to_khmer_digits(match.group(0)), str(text)
    )


def format_number(
    value: int | float | Decimal | str, language: str | None, decimals: int = 0
) -> str:
    """Return the number grouped by thousands, with Khmer digits on Khmer pages."""
    amount = _to_decimal(value)
    quantum = Decimal(1).scaleb(-decimals)
    text = f"{amount.quantize(quantum, rounding=ROUND_HALF_UP):,.{decimals}f}"
    return localise_digits(text, language)


def format_money(value: int | float | Decimal | str, currency: str, language: str | None) -> str:
    """Return an amount of KHR or USD as a citizen reads it, e.g. "៥០,០០០ រៀល" or "$12.50"."""
    code = currency.upper()
    if code not in CURRENCY_DECIMALS:
        raise ValueError(f"Unsupported currency {currency!r}; Sala shows KHR and USD.")
    number = format_number(value, language, CURRENCY_DECIMALS[code])
    if code == "USD":
        return f"${number}" if not number.startswith("-") else f"-${number[1:]}"
    return f"{number} រៀល" if is_khmer(language) else f"{number} riel"


def format_date(value: datetime.date, language: str | None, style: str = "long") -> str:
    """Return a date in the page's language.

    short: ២៥/១១/២០២៦ or 25/11/2026; long: ២៥ វិច្ឆិកា ២០២៦ or 25 November 2026;
    full: ថ្ងៃពុធ ទី២៥ ខែវិច្ឆិកា ឆ្នាំ២០២៦ or Wednesday 25 November 2026.
    """
    if style not in DATE_STYLES:
        raise ValueError(f"Unknown date style {style!r}; use one of {', '.join(DATE_STYLES)}.")
    if isinstance(value, datetime.datetime):
        value = value.date()
    day, month, year = value.day, value.month, value.year
    if style == "short":
        return localise_digits(f"{day:02d}/{month:02d}/{year}", language)
    if is_khmer(language):
        month_name = KHMER_MONTHS[month - 1]
        if style == "long":
            return to_khmer_digits(f"{day} {month_name} {year}")
        weekday = KHMER_WEEKDAYS[value.weekday()]
        return to_khmer_digits(f"ថ្ងៃ{weekday} ទី{day} ខែ{month_name} ឆ្នាំ{year}")
    month_name = ENGLISH_MONTHS[month - 1]
    if style == "long":
        return f"{day} {month_name} {year}"
    return f"{ENGLISH_WEEKDAYS[value.weekday()]} {day} {month_name} {year}"


def format_time(value: datetime.time | datetime.datetime, language: str | None) -> str:
    """Return a 24-hour time, e.g. ១៤:០៥ or 14:05."""
    return localise_digits(f"{value.hour:02d}:{value.minute:02d}", language)


def _to_decimal(value: int | float | Decimal | str) -> Decimal:
    try:
        return (
            Decimal(to_ascii_digits(value).replace(",", ""))
            if isinstance(value, str)
            else Decimal(str(value))
        )
    except InvalidOperation:
        raise ValueError(f"Not a number: {value!r}") from None
