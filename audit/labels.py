"""What each kind of audit entry means, in words a person reads (the office's audit page
and "Who used my data").

The apps that write entries register their actions' labels here (audit imports no app);
the first ones, written by the apps below, are listed directly. An action without a label
shows its dotted name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# A label, or a function that words it from the entry's data.
Label = Promise | str | Callable[[dict[str, Any]], str]

_LABELS: dict[str, Label] = {
    "accounts.role.granted": _("An office role was granted"),
    "accounts.role.ended": _("An office role was ended"),
    "accounts.mobile.verified": _("The mobile number was verified with a code sent by SMS"),
    "documents.document.issued": _("A document was issued"),
    "documents.document.revoked": _("A document was revoked"),
    "services.formversion.published": _("A form version was published"),
    "geo.jurisdiction.set": _("The areas an office serves were set"),
    "aggregation.item.published": _("An announcement from another source was published"),
    "content.page.approved": _("A page was approved"),
    "content.page.rejected": _("A page was sent back to its editor"),
    "cases.counter.taken": _("An application was taken at the counter"),
    "cases.case.viewed": _("An officer opened the application"),
    "cases.case.refused": _("An officer was refused the application"),
    "cases.attachment.viewed": _("An officer opened a file of the application"),
    "documents.document.downloaded": _("An officer downloaded the issued document"),
}


# What an entry is about, worded from its data, for actions whose object's name is not
# what a person reads (a registry lookup is about a case, not the lookup's row).
_ABOUT: dict[str, Callable[[dict[str, Any]], str]] = {}


def register_action_label(
    action: str, label: Label, *, about: Callable[[dict[str, Any]], str] | None = None
) -> None:
    """Give the action (`<app>.<object>.<verb>`) a label for the audit pages, and
    optionally a wording of what it is about."""
    _LABELS[action] = label
    if about is not None:
        _ABOUT[action] = about


def about_label(action: str, data: dict | None, object_repr: str) -> str:
    """Return what the entry is about, in the active language where the action words it."""
    about = _ABOUT.get(action)
    return about(data or {}) if about is not None else object_repr


# An opening of a case says in its data what was opened (`cases.access.record_access`).
_WHAT_OPENED = {
    "attachment": "cases.attachment.viewed",
    "document": "documents.document.downloaded",
}


def action_label(action: str, data: dict | None = None) -> str:
    """Return the action's label in the active language, or its dotted name."""
    if action == "cases.case.viewed" and data:
        action = _WHAT_OPENED.get(str(data.get("what")), action)
    label = _LABELS.get(action)
    if callable(label):
        return label(data or {})
    return str(label) if label is not None else action
