"""The price-spike level: normal, stress, alert, crisis from the distance to the
seasonal trend, and "not enough history" with too short a series."""

from __future__ import annotations

import datetime
import math
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from markets.spikes import MIN_WEEKS, Level, spike_level
from markets.tests.factories import weekly_prices

MONDAY = datetime.date(2026, 11, 30)


def wave(i: int) -> float:
    """A rising price with a yearly wave: 3000 riel and up."""
    return 3000 + 2 * i + 300 * math.sin(2 * math.pi * i / 52)


def seasonal(weeks: int) -> list[int]:
    """The wave with a little noise (a standard deviation of about 57 riel)."""
    return [round(wave(i) + 40 * ((i * 7) % 5 - 2)) for i in range(weeks)]


def series(values: list[int]) -> list[tuple[datetime.date, Decimal]]:
    start = MONDAY - datetime.timedelta(weeks=len(values) - 1)
    return [(start + datetime.timedelta(weeks=i), Decimal(v)) for i, v in enumerate(values)]


@pytest.mark.parametrize(
    ("jump", "level"),
    [(0, Level.NORMAL), (30, Level.STRESS), (80, Level.ALERT), (200, Level.CRISIS),
     (-400, Level.NORMAL)],
)  # fmt: skip
def test_the_level_grows_with_the_distance_above_the_seasonal_expectation(jump, level):
    history = seasonal(104)
    values = [*history, round(wave(104)) + jump]
    assert spike_level(series(values)).level == level


def test_a_usual_seasonal_peak_is_not_a_spike():
    """The same wave every year: its top is expected, so it stays normal."""
    values = seasonal(104 + 13)  # the latest week at the top of the yearly wave
    assert spike_level(series(values)).level == Level.NORMAL


def test_a_short_history_has_no_level():
    assert spike_level(series(seasonal(MIN_WEEKS))).level == Level.NOT_ENOUGH
    assert spike_level(series(seasonal(MIN_WEEKS + 1))).level != Level.NOT_ENOUGH


@pytest.mark.django_db
def test_the_commodity_page_shows_the_level_in_both_languages(client, markets_world):
    today = timezone.localdate()
    weekly_prices(markets_world.market, "rice-jasmine", [*seasonal(104), 9000], today)
    with translation.override("en"):
        page = client.get(reverse("markets:commodity", args=["rice-jasmine"])).content.decode()
        assert "Price-spike level" in page and "Crisis" in page
        assert "far higher than the season and the trend suggest" in page
    with translation.override("km"):
        page = client.get(reverse("markets:commodity", args=["rice-jasmine"])).content.decode()
    assert "វិបត្តិ" in page  # crisis, on the Khmer page
    assert "Crisis" not in page


@pytest.mark.django_db
def test_a_new_commodity_page_says_there_is_not_enough_history(client, markets_world):
    weekly_prices(markets_world.market, "pork", [16000, 16500], timezone.localdate())
    with translation.override("en"):
        page = client.get(reverse("markets:commodity", args=["pork"])).content.decode()
    assert "Not enough history" in page
