from __future__ import annotations

import datetime
import zoneinfo

from django.template import Context, Template
from django.utils import translation


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template(source).render(Context(context))


def test_money_filter_follows_the_page_language():
    source = '{{ fee|money:"KHR" }} / {{ price|money:"USD" }}'
    assert render(source, "km", fee=20000, price=5) == "២០,០០០ រៀល / $៥.០០"
    assert render(source, "en", fee=20000, price=5) == "20,000 riel / $5.00"


def test_money_filter_shows_nothing_for_missing_or_bad_amounts():
    assert render('[{{ fee|money:"KHR" }}]', "en", fee=None) == "[]"
    assert render('[{{ fee|money:"KHR" }}]', "en", fee="abc") == "[]"


def test_local_date_shows_aware_datetimes_in_phnom_penh_time():
    # 23:30 UTC on 24 November is already 25 November in Phnom Penh (UTC+7).
    moment = datetime.datetime(2026, 11, 24, 23, 30, tzinfo=zoneinfo.ZoneInfo("UTC"))
    assert render("{{ moment|local_date }}", "en", moment=moment) == "25 November 2026"
    assert render("{{ moment|local_time }}", "km", moment=moment) == "០៦:៣០"


def test_khmer_digits_filter_converts_even_on_english_pages():
    assert render("{{ n|khmer_digits }}", "en", n=2035) == "២០៣៥"
    assert render("{{ n|local_digits }}", "en", n=2035) == "2035"
    assert render("{{ n|local_number }}", "km", n=14576) == "១៤,៥៧៦"
