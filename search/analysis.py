"""The one analyser of the index: the same code turns documents and queries into terms.

Terms are plain strings without spaces, written to the index joined by spaces:
- Latin words: folded (NFKD, accents removed, case-folded), split on anything that is not a
  letter or digit, English stop words dropped, then stemmed (Snowball English);
- Khmer words (segmented by `khmer.words`): normalised, followed by their clusters, so
  that a query for a word also finds it inside a longer compound (`cluster phrase`);
- for titles, the romanisation of every Khmer word (`khmer.romanise`) analysed as Latin,
  also written without its spaces ("kampong cham" and "kampongcham").
No Django here: the backends and the benchmark call these functions directly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from search import khmer

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12

ENGLISH_STOP_WORDS = frozenset(
    "a an and are as at be by can do does for from how i in is it my of on or the to what "
    "when where which who with you your".split()
)
# Function words that carry no meaning on their own in a query ("I want to ...").
KHMER_STOP_WORDS = frozenset(
    khmer.normalise(word) for word in ("ខ្ញុំ", "ចង់", "តើ", "នៅ", "និង", "ជា", "ដែល", "របស់", "ក្នុង")
)

_LATIN_WORD = re.compile(r"[0-9a-z]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")


@lru_cache(maxsize=4)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word) if len(word) > 3 and not word.isdigit() else word


def fold(text: str) -> str:
    """Return Latin text without accents, case-folded ("Kâmpóng" → "kampong")."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


@dataclass(frozen=True)
class Token:
    """A word of the normalised text at [start, end), with its index term."""

    term: str
    start: int
    end: int
    khmer: bool


def tokens(text: str) -> list[Token]:
    """Return the words of normalised text with their terms (stop words left out)."""
    out = []
    for word, start, end in khmer.words(text):
        if khmer.is_khmer(word):
            if word not in KHMER_STOP_WORDS:
                out.append(Token(word, start, end, khmer=True))
            continue
        folded = fold(word)
        for match in _LATIN_WORD.finditer(folded):
            piece = match.group(0)
            if piece not in ENGLISH_STOP_WORDS:
                # Folding can change lengths; offsets stay those of the whole word.
                out.append(Token(stem(piece), start, end, khmer=False))
    return out


def latin_terms(text: str) -> list[str]:
    return [stem(w) for w in _LATIN_WORD.findall(fold(text)) if w not in ENGLISH_STOP_WORDS]


def khmer_words(word: str) -> list[str]:
    """Return a Khmer word, and the known names it is made of when it is a compound
    ("ខេត្តបាត់ដំបង" → itself, "ខេត្ត", "បាត់ដំបង")."""
    parts = khmer.pieces(word)
    if len(parts) == 1:
        return [word]
    return [word, *(piece for piece, _known in parts if len(piece) > 1)]


def index_terms(text: str, *, romanised: bool = False) -> str:
    """Return the terms of a document field as the index stores them. Titles get the full
    romanisation of their Khmer words; other text the spellings of known names only."""
    text = khmer.normalise(text or "")
    out: list[str] = []
    for token in tokens(text):
        if not token.khmer:
            out.append(token.term)
            continue
        for word in khmer_words(token.term):
            out.append(word)
            parts = khmer.clusters(word)
            if len(parts) > 1:
                out.extend(parts)
        spellings = khmer.romanise(token.term) if romanised else khmer.known_spellings(token.term)
        for spelling in spellings:
            roman = latin_terms(spelling)
            out.extend(roman)
            if len(roman) > 1:
                out.append("".join(roman))
    return " ".join(out)


@dataclass(frozen=True)
class QueryTerm:
    """One term of a query: a word, and for Khmer the clusters it may hide in."""

    term: str
    khmer: bool
    clusters: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Query:
    """A query as the backends take it: normalised text and its terms."""

    text: str
    terms: tuple[QueryTerm, ...]

    @property
    def latin_words(self) -> list[str]:
        """Return the folded Latin words as typed (for "did you mean")."""
        return [w for w in _LATIN_WORD.findall(fold(self.text)) if w not in ENGLISH_STOP_WORDS]

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(raw: str) -> Query:
    """Return the query for what a visitor typed: cut to a sane length, normalised,
    analysed like the documents. Any string is accepted; the result may have no terms."""
    text = str(raw or "")[: MAX_QUERY_LENGTH * 2]
    text = khmer.normalise("".join(ch if ch.isprintable() else " " for ch in text))
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    terms: list[QueryTerm] = []
    seen = set()
    for token in tokens(text):
        words = khmer_words(token.term)[1:] or [token.term] if token.khmer else [token.term]
        for word in words:
            if word in seen or word in KHMER_STOP_WORDS:
                continue
            seen.add(word)
            parts = tuple(khmer.clusters(word)) if token.khmer else ()
            terms.append(QueryTerm(word, token.khmer, parts if len(parts) > 1 else ()))
    return Query(text, tuple(terms[:MAX_QUERY_TERMS]))
