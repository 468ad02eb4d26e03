"""The one analyser of the index: the same code turns documents and queries into terms.

Terms are plain strings without spaces, written to the index joined by spaces:
- Latin words: folded (NFKD, accents removed, case-folded), split on anything that is not a
  letter or digit, English stop words dropped, then stemmed (Snowball English);
- Khmer words (segmented by `khmer.words`): normalised, followed by their clusters, so
  that a query for a word also finds it inside a longer compound (`cluster phrase`);
- for titles, the romanisation of every Khmer word (`khmer.romanise`: the gazetteer's
  spellings and the UNGEGN-style rules) analysed as Latin, also written without its spaces
  ("kampong cham" and "kampongcham");
- for titles, the "sound key" of every Latin word (`sound_key`: "Kompong", "Kâmpóng" and
  "Kampong" share one), so the spellings of French-era maps, UNGEGN and signs meet;
- Khmer letters that people swap (ណ/ន and others, `khmer.fold_confusables`) folded to one.
Queries get, per word, the synonyms of search/data/synonyms.txt (`synonyms`) and its sound
key as alternatives; the engine adds close spellings of words the index does not know.
No Django here: the backends and the benchmark call these functions directly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from search import khmer

MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12

ENGLISH_STOP_WORDS = frozenset(
    "a an and are as at be by can do does for from how i in is it my of on or the to what "
    "when where which who with you your".split()
    # Words of requests that say nothing about what is wanted ("I need to get ...").
    + "get getting got need needs want wants please".split()
)
SYNONYMS_FILE = Path(__file__).resolve().parent / "data" / "synonyms.txt"
SOUND_KEY_PREFIX = "zx"  # sound keys are terms of their own, apart from the words
# Function words that carry no meaning on their own in a query ("I want to ...").
KHMER_STOP_WORDS = frozenset(
    khmer.normalise(word) for word in ("ខ្ញុំ", "ចង់", "តើ", "នៅ", "និង", "ជា", "ដែល", "របស់", "ក្នុង")
)

_LATIN_WORD = re.compile(r"[0-9a-z]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
# Letters NFKD does not take apart (UNGEGN and French spellings use œ: "Stœ̆ng Trêng").
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})


@lru_cache(maxsize=4)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word) if len(word) > 3 and not word.isdigit() else word


def fold(text: str) -> str:
    """Return Latin text without accents, case-folded ("Kâmpóng" → "kampong")."""
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()
    return _POSSESSIVE.sub("", text.translate(_LIGATURES))


_SOUND_RULES = [
    (re.compile(r"chh|ch|sh"), "C"),  # apart from the French c, which sounds k (Campot)
    (re.compile(r"ph"), "p"),
    (re.compile(r"th"), "t"),
    (re.compile(r"kh|gh|ck|q|g"), "k"),
    (re.compile(r"nh"), "n"),
    (re.compile(r"w"), "v"),
    (re.compile(r"z"), "s"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"c"), "k"),
]
_INITIAL_VOWELS = re.compile(r"^[aeiouyh]+")
_VOWELS = re.compile(r"[aeiouyh]+")
_R_BEFORE_CONSONANT = re.compile(r"r(?=[^aeiouy])")  # "Kork", "Pursat": an r not sounded
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=100_000)
def sound_key(word: str) -> str:
    """Return the consonants of a folded romanised word as they sound, or "" when too short
    to tell words apart: "kompong", "kampong" → "kmpnk"; "toul kork" and "tuol kouk" give
    "tl", "kk". Khmer names are written with many spellings (vowels above all, an
    unsounded r, h after consonants, doubled letters); the key keeps what they share."""
    if len(word) < 3 or not word.isalpha() or not word.isascii():
        return ""
    key = _DOUBLE.sub(r"\1", word)
    for pattern, replacement in _SOUND_RULES:
        key = pattern.sub(replacement, key)
    key = _INITIAL_VOWELS.sub("a", key)
    key = key[0] + _VOWELS.sub("", key[1:])
    key = _R_BEFORE_CONSONANT.sub("", key).lower()
    return f"{SOUND_KEY_PREFIX}{key}" if len(key) >= 2 else ""


@lru_cache(maxsize=1)
def synonyms() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Return {phrase as stemmed words: the other phrases of its groups, as terms} from
    search/data/synonyms.txt."""
    groups: dict[tuple[str, ...], set[str]] = {}
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        phrases = [tuple(latin_terms(phrase)) for phrase in line.split(",")]
        phrases = [phrase for phrase in phrases if phrase]
        for phrase in phrases:
            groups.setdefault(phrase, set()).update(" ".join(p) for p in phrases if p != phrase)
    return {phrase: tuple(sorted(others)) for phrase, others in groups.items()}


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
    keys: set[str] = set()
    for token in tokens(text):
        if not token.khmer:
            out.append(token.term)
            if romanised:
                keys.update(
                    sound_key(w) for w in _LATIN_WORD.findall(fold(text[token.start : token.end]))
                )
            continue
        for word in khmer_words(token.term):
            out.append(khmer.fold_confusables(word))
            parts = khmer.clusters(word)
            if len(parts) > 1:
                out.extend(khmer.fold_confusables(part) for part in parts)
        if romanised:
            spellings = (*khmer.romanise(token.term), khmer.romanise_by_rules(token.term))
        else:
            spellings = khmer.known_spellings(token.term)
        for spelling in spellings:
            roman = latin_terms(spelling)
            out.extend(roman)
            if len(roman) > 1:
                out.append("".join(roman))
            if romanised:
                keys.update(sound_key(w) for w in _LATIN_WORD.findall(fold(spelling)))
    out.extend(sorted(key for key in keys if key))
    return " ".join(out)


@dataclass(frozen=True)
class QueryTerm:
    """One term of a query: a word (or the words of a phrase that has synonyms), for Khmer
    the clusters it may hide in, and other terms that find the same (synonyms, sound key,
    close spellings; an alternative with spaces is a phrase)."""

    term: str
    khmer: bool
    clusters: tuple[str, ...] = field(default=())
    alternatives: tuple[str, ...] = field(default=())
    # Two words that may also be written as one ("Bat Dambang", "batdambang"): the term
    # matches when all its parts do (each with its own alternatives), or an alternative.
    parts: tuple[QueryTerm, ...] = field(default=())

    @property
    def words(self) -> set[str]:
        """Return every single term this one matches (for highlighting)."""
        words = {w for phrase in (self.term, *self.alternatives) for w in phrase.split()}
        return words.union(*(part.words for part in self.parts))


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
    latin_words: list[str] = []  # the folded word of each Latin term, for its sound key
    for token in _joined_fragments(tokens(text)):
        words = khmer_words(token.term)[1:] or [token.term] if token.khmer else [token.term]
        for word in words:
            if word in seen or word in KHMER_STOP_WORDS:
                continue
            seen.add(word)
            if token.khmer:
                parts = tuple(khmer.fold_confusables(c) for c in khmer.clusters(word))
                folded = khmer.fold_confusables(word)
                terms.append(QueryTerm(folded, True, parts if len(parts) > 1 else ()))
                latin_words.append("")
            else:
                terms.append(QueryTerm(word, False))
                latin_words.append(_typed_word(text, token, word))
    return Query(text, tuple(_with_alternatives(terms, latin_words)[:MAX_QUERY_TERMS]))


def _joined_fragments(words: list[Token]) -> list[Token]:
    """Return the tokens with runs of one-cluster Khmer pieces joined: ICU cuts a word it
    does not know (a misspelling: ផ្សារនាត់) into clusters, and "នា" and "ត់" alone would
    find, and mark, clusters of any word."""
    out: list[Token] = []
    fragment = False  # the last token is one cluster, or a run of them
    for token in words:
        single = token.khmer and len(khmer.clusters(token.term)) == 1
        previous = out[-1] if out else None
        if single and fragment and previous is not None and previous.end == token.start:
            out[-1] = Token(previous.term + token.term, previous.start, token.end, khmer=True)
        else:
            out.append(token)
        fragment = single
    return out


def _typed_word(text: str, token: Token, term: str) -> str:
    """Return the folded word as typed that gave a Latin term (for its sound key)."""
    for word in _LATIN_WORD.findall(fold(text[token.start : token.end])):
        if stem(word) == term:
            return word
    return ""


def _with_alternatives(terms: list[QueryTerm], typed: list[str]) -> list[QueryTerm]:
    """Join the Latin terms that form a phrase of the synonyms into one term with the
    phrase's synonyms as alternatives; give single words their synonyms and sound key."""
    table = synonyms()
    longest = max((len(phrase) for phrase in table), default=1)
    out: list[QueryTerm] = []
    position = 0
    while position < len(terms):
        term = terms[position]
        if term.khmer:
            out.append(term)
            position += 1
            continue
        for length in range(min(longest, len(terms) - position), 0, -1):
            span = terms[position : position + length]
            phrase = tuple(t.term for t in span)
            if any(t.khmer for t in span) or phrase not in table:
                continue
            alternatives = list(table[phrase])
            if length == 1:
                key = sound_key(typed[position])
                alternatives += [key] if key else []
            out.append(QueryTerm(" ".join(phrase), False, (), tuple(alternatives)))
            position += length
            break
        else:
            key = sound_key(typed[position])
            out.append(QueryTerm(term.term, False, (), (key,) if key else ()))
            position += 1
    return out
