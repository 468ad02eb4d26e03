"""Verification codes: 15 random Crockford base32 characters and a check character.

75 random bits make a code unguessable (no one finds a valid code by trying), and the
check character (Luhn mod 32) catches any one mistyped character and any two swapped
neighbours but 0 and Z before the database is asked. People read codes off paper, so
input is forgiving: spaces, dashes and lower case are ignored and O, I and L are read as
0, 1 and 1.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_LENGTH = 15
CODE_LENGTH = RANDOM_LENGTH + 1
_VALUES = {char: index for index, char in enumerate(ALPHABET)}
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.·]+")


def check_character(body: str) -> str:
    """Return the Luhn mod 32 check character of `body` (characters of ALPHABET)."""
    total = 0
    factor = 2
    for char in reversed(body):
        addend = factor * _VALUES[char]
        total += addend // 32 + addend % 32
        factor = 1 if factor == 2 else 2
    return ALPHABET[(32 - total % 32) % 32]


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return body + check_character(body)


def normalise_code(text: str) -> str | None:
    """Return the canonical code typed in `text`, or None when it cannot be one."""
    candidate = _SEPARATORS.sub("", text or "").upper().translate(_LOOK_ALIKES)
    if len(candidate) != CODE_LENGTH or any(char not in _VALUES for char in candidate):
        return None
    if check_character(candidate[:-1]) != candidate[-1]:
        return None
    return candidate


def display_code(code: str) -> str:
    """Return the code in groups of four, as printed: ABCD-EFGH-JKMN-PQRS."""
    return "-".join(code[index : index + 4] for index in range(0, len(code), 4))
