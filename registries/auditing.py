"""How a registry lookup reads on "Who used my data": which register was asked for which
of the person's data, whether its answer was used, and for which service and case.

A lookup made while the application was a draft names its case "draft-<its public id>":
the case reference is given only when the application is sent, and audit entries never
change. The app that keeps applications (services, which registries does not import)
registers with `register_sent_reference` how to find that reference at read time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from registries.models import Lookup

FIELD_NAMES: dict[str, Promise] = {
    "name": _("name"),
    "date_of_birth": _("date of birth"),
    "address": _("address"),
    "company_name": _("company name"),
    "registration_number": _("registration number"),
    "directors": _("directors"),
}


DRAFT_CASE_PREFIX = "draft-"
# sent_reference(case) -> the reference the draft that `case` names got when it was sent,
# or "" while it is a draft.
SentReference = Callable[[str], str]
_sent_references: list[SentReference] = []


def register_sent_reference(sent_reference: SentReference) -> None:
    _sent_references.append(sent_reference)


def case_as_sent(case: str) -> str:
    """Return the case reference, that of the sent application for a draft's case, or ""
    for a draft not sent yet."""
    if not case.startswith(DRAFT_CASE_PREFIX):
        return case
    return next(filter(None, (sent(case) for sent in _sent_references)), "")


def lookup_label(data: dict[str, Any]) -> str:
    """E.g. "The Business register was asked for: company name, directors"."""
    registry = data.get("registry", "")
    register = Lookup.Registry(registry).label if registry in Lookup.Registry.values else registry
    fields = ", ".join(str(FIELD_NAMES.get(f, f)) for f in data.get("fields") or [])
    label = gettext("The %(register)s was asked for: %(fields)s") % {
        "register": register,
        "fields": fields,
    }
    outcome = data.get("outcome", "")
    if outcome and outcome != Lookup.Outcome.ANSWERED and outcome in Lookup.Outcome.values:
        label += " " + gettext("(not used: %(why)s)") % {"why": Lookup.Outcome(outcome).label}
    return label


def lookup_about(data: dict[str, Any]) -> str:
    """The service the lookup was made for, and its case (or the draft, not yet sent)."""
    case = case_as_sent(str(data.get("case", "")))
    purpose = str(data.get("purpose", ""))
    if not case:
        return str(format_lazy("{}: {}", purpose, _("your application, before it was sent")))
    return f"{purpose}: {case}"
