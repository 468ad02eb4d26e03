"""The errors of the actions on a case (shown to the person in their language)."""

from __future__ import annotations

from django.utils.translation import gettext as _


class CaseActionError(Exception):
    """The action cannot be taken; the message says why, in the person's language."""


class StaleCaseError(CaseActionError):
    """The case changed since the person loaded the page."""


def stale_message() -> str:
    return _(
        "Someone changed this case after you opened the page, so nothing was done. "
        "Check what changed below and try again if it is still needed."
    )
