"""Personas and places for the markets tests: in Siem Reap (geo's test tree) a market in
Sla Kram and one in Sala Kamraeuk, their market officers, the province's provincial
market officer, one of another province (Battambang), and a visitor."""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass
class MarketsWorld:
    tree: object
    market: object
    other_market: object
    far_market: object
    officer: object
    other_officer: object
    reviewer: object
    far_reviewer: object
    citizen: object


@pytest.fixture
def markets_world(db):
    from accounts.tests.factories import create_user, grant
    from geo.tests.factories import create_area, create_facility, create_tree
    from markets.models import Commodity, FollowedCommodity

    tree = create_tree()
    market = create_facility(
        tree.commune, "market", name_en="Sla Kram Market", name_km="ផ្សារស្លក្រាម"
    )
    other_market = create_facility(tree.other_commune, "market", name_en="Sala Kamraeuk Market")
    battambang = create_area("02", "Battambang", "បាត់ដំបង")
    far_district = create_area("0203", "Battambang", "បាត់ដំបង", battambang)
    far_market = create_facility(far_district, "market", name_en="Phsar Nath")
    department = create_facility(tree.province, "provincial-department")
    far_department = create_facility(battambang, "provincial-department")
    officer, other_officer, reviewer, far_reviewer = (
        create_user(name) for name in ("chantha", "sokun", "vanna", "rithy")
    )
    grant(officer, market, "market-officer")
    grant(other_officer, other_market, "market-officer")
    grant(reviewer, department, "provincial-market-officer")
    grant(far_reviewer, far_department, "provincial-market-officer")
    for code in ("rice-jasmine", "pork", "cassava-fresh"):
        commodity = Commodity.objects.get(code=code)
        FollowedCommodity.objects.create(
            market=market, commodity=commodity, price_type=commodity.price_type
        )
    return MarketsWorld(
        tree=tree,
        market=market,
        other_market=other_market,
        far_market=far_market,
        officer=officer,
        other_officer=other_officer,
        reviewer=reviewer,
        far_reviewer=far_reviewer,
        citizen=create_user("dara", home_area=tree.village),
    )
