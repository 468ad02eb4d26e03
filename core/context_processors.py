from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from core.languages import language_switch_links


def portal(request: HttpRequest) -> dict:
    """The portal's name and the same page's address in each language, for the header."""
    language = get_language() or settings.LANGUAGE_CODE
    return {
        "portal_name": settings.SALA_PORTAL_NAME.get(language, settings.SALA_PORTAL_NAME["en"]),
        "language_links": language_switch_links(request.get_full_path(), language),
    }
