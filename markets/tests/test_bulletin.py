"""The weekly bulletin of a province: the page in Khmer and English, the PDF, and the
404 page for an unknown province or a week without prices."""

from __future__ import annotations

import datetime

import pypdfium2
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from markets.bulletin import iso_week
from markets.tests.factories import weekly_prices

pytestmark = pytest.mark.django_db


def monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


@pytest.fixture
def week(markets_world):
    """Rice up 10% on last week and 20% on a year ago; pork down 25% on last week."""
    last = monday(timezone.localdate())
    weekly_prices(markets_world.market, "rice-jasmine", [2750] + [3000] * 51 + [3300], last)
    weekly_prices(markets_world.market, "pork", [16000, 12000], last, demo=True)
    return last


def url(name: str, language: str, *args) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def test_the_english_page_gives_means_changes_levels_rises_and_falls(client, markets_world, week):
    province = markets_world.tree.province.code
    with translation.override("en"):
        text = client.get(url("markets:bulletin", "en", province, iso_week(week))).content.decode()
    assert "3,300" in text and "12,000" in text
    assert "up 10.0%" in text and "up 20.0%" in text and "down 25.0%" in text
    rises, falls = text.split('id="rises"')[1], text.split('id="falls"')[1]
    assert rises.split("</ul>")[0].count("<li>") == 1 and "Jasmine" in rises.split("</ul>")[0]
    assert "Pork" in falls.split("</ul>")[0]
    assert text.count("Not enough history") == 2  # the spike level column, both short
    assert "Demo data" in text  # pork's prices are demo data
    assert "<script" not in text.split("<footer")[0].split("<main")[-1]


def test_the_khmer_page_shows_khmer_digits_and_latest_is_this_week(client, markets_world, week):
    province = markets_world.tree.province.code
    text = client.get(url("markets:bulletin_latest", "km", province)).content.decode()
    assert "៣,៣០០" in text and "១២,០០០" in text
    assert "3,300" not in text


def test_the_province_page_links_to_the_bulletin(client, markets_world, week):
    province = markets_world.tree.province.code
    text = client.get(url("markets:index", "en"), {"province": province}).content.decode()
    assert url("markets:bulletin_latest", "en", province) in text


def test_the_pdf_downloads_with_the_khmer_commodity_names(client, markets_world, week):
    province = markets_world.tree.province.code
    response = client.get(url("markets:bulletin_pdf", "km", province, iso_week(week)))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    document = pypdfium2.PdfDocument(response.content)
    text = "".join(page.get_textpage().get_text_range() for page in document)
    from markets.models import Commodity

    for code in ("rice-jasmine", "pork"):
        assert Commodity.objects.get(code=code).name_km in text
    assert "៣,៣០០" in text


def test_an_unknown_province_or_an_empty_week_is_a_clear_404(client, markets_world, week):
    province = markets_world.tree.province.code
    with translation.override("en"):
        unknown = client.get(url("markets:bulletin_latest", "en", "99"))
        empty = client.get(url("markets:bulletin", "en", province, "2001-W05"))
        garbled = client.get(url("markets:bulletin", "en", province, "last-tuesday"))
    assert unknown.status_code == empty.status_code == garbled.status_code == 404
    assert "no province or capital with this code" in unknown.content.decode()
    assert "No prices were published in this province that week" in empty.content.decode()
    assert "No prices were published" in garbled.content.decode()
