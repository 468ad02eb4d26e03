"""What a service costs: a fixed fee, or rules that add amounts depending on the answers.

`Service.fee_rules` is a list of {"when": condition, "khr": amount, "usd": amount}; the
condition has the same shape as in form definitions (`services.definitions.holds`). A rule
with "per": a field's key charges its amount per unit, times the (whole, non-negative)
number answered there (e.g. 5,000 riel per copy). A rule with "exempt": true whose
condition holds makes the service free for that person (e.g. IDPoor card holders),
whatever the other rules say; exemptions apply to fixed fees too.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from django.utils.translation import gettext as _

from services.definitions import holds


class Priced(Protocol):
    """What a fee is computed from (a `services.models.Service`)."""

    fee_kind: str
    fee_khr: Decimal | None
    fee_usd: Decimal | None
    fee_rules: list[dict[str, Any]]


def fee_rule_errors(rules: Any) -> list[str]:
    if not isinstance(rules, list):
        return [_("Fee rules must be a list.")]
    errors = []
    for number, rule in enumerate(rules, start=1):
        if isinstance(rule, dict) and rule.get("exempt") is True:
            continue
        if not isinstance(rule, dict) or not ({"khr", "usd"} & set(rule)):
            errors.append(_("Fee rule %(number)s needs “khr” or “usd”.") % {"number": number})
            continue
        for currency in ("khr", "usd"):
            if currency in rule and _amount(rule[currency]) is None:
                errors.append(
                    _("Fee rule %(number)s: the amount is not a number.") % {"number": number}
                )
    return errors


def _amount(value: Any) -> Decimal | None:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return amount if amount.is_finite() and amount >= 0 else None


def _units(rule: dict[str, Any], answers: dict[str, Any]) -> Decimal:
    """How many times a rule's amount is charged: 1, or the number answered in "per"."""
    if "per" not in rule:
        return Decimal(1)
    units = _amount(answers.get(rule["per"]))
    return units.to_integral_value() if units is not None else Decimal(0)


def is_exempt(service: Priced, answers: dict[str, Any]) -> bool:
    return any(
        rule.get("exempt") is True and holds(rule.get("when"), answers)
        for rule in service.fee_rules
    )


def fee_for(service: Priced, answers: dict[str, Any]) -> tuple[Decimal | None, Decimal | None]:
    """Return (riel, dollars) for the service and these answers; None where not charged."""
    if service.fee_kind == "free" or is_exempt(service, answers):
        return None, None
    if service.fee_kind == "fixed":
        return service.fee_khr, service.fee_usd
    khr = usd = None
    for rule in service.fee_rules:
        if rule.get("exempt") is True or not holds(rule.get("when"), answers):
            continue
        units = _units(rule, answers)
        if "khr" in rule:
            khr = (khr or Decimal(0)) + (_amount(rule["khr"]) or 0) * units
        if "usd" in rule:
            usd = (usd or Decimal(0)) + (_amount(rule["usd"]) or 0) * units
    return khr, usd
