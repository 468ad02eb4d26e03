"""Fees from the service's definition: fixed, by the answers, per unit, and exemptions."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from services.fees import fee_for, fee_rule_errors

IDPOOR = {"when": {"field": "idpoor", "equals": True}, "exempt": True}


@dataclass
class Service:
    fee_kind: str = "computed"
    fee_khr: Decimal | None = None
    fee_usd: Decimal | None = None
    fee_rules: list[dict[str, Any]] = field(default_factory=list)


def test_a_fixed_fee_is_charged_whatever_the_answers():
    assert fee_for(Service("fixed", Decimal(20000)), {}) == (Decimal(20000), None)


def test_a_table_by_answer_picks_the_row_that_holds():
    by_vehicle = Service(fee_rules=[
        {"when": {"field": "vehicle", "equals": "motorbike"}, "khr": 50000},
        {"when": {"field": "vehicle", "equals": "car"}, "khr": 140000},
    ])  # fmt: skip
    assert fee_for(by_vehicle, {"vehicle": "car"}) == (Decimal(140000), None)
    assert fee_for(by_vehicle, {"vehicle": "motorbike"}) == (Decimal(50000), None)


def test_a_per_unit_fee_is_multiplied_by_the_number_answered():
    copies = Service(fee_rules=[{"khr": 10000}, {"per": "copies", "khr": 5000}])
    assert fee_for(copies, {"copies": 3}) == (Decimal(25000), None)
    assert fee_for(copies, {"copies": "2"}) == (Decimal(20000), None)
    assert fee_for(copies, {}) == (Decimal(10000), None)
    assert fee_for(copies, {"copies": "many"}) == (Decimal(10000), None)
    assert fee_for(Service(fee_rules=[{"per": "pages", "usd": "0.50"}]), {"pages": 3}) == (
        None,
        Decimal("1.50"),
    )


def test_an_exemption_makes_it_free_for_fixed_and_computed_fees():
    fixed = Service("fixed", Decimal(20000), fee_rules=[IDPOOR])
    computed = Service(fee_rules=[{"khr": 20000}, IDPOOR])
    for service in (fixed, computed):
        assert fee_for(service, {"idpoor": True}) == (None, None)
        assert fee_for(service, {"idpoor": False}) == (Decimal(20000), None)


def test_exemption_and_per_unit_rules_pass_the_checks():
    assert fee_rule_errors([IDPOOR, {"per": "copies", "khr": 5000}]) == []
    assert fee_rule_errors([{"when": None}]) != []
