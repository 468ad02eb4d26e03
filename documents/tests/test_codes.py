from __future__ import annotations

import pytest

from documents.codes import CODE_LENGTH, display_code, new_code, normalise_code


def test_new_codes_are_long_distinct_and_pass_their_own_check():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(code) == CODE_LENGTH and normalise_code(code) == code for code in codes)


def test_a_code_is_printed_in_groups_of_four():
    assert display_code("ABCDEFGHJKMNPQRS") == "ABCD-EFGH-JKMN-PQRS"


def test_spaces_dashes_lower_case_and_look_alike_letters_are_forgiven():
    code = new_code()
    typed = " " + display_code(code).lower().replace("-", " - ") + "\n"
    assert normalise_code(typed) == code
    with_zero = code.replace("0", "O")
    assert normalise_code(with_zero) == code


@pytest.mark.parametrize("garbage", ["", "hello", "'; drop table", "ABCD", "Ü" * 16, "U" * 16])
def test_garbage_is_not_a_code(garbage):
    assert normalise_code(garbage) is None


def test_a_mistyped_character_or_swapped_pair_fails_the_check():
    code = new_code()
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    for position in range(CODE_LENGTH):
        for char in alphabet:
            if char != code[position]:
                assert normalise_code(code[:position] + char + code[position + 1 :]) is None
    for position in range(CODE_LENGTH - 1):
        a, b = code[position], code[position + 1]
        # Luhn mod 32 misses one swap only, that of 0 and Z (as Luhn misses 09 and 90).
        if a != b and {a, b} != {"0", "Z"}:
            swapped = code[:position] + b + a + code[position + 2 :]
            assert normalise_code(swapped) is None
