"""The public pages: a commodity's figures and charts, prices by province and market,
where to sell, open data, Khmer digits and the demo label."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from markets.statistics import five_year_normal
from markets.tests.factories import weekly_prices

pytestmark = pytest.mark.django_db


def get(client, language: str, name: str, *args, **params):
    with translation.override(language):
        url = reverse(name, args=args)
    return client.get(url, params).content.decode()


def test_the_commodity_page_compares_with_last_week_month_year_and_the_normal(
    client, markets_world
):
    today = timezone.localdate()
    # Six years of weekly prices: 3,000 riel, then 3,300 in the latest week.
    values = [3000] * (52 * 6) + [3300]
    weekly_prices(markets_world.market, "rice-jasmine", values, today)
    text = get(client, "en", "markets:commodity", "rice-jasmine")
    assert "3,300" in text
    assert text.count("up 10.0%") == 4  # week, month, year and the five-year normal
    assert "<svg" in text and 'role="img"' in text
    assert "<table" in text and "Siemreap" in text  # the provinces' table
    assert "<script" not in text.split("<footer")[0].split("<main")[-1]


def test_the_commodity_page_in_khmer_has_khmer_digits(client, markets_world):
    weekly_prices(markets_world.market, "rice-jasmine", [3800, 4000], timezone.localdate())
    text = get(client, "km", "markets:commodity", "rice-jasmine")
    assert "៤,០០០ រៀល" in text
    assert "ឡើង ៥.៣%" in text
    assert "មានតម្លៃតិចជាងបីឆ្នាំ" in text  # no normal with two weeks of history


def test_the_five_year_normal_drops_the_highest_and_lowest_year():
    week = datetime.date(2026, 11, 30)
    by_week = {week - datetime.timedelta(weeks=52 * y): v for y, v in
               zip(range(1, 6), [100, 200, 300, 400, 5000], strict=True)}  # fmt: skip
    assert five_year_normal(by_week, week) == 300
    del by_week[week - datetime.timedelta(weeks=52 * 5)]
    del by_week[week - datetime.timedelta(weeks=52 * 4)]
    assert five_year_normal(by_week, week) == 200
    del by_week[week - datetime.timedelta(weeks=52 * 3)]
    assert five_year_normal(by_week, week) is None


def test_prices_by_province_and_at_a_market(client, markets_world):
    today = timezone.localdate()
    weekly_prices(markets_world.market, "pork", [18000, 19000], today)
    weekly_prices(markets_world.other_market, "pork", [17000], today)
    weekly_prices(markets_world.far_market, "pork", [25000], today)
    national = get(client, "en", "markets:index")
    assert "Pork" in national and "20,333" in national  # (19,000 + 17,000 + 25,000) / 3
    province = get(client, "en", "markets:index", province="17")
    assert "18,000" in province and "17,000 \u2013 19,000" in province
    assert "Sla Kram Market" in province and "Phsar Nath" not in province
    market = get(client, "en", "markets:market", markets_world.market.code)
    assert "19,000" in market and "higher" in market


def test_where_to_sell_lists_the_commune_market_first_with_its_price(client, markets_world):
    today = timezone.localdate()
    for place, price in ((markets_world.market, 3800), (markets_world.other_market, 3900),
                         (markets_world.far_market, 4100)):  # fmt: skip
        weekly_prices(place, "rice-jasmine", [price], today)
    text = get(client, "en", "markets:where_to_sell", province="17", district="1710",
               commune="171004", commodity="rice-jasmine")  # fmt: skip
    assert (
        text.index("Sala Kamraeuk Market")
        < text.index("Sla Kram Market")
        < text.index("Phsar Nath")
    )
    assert "In your commune" in text and "In your district" in text
    assert "3,900" in text


def test_every_series_is_open_data_as_csv_and_json(client, markets_world):
    weekly_prices(markets_world.market, "pork", [18000, 19000], timezone.localdate())
    response = client.get(reverse("markets:series", args=["pork", "csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["date", "market", "market_name_en"]
    assert [row[8] for row in rows[1:]] == ["18000.00", "19000.00"]
    response = client.get(reverse("markets:series", args=["pork", "json"]))
    data = json.loads(b"".join(response.streaming_content))
    assert data["name_km"] == "សាច់ជ្រូក" and len(data["observations"]) == 2
    assert client.get(reverse("markets:series", args=["pork", "xml"])).status_code == 404


def test_demo_prices_are_labelled_as_demo_data(client, markets_world):
    weekly_prices(markets_world.market, "pork", [18000], timezone.localdate(), demo=True)
    for name, args in (("markets:index", ()), ("markets:commodity", ("pork",)),
                       ("markets:market", (markets_world.market.code,))):  # fmt: skip
        assert "They are not real market prices" in get(client, "en", name, *args)
        assert "វាមិនមែនជាតម្លៃទីផ្សារពិតប្រាកដទេ" in get(client, "km", name, *args)
    weekly_prices(markets_world.other_market, "rice-jasmine", [3000], timezone.localdate())
    assert "They are not real" not in get(client, "en", "markets:commodity", "rice-jasmine")
