"""How a registry lookup reads on "Who used my data": which register was asked for which
of the person's data, whether its answer was used, and for which service and case."""

from __future__ import annotations

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
    case = str(data.get("case", ""))
    purpose = str(data.get("purpose", ""))
    if not case or case.startswith("draft-"):
        return str(format_lazy("{}: {}", purpose, _("your application, before it was sent")))
    return f"{purpose}: {case}"
