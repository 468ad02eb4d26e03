"""Search keys for area names: what a type-ahead compares, without Django.

A key is the name as people type it, whatever the spacing: "Siem Reap", "siemreap" and
"Siem-Reap" all give "siemreap"; Khmer loses its spaces and zero-width characters, and
the two spellings of the subscript t (្ដ and ្ត, both found in the gazetteer) become one.
"""

from __future__ import annotations

import re
import unicodedata

KEY_MAX_LENGTH = 120
_NOT_LATIN_ALNUM = re.compile(r"[^0-9a-z]+")
_NOT_KHMER = re.compile(r"[^\u1780-\u17ff\u19e0-\u19ff0-9]+")
COENG_DA = "\u17d2\u178a"
COENG_TA = "\u17d2\u178f"


def english_key(text: str) -> str:
    """Return the lower-case letters and digits of a romanised name ("Siem Reap" → "siemreap")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _NOT_LATIN_ALNUM.sub("", folded)[:KEY_MAX_LENGTH]


def khmer_key(text: str) -> str:
    """Return the Khmer letters of a name without spaces or zero-width characters."""
    text = unicodedata.normalize("NFC", text).replace(COENG_DA, COENG_TA)
    return _NOT_KHMER.sub("", text)[:KEY_MAX_LENGTH]
