"""A file's size as a learner reads it before opening it: "340 KB", "៣,៤ MB" on Khmer pages."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.formatting import format_number


def size_label(size_bytes: int) -> str:
    language = get_language()
    if size_bytes < 1024 * 1024:
        kilobytes = max(1, round(size_bytes / 1024))
        return _("%(size)s KB") % {"size": format_number(kilobytes, language)}
    megabytes = size_bytes / (1024 * 1024)
    return _("%(size)s MB") % {"size": format_number(megabytes, language, decimals=1)}
