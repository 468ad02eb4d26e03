from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from geo.tests.factories import create_facility, create_tree
from geo.validators import format_phone, normalise_phone, normalise_telegram, parse_coordinate


class TestCambodianPhoneNumbers:
    @pytest.mark.parametrize(
        ("written", "stored"),
        [
            ("012 345 678", "+85512345678"),
            ("023 880 880", "+85523880880"),
            ("+855 97 123 4567", "+855971234567"),
            ("(855) 12-345-678", "+85512345678"),
        ],
    )
    def test_numbers_as_people_write_them_are_stored_in_international_form(self, written, stored):
        assert normalise_phone(written) == stored

    @pytest.mark.parametrize("written", ["12345", "+66 81 234 5678", "call us", ""])
    def test_short_foreign_and_non_numbers_are_refused(self, written):
        with pytest.raises(ValidationError):
            normalise_phone(written)

    def test_a_stored_number_is_shown_as_written_in_cambodia(self):
        assert format_phone("+85523880880") == "023 880 880"


class TestTelegramLinks:
    @pytest.mark.parametrize(
        "written", ["https://t.me/siemreap_hall", "@siemreap_hall", "t.me/siemreap_hall/"]
    )
    def test_links_and_names_become_one_t_me_link(self, written):
        assert normalise_telegram(written) == "https://t.me/siemreap_hall"

    @pytest.mark.parametrize(
        "written", ["https://evil.example/t.me/x", "https://t.me/ab", "@1abcde", "hello world"]
    )
    def test_other_links_and_short_names_are_refused(self, written):
        with pytest.raises(ValidationError):
            normalise_telegram(written)


def test_coordinates_accept_a_decimal_comma_and_refuse_words():
    assert parse_coordinate("13,3633") == Decimal("13.363300")
    assert parse_coordinate(" ") is None
    for bad in ("north", "nan", "inf"):
        with pytest.raises(ValidationError):
            parse_coordinate(bad)


@pytest.mark.django_db
class TestAFacilityIsChecked:
    def test_a_location_outside_cambodia_is_refused_as_swapped_coordinates(self):
        facility = create_facility(create_tree().commune)
        facility.latitude, facility.longitude = Decimal("103.86"), Decimal("13.36")
        with pytest.raises(ValidationError) as error:
            facility.full_clean()
        assert set(error.value.message_dict) == {"latitude", "longitude"}

    def test_phone_numbers_must_be_cambodian_and_telegram_a_t_me_link(self):
        facility = create_facility(create_tree().commune)
        facility.phones = ["012 345 678"]
        facility.telegram = "https://example.org/x"
        with pytest.raises(ValidationError) as error:
            facility.full_clean()
        assert set(error.value.message_dict) == {"phones", "telegram"}

    def test_a_complete_facility_passes(self):
        facility = create_facility(
            create_tree().commune,
            latitude=Decimal("13.363300"),
            longitude=Decimal("103.856400"),
            phones=["+85563963555"],
            telegram="https://t.me/slakram_hall",
            email="slakram@example.gov.kh",
        )
        facility.full_clean()
