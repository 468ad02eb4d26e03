"""Template filters for Khmer and English numbers, dates and money (built in everywhere)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from core import formatting

register = template.Library()


@register.filter
def khmer_digits(value: object) -> str:
    """Return the value with ASCII digits written as Khmer digits, whatever the language."""
    return formatting.to_khmer_digits(value)


@register.filter
def local_digits(value: object) -> str:
    """Return the value with Khmer digits on Khmer pages and as it is on English ones."""
    return formatting.localise_digits(value, get_language())


@register.filter
def local_number(value: int | float | Decimal | str, decimals: int = 0) -> str:
    try:
        return formatting.format_number(value, get_language(), int(decimals))
    except (TypeError, ValueError):
        return ""


@register.filter
def money(value: int | float | Decimal | str, currency: str = "KHR") -> str:
    """{{ fee|money:"USD" }}: an amount as a citizen reads it in the page's language."""
    try:
        return formatting.format_money(value, currency, get_language())
    except (TypeError, ValueError):
        return ""


@register.filter
def local_date(value: datetime.date | None, style: str = "long") -> str:
    """{{ case.submitted_at|local_date:"full" }}: a date in the page's language."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formatting.format_date(value, get_language(), style)


@register.filter
def local_time(value: datetime.datetime | datetime.time | None) -> str:
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formatting.format_time(value, get_language())
