"""Addresses of the same page in each language (the URL's first segment is the language)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language


def in_language(km: str, en: str, language: str | None = None) -> str:
    """Return the Khmer or the English text for the active language, else the other one."""
    language = language or get_language() or "km"
    first, second = (en, km) if language.startswith("en") else (km, en)
    return first or second


# Each language's name written in that language, as a reader looks for it.
NATIVE_NAMES = {"km": "ខ្មែរ", "en": "English"}


def path_in_language(path: str, language: str) -> str:
    """Return the same path and query with its language prefix set to `language`."""
    codes = {code for code, _name in settings.LANGUAGES}
    route, question, query = path.partition("?")
    first, _slash, rest = route.lstrip("/").partition("/")
    if first not in codes:
        rest = route.lstrip("/")
    return f"/{language}/{rest}{question}{query}"


def language_switch_links(path: str, current: str) -> list[dict]:
    """Return each language's address of the page: `url` for links, `absolute_url` (on
    SALA_SITE_URL) for the alternate links that search engines read."""
    return [
        {
            "code": code,
            "name": NATIVE_NAMES.get(code, code),
            "url": path_in_language(path, code),
            "absolute_url": f"{settings.SALA_SITE_URL}{path_in_language(path, code)}",
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
