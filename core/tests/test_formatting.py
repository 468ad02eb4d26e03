from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from core.formatting import (
    KHMER_MONTHS,
    format_date,
    format_money,
    format_number,
    format_time,
    to_ascii_digits,
    to_khmer_digits,
)


def test_khmer_digits_replace_every_ascii_digit_and_nothing_else():
    assert to_khmer_digits("Case 2026-0123") == "Case ២០២៦-០១២៣"
    assert to_ascii_digits("២០២៦") == "2026"


def test_the_twelve_khmer_months_are_the_official_names():
    assert KHMER_MONTHS[0] == "មករា"
    assert KHMER_MONTHS[3] == "មេសា"
    assert KHMER_MONTHS[10] == "វិច្ឆិកា"
    assert KHMER_MONTHS[11] == "ធ្នូ"
    assert len(set(KHMER_MONTHS)) == 12


class TestFormatNumber:
    def test_it_groups_thousands_in_both_languages(self):
        assert format_number(1234567, "en") == "1,234,567"
        assert format_number(1234567, "km") == "១,២៣៤,៥៦៧"

    def test_it_rounds_half_up_to_the_asked_decimals(self):
        assert format_number(Decimal("2.345"), "en", 2) == "2.35"

    def test_it_reads_khmer_digits_and_grouped_strings(self):
        assert format_number("១,០០០", "en") == "1,000"

    def test_it_rejects_words(self):
        with pytest.raises(ValueError, match="Not a number"):
            format_number("many", "en")


class TestFormatMoney:
    def test_riel_is_whole_and_named_in_the_page_language(self):
        assert format_money(50000, "KHR", "km") == "៥០,០០០ រៀល"
        assert format_money(50000, "khr", "en") == "50,000 riel"
        assert format_money(Decimal("4000.6"), "KHR", "en") == "4,001 riel"

    def test_dollars_keep_cents(self):
        assert format_money(12.5, "USD", "en") == "$12.50"
        assert format_money(12.5, "USD", "km") == "$១២.៥០"
        assert format_money(-3, "USD", "en") == "-$3.00"

    def test_other_currencies_are_refused(self):
        with pytest.raises(ValueError, match="KHR and USD"):
            format_money(1, "EUR", "en")


class TestFormatDate:
    day = datetime.date(2026, 11, 25)  # a Wednesday

    @pytest.mark.parametrize(
        ("language", "style", "expected"),
        [
            ("km", "short", "២៥/១១/២០២៦"),
            ("km", "long", "២៥ វិច្ឆិកា ២០២៦"),
            ("km", "full", "ថ្ងៃពុធ ទី២៥ ខែវិច្ឆិកា ឆ្នាំ២០២៦"),
            ("en", "short", "25/11/2026"),
            ("en", "long", "25 November 2026"),
            ("en", "full", "Wednesday 25 November 2026"),
        ],
    )
    def test_it_writes_the_date_in_each_style(self, language, style, expected):
        assert format_date(self.day, language, style) == expected

    def test_a_datetime_is_shown_as_its_date(self):
        moment = datetime.datetime(2026, 4, 14, 9, 30)
        assert format_date(moment, "km") == "១៤ មេសា ២០២៦"

    def test_an_unknown_style_is_refused(self):
        with pytest.raises(ValueError, match="Unknown date style"):
            format_date(self.day, "en", "medium")


def test_times_are_24_hour_with_local_digits():
    assert format_time(datetime.time(14, 5), "km") == "១៤:០៥"
    assert format_time(datetime.time(7, 0), "en") == "07:00"
