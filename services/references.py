"""Reference numbers of submitted applications: SALA-2026-000123-45.

The last two digits are an ISO 7064 MOD 97-10 check (the one IBANs use, computed by
python-stdnum) over the year and the serial number, so that a mistyped reference (one
wrong digit, two swapped digits) is refused before anything is looked up. People may type
a reference in Khmer digits, in lower case, with spaces or without dashes;
`normalise_reference` accepts all of those.
"""

from __future__ import annotations

import re

from stdnum.iso7064 import mod_97_10

PREFIX = "SALA"
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_SHAPE = re.compile(r"^(?:SALA)?(\d{4})(\d{6,})(\d{2})$")


def check_digits(digits: str) -> str:
    """Return the two ISO 7064 MOD 97-10 check digits for a string of digits."""
    return mod_97_10.calc_check_digits(digits)


def make_reference(year: int, serial: int) -> str:
    body = f"{year:04d}{serial:06d}"
    return f"{PREFIX}-{year:04d}-{serial:06d}-{check_digits(body)}"


def normalise_reference(text: str) -> str:
    """Return the reference in its canonical form, or "" if it cannot be one."""
    compact = re.sub(r"[\s\-_./]", "", (text or "").translate(_KHMER_DIGITS).upper())
    match = _SHAPE.match(compact)
    if not match:
        return ""
    year, serial, check = match.groups()
    return f"{PREFIX}-{year}-{serial}-{check}"


def is_valid_reference(text: str) -> bool:
    """Return whether the text is a well-formed reference whose check digits agree."""
    reference = normalise_reference(text)
    if not reference:
        return False
    _prefix, year, serial, check = reference.split("-")
    return mod_97_10.is_valid(f"{year}{serial}{check}")
