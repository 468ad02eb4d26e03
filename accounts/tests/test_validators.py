from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from accounts.validators import (
    national_mobile,
    normalise_mobile,
    normalise_national_id,
    validate_mobile,
    validate_national_id,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("012345678", "012345678"),
        ("012 345 678", "012345678"),
        ("0123-456-789", "0123456789"),
        ("០១២៣៤៥៦៧៨", "012345678"),
        ("123456789012", "123456789012"),
    ],
)
def test_a_national_id_number_is_stored_as_digits(typed, stored):
    assert normalise_national_id(typed) == stored


@pytest.mark.parametrize("typed", ["12345678", "1234567890123", "N12345678", "", "12345678a"])
def test_a_national_id_number_of_the_wrong_shape_is_refused(typed):
    with pytest.raises(ValidationError):
        normalise_national_id(typed)


def test_the_model_validator_accepts_only_the_stored_form():
    validate_national_id("012345678")
    with pytest.raises(ValidationError):
        validate_national_id("012 345 678")


@pytest.mark.parametrize(
    "typed",
    [
        "012 345 678",
        "012345678",
        "+855 12 345 678",
        "+85512345678",
        "00855 12 345 678",
        "០១២៣៤៥៦៧៨",
    ],
)
def test_a_cambodian_mobile_number_is_stored_in_e164(typed):
    assert normalise_mobile(typed) == "+85512345678"


@pytest.mark.parametrize(
    "typed",
    ["023 123 456", "+66 81 234 5678", "12", "not a number", "", "012 345 67"],
)
def test_fixed_lines_foreign_and_malformed_numbers_are_refused(typed):
    with pytest.raises(ValidationError):
        normalise_mobile(typed)


def test_the_mobile_model_validator_wants_e164():
    validate_mobile("+85512345678")
    with pytest.raises(ValidationError):
        validate_mobile("012 345 678")


def test_a_stored_mobile_is_shown_as_cambodians_write_it():
    assert national_mobile("+85512345678") == "012 345 678"
    assert national_mobile("") == ""
