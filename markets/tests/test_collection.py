"""A market officer's day of prices, the outlier hold and its review, who may do what,
and the conversions a price goes through."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from audit.models import AuditEntry
from markets.models import Commodity, LatestPrice, Observation, Unit, WeeklyPrice
from markets.publishing import value_in_khr, week_of
from markets.tests.factories import weekly_prices

pytestmark = pytest.mark.django_db

RICE = "price-rice-jasmine-retail"


def enter(client, world, **prices):
    return client.post(
        reverse("markets:enter_prices", args=[world.market.code]),
        {"date": timezone.localdate().isoformat(), **prices},
    )


def test_the_form_lists_followed_commodities_with_their_last_price(client, markets_world):
    weekly_prices(
        markets_world.market,
        "rice-jasmine",
        [3800],
        timezone.localdate() - datetime.timedelta(days=7),
    )
    client.force_login(markets_world.officer)
    with translation.override("en"):
        page = client.get(reverse("markets:enter_prices", args=[markets_world.market.code]))
    text = page.content.decode()
    assert "Jasmine rice" in text and "Pork" in text and "Fresh cassava" in text
    assert "Last: 3,800" in text
    assert "No price yet." in text  # pork has none


def test_a_usual_price_is_published_and_counted_in_the_latest_and_weekly_prices(
    client, markets_world
):
    client.force_login(markets_world.officer)
    response = enter(client, markets_world, **{RICE: "៣៨០០", "price-pork-retail": ""})
    assert response.status_code == 302
    observation = Observation.objects.get()
    assert observation.status == Observation.Status.PUBLISHED
    assert observation.value_khr == Decimal("3800")
    assert LatestPrice.objects.get(market=markets_world.market).value_khr == Decimal("3800")
    national = WeeklyPrice.objects.get(province_code="", week=week_of(observation.date))
    assert national.mean_khr == Decimal("3800") and national.count == 1
    assert WeeklyPrice.objects.filter(province_code="17").exists()
    entry = AuditEntry.objects.get(action="markets.price_recorded")
    assert entry.actor == markets_world.officer


def test_a_price_far_from_the_last_eight_weeks_is_held_not_published(client, markets_world):
    today = timezone.localdate()
    weekly_prices(markets_world.market, "rice-jasmine", [3700, 3800, 3750, 3900, 3800, 3850],
                  today - datetime.timedelta(days=7))  # fmt: skip
    client.force_login(markets_world.officer)
    enter(client, markets_world, **{RICE: "38000"})  # a zero too many
    held = Observation.objects.get(status=Observation.Status.HELD)
    assert "median" in held.held_because
    assert LatestPrice.objects.get(market=markets_world.market).value_khr == Decimal("3850")
    assert AuditEntry.objects.filter(action="markets.price_held").exists()
    enter(client, markets_world, **{RICE: "3950"})
    assert Observation.objects.filter(status=Observation.Status.PUBLISHED).count() == 7


def test_the_provincial_officer_publishes_or_rejects_a_held_price(client, markets_world):
    today = timezone.localdate()
    weekly_prices(markets_world.market, "rice-jasmine", [3700, 3800, 3750, 3900, 3800],
                  today - datetime.timedelta(days=7))  # fmt: skip
    client.force_login(markets_world.officer)
    enter(client, markets_world, **{RICE: "6000"})
    held = Observation.objects.get(status=Observation.Status.HELD)
    client.force_login(markets_world.reviewer)
    with translation.override("en"):
        queue = client.get(reverse("markets:review")).content.decode()
    assert "Jasmine rice" in queue and "6,000" in queue
    client.post(reverse("markets:decide", args=[held.pk]), {"decision": "approve"})
    held.refresh_from_db()
    assert (
        held.status == Observation.Status.PUBLISHED and held.reviewed_by == markets_world.reviewer
    )
    assert LatestPrice.objects.get(market=markets_world.market).value_khr == Decimal("6000")
    assert AuditEntry.objects.filter(action="markets.price_approved").exists()
    client.post(reverse("markets:decide", args=[held.pk]), {"decision": "reject"})
    held.refresh_from_db()
    assert held.status == Observation.Status.PUBLISHED  # reviewed once only


def test_a_rejected_price_is_never_published(client, markets_world):
    today = timezone.localdate()
    weekly_prices(markets_world.market, "rice-jasmine", [3700, 3800, 3750, 3900],
                  today - datetime.timedelta(days=7))  # fmt: skip
    client.force_login(markets_world.officer)
    enter(client, markets_world, **{RICE: "100"})
    held = Observation.objects.get(status=Observation.Status.HELD)
    client.force_login(markets_world.reviewer)
    client.post(reverse("markets:decide", args=[held.pk]), {"decision": "reject"})
    held.refresh_from_db()
    assert held.status == Observation.Status.REJECTED
    assert LatestPrice.objects.get(market=markets_world.market).value_khr == Decimal("3900")
    assert AuditEntry.objects.filter(action="markets.price_rejected").exists()


def test_officers_reach_only_their_own_markets_and_provinces(client, markets_world):
    today = timezone.localdate()
    weekly_prices(markets_world.market, "rice-jasmine", [3700, 3800, 3750, 3900],
                  today - datetime.timedelta(days=7))  # fmt: skip
    client.force_login(markets_world.officer)
    enter(client, markets_world, **{RICE: "9000"})
    held = Observation.objects.get(status=Observation.Status.HELD)
    client.force_login(markets_world.other_officer)
    assert (
        client.get(reverse("markets:enter_prices", args=[markets_world.market.code])).status_code
        == 403
    )
    assert client.get(reverse("markets:review")).status_code == 403
    client.force_login(markets_world.far_reviewer)
    assert (
        client.post(reverse("markets:decide", args=[held.pk]), {"decision": "approve"}).status_code
        == 403
    )
    client.force_login(markets_world.citizen)
    assert client.get(reverse("markets:office")).status_code == 403
    client.logout()
    assert client.get(reverse("markets:office")).status_code == 302


def test_a_bad_price_is_explained_and_nothing_typed_is_lost(client, markets_world):
    client.force_login(markets_world.officer)
    with translation.override("en"):
        page = enter(
            client, markets_world, **{RICE: "three thousand", "price-pork-retail": "18000"}
        )
    text = page.content.decode()
    assert page.status_code == 200
    assert "Enter the price as a number" in text
    assert 'value="18000"' in text and 'value="three thousand"' in text
    assert not Observation.objects.exists()
    with translation.override("km"):
        page = enter(client, markets_world)
    assert "សូមបញ្ចូលតម្លៃយ៉ាងហោចណាស់មួយ" in page.content.decode()


def test_prices_in_other_units_and_dollars_are_compared_in_riel_per_the_commodity_unit(settings):
    settings.SALA_MARKETS_KHR_PER_USD = 4000
    cassava = Commodity.objects.get(code="cassava-fresh")  # per tonne
    kg = Unit.objects.get(code="kg")
    assert value_in_khr(cassava, kg, "KHR", Decimal("300")) == Decimal("300000.00")
    assert value_in_khr(cassava, cassava.unit, "USD", Decimal("75")) == Decimal("300000.00")
    with pytest.raises(ValidationError):
        value_in_khr(cassava, Unit.objects.get(code="head"), "KHR", Decimal("5"))
