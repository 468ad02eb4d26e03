"""Find whether an item is a story we already have: the same canonical address, the same
text, or a text so similar it is the same story re-published (new GUID, an email copy of
a web post).

Similar texts are found through MinHash over character 5-grams (works for Khmer, which
has no spaces between words): 24 hash values grouped into 6 bands of 4, so that texts
whose 5-grams overlap by 80% share a band 96% of the time and by 30% only 5% of the
time. Items sharing a band are candidates (`ItemBand`, an indexed column), and each
candidate is confirmed by the exact overlap (Jaccard) of the two sets of 5-grams, which
costs a set intersection (difflib's ratio, tried first, cost 50 ms a pair).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from aggregation.models import Item, ItemBand
from aggregation.normalising import normalised_text
from aggregation.sanitising import plain_text

SHINGLE = 5
HASHES = 24
BAND_SIZE = 4
COMPARED_CHARACTERS = 600
SIMILAR_JACCARD = 0.7
WINDOW = timedelta(days=30)
MAX_CANDIDATES = 20
_PRIME = (1 << 61) - 1
_COEFFICIENTS = [
    (
        int.from_bytes(hashlib.sha256(f"a{i}".encode()).digest()[:8]) % _PRIME | 1,
        int.from_bytes(hashlib.sha256(f"b{i}".encode()).digest()[:8]) % _PRIME,
    )
    for i in range(HASHES)
]


def item_text(body_html: str, summary: str) -> str:
    """Return the text an item is compared by: its body's text, else its summary."""
    return plain_text(body_html) or summary


def comparable_text(title: str, text: str) -> str:
    return normalised_text(f"{title} {text}")[:COMPARED_CHARACTERS]


def shingles_of(comparable: str) -> set[str]:
    return {comparable[i : i + SHINGLE] for i in range(max(1, len(comparable) - SHINGLE + 1))}


def jaccard(one: set[str], other: set[str]) -> float:
    return len(one & other) / len(one | other) if one or other else 1.0


def band_keys(comparable: str) -> list[str]:
    """Return the MinHash band keys of a normalised text ("" text: no bands)."""
    if len(comparable) < SHINGLE:
        return []
    shingles = {
        int.from_bytes(
            hashlib.blake2b(comparable[i : i + SHINGLE].encode(), digest_size=8).digest()
        )
        for i in range(len(comparable) - SHINGLE + 1)
    }
    minima = [min((a * shingle + b) % _PRIME for shingle in shingles) for a, b in _COEFFICIENTS]
    keys = []
    for band in range(HASHES // BAND_SIZE):
        values = minima[band * BAND_SIZE : (band + 1) * BAND_SIZE]
        digest = hashlib.blake2b(repr(values).encode(), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return keys


def find_duplicate(
    *, canonical: str, fingerprint: str, comparable: str, keys: list[str], published_at
) -> Item | None:
    """Return the item we already hold for this story, or None."""
    if canonical:
        same_address = Item.objects.filter(canonical_url=canonical).first()
        if same_address is not None:
            return same_address
    same_text = Item.objects.filter(fingerprint=fingerprint).first()
    if same_text is not None:
        return same_text
    if not keys:
        return None
    candidates = (
        Item.objects.filter(
            pk__in=ItemBand.objects.filter(key__in=keys).values("item_id"),
            published_at__gte=published_at - WINDOW,
            published_at__lte=published_at + WINDOW,
        )
        .only("pk", "title", "summary", "body")
        .order_by("-pk")[:MAX_CANDIDATES]
    )
    mine = shingles_of(comparable)
    for candidate in candidates:
        other = comparable_text(candidate.title, item_text(candidate.body, candidate.summary))
        if jaccard(mine, shingles_of(other)) >= SIMILAR_JACCARD:
            return candidate
    return None
