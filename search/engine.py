"""Searching the index: candidates from the backend, then the same ranking, facets,
"did you mean" and snippets for every backend.

`run_search(SearchRequest(...))` is what the page calls; `suggest(text, language)` feeds
the type-ahead. Ranking: the backend's relevance score, scaled to the best candidate,
times the document's own weight, times boosts for a promoted kind (services), the
visitor's language, the visitor's area (same area, district, province) and a title that
contains the whole query. Facet counts are over the candidates (at most CANDIDATES); when
the backend gives that many, the page says there are more and how to narrow them.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace

from django.db import DatabaseError
from django.utils.html import escape as html_escape
from django.utils.safestring import SafeString, mark_safe

from core.formatting import to_khmer_digits
from search import analysis, khmer
from search.analysis import Query, QueryTerm
from search.backends import get_backend
from search.models import Document, Word
from search.registry import Facet, kind_labels

logger = logging.getLogger(__name__)

CANDIDATES = 300
FEW = 5
SNIPPET_CHARS = 220
PROMOTED_BOOST = 2.0
LANGUAGE_BOOST = 1.3
TITLE_BOOST = 1.5
AREA_BOOSTS = ((3, 1.5), (2, 1.35), (1, 1.2))  # same commune, district, province


@dataclass(frozen=True)
class SearchRequest:
    text: str
    language: str
    kind: str = ""
    institution: str = ""
    area: str = ""
    in_language: str = ""
    visitor_area_path: str = ""


# What ranking and the result list read of a document (no text: loaded for the page shown).
CANDIDATE_FIELDS = (
    "id",
    "key",
    "language",
    "kind",
    "title",
    "url",
    "promoted",
    "boost",
    "institution_key",
    "institution_km",
    "institution_en",
    "area_path",
    "province_km",
    "province_en",
)


@dataclass
class Candidate:
    """A document as ranking sees it (the fields of CANDIDATE_FIELDS, and its body once
    its page of results is shown)."""

    id: int
    key: str
    language: str
    kind: str
    title: str
    url: str
    promoted: bool
    boost: float
    institution_key: str
    institution_km: str
    institution_en: str
    area_path: str
    province_km: str
    province_en: str
    body: str = ""


def _load(**filters: object) -> list[Candidate]:
    rows = Document.objects.filter(**filters).values_list(*CANDIDATE_FIELDS)
    return [Candidate(*row) for row in rows]


@dataclass
class Hit:
    document: Candidate
    score: float
    title: str = ""  # highlighted, safe HTML (add_snippets)
    snippet: str = ""


@dataclass
class FacetCount:
    key: str
    label: str
    count: int
    selected: bool
    url: str = ""  # this page with the filter set (or removed when selected)


@dataclass
class SearchResults:
    query: Query
    hits: list[Hit] = field(default_factory=list)  # all of them, filtered, best first
    total: int = 0
    kinds: list[FacetCount] = field(default_factory=list)
    institutions: list[FacetCount] = field(default_factory=list)
    areas: list[FacetCount] = field(default_factory=list)
    languages: list[FacetCount] = field(default_factory=list)
    did_you_mean: str = ""
    corrected: bool = False  # the hits are for `did_you_mean`, the query had none
    capped: bool = False  # more documents match than the CANDIDATES ranked
    failed: bool = False


CLOSE_SPELLINGS = 3


def with_close_spellings(query: Query) -> Query:
    """Return the query with, for each Latin word the index does not know, the closest
    words it does know as alternatives ("Battambnag" also looks for "battambang"), and two
    words that the index knows joined as one ("Bat Dambang", "Ta Keo") looking for both."""
    query = _with_joined_pairs(query)
    typed = [w for w in query.latin_words if len(w) >= 4 and not w.isdigit()]
    if not typed:
        return query
    unknown = set(typed) - set(Word.objects.filter(word__in=typed).values_list("word", flat=True))
    if not unknown:
        return query
    backend = get_backend()
    terms = []
    for term in query.terms:
        word = next((w for w in unknown if analysis.stem(w) == term.term), None)
        if term.khmer or word is None:
            terms.append(term)
            continue
        close = [analysis.stem(w) for w in backend.close_words(word, limit=CLOSE_SPELLINGS)]
        extra = tuple(
            w for w in dict.fromkeys(close) if w != term.term and w not in term.alternatives
        )
        terms.append(replace(term, alternatives=(*term.alternatives, *extra)))
    return replace(query, terms=tuple(terms))


def _with_joined_pairs(query: Query) -> Query:
    """Return the query with each pair of neighbouring Latin words whose joined spelling is
    a word of the index made one term: the two words as a phrase, or the joined word."""
    terms = list(query.terms)
    words = query.latin_words
    simple = [t for t in terms if not t.khmer and " " not in t.term]
    if len(simple) < 2 or len(simple) != len(words):
        return query
    pairs = {words[i] + words[i + 1]: i for i in range(len(words) - 1)}
    known = set(Word.objects.filter(word__in=list(pairs)).values_list("word", flat=True))
    if not known:
        return query
    out: list[QueryTerm] = []
    skip = set()
    index = {id(t): n for n, t in enumerate(simple)}
    for term in terms:
        n = index.get(id(term))
        if n is not None and n in skip:
            continue
        joined = words[n] + words[n + 1] if n is not None and n + 1 < len(words) else ""
        if n is not None and joined in known and n + 1 not in skip:
            second = simple[n + 1]
            key = analysis.sound_key(joined)
            alternatives = (analysis.stem(joined), *((key,) if key else ()))
            out.append(
                QueryTerm(
                    f"{term.term} {second.term}", False, (), alternatives, parts=(term, second)
                )
            )
            skip.add(n + 1)
        else:
            out.append(term)
    return replace(query, terms=tuple(out))


def _candidates(query: Query) -> list[tuple[int, float]]:
    backend = get_backend()
    hits = backend.search(query, mode="all", limit=CANDIDATES)
    if len(hits) < FEW and len(query.terms) > 1:
        seen = {doc_id for doc_id, _score in hits}
        best = max((s for _d, s in hits), default=0.0)
        extra = backend.search(query, mode="any", limit=CANDIDATES)
        top_extra = max((s for _d, s in extra), default=0.0) or 1.0
        # Documents with only some of the words rank below those with all of them.
        scale = (best or top_extra) * 0.5 / top_extra
        hits += [(d, s * scale) for d, s in extra if d not in seen]
    return hits


def did_you_mean(query: Query) -> str:
    """Return the query with each unknown Latin word replaced by the closest indexed word,
    or "" when every word is known or none has a close neighbour."""
    words = query.latin_words
    if not words:
        return ""
    known = set(Word.objects.filter(word__in=words).values_list("word", flat=True))
    backend = get_backend()
    changed = False
    out = []
    for word in analysis._LATIN_WORD.findall(analysis.fold(query.text)):
        if word in known or word.isdigit() or len(word) < 4 or word not in words:
            out.append(word)
            continue
        close = backend.close_words(word, limit=1)
        if close and close[0] != word:
            out.append(close[0])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else ""


def _area_boost(document: Candidate, visitor_path: str) -> float:
    if not visitor_path or not document.area_path:
        return 1.0
    mine = visitor_path.strip("/").split("/")
    theirs = document.area_path.strip("/").split("/")
    for depth, boost in AREA_BOOSTS:
        if len(mine) >= depth and len(theirs) >= depth and mine[:depth] == theirs[:depth]:
            return boost
    return 1.0


def _rank(hits: list[tuple[int, float]], request: SearchRequest, query: Query) -> list[Hit]:
    if not hits:
        return []
    scores = dict(hits)
    best = max(scores.values()) or 1.0
    documents = _load(id__in=list(scores))
    plain_query = query.text.casefold()
    ranked: dict[str, Hit] = {}
    for document in documents:
        score = scores[document.id] / best * document.boost
        if document.promoted:
            score *= PROMOTED_BOOST
        if document.language == request.language:
            score *= LANGUAGE_BOOST
        if plain_query and plain_query in document.title.casefold():
            score *= TITLE_BOOST
        score *= _area_boost(document, request.visitor_area_path)
        # One result per object: the best of its languages.
        current = ranked.get(document.key)
        if current is None or score > current.score:
            ranked[document.key] = Hit(document, score)
    _in_visitor_language(ranked, request.language)
    return sorted(ranked.values(), key=lambda hit: (-hit.score, hit.document.title))


def _in_visitor_language(ranked: dict[str, Hit], language: str) -> None:
    """Show each object in the visitor's language when it is written in it."""
    keys = [key for key, hit in ranked.items() if hit.document.language != language]
    if not keys:
        return
    for document in _load(key__in=keys, language=language):
        ranked[document.key].document = document


def _facets(hits: list[Hit], request: SearchRequest) -> dict[str, list[FacetCount]]:
    language = request.language
    labels = kind_labels()
    kinds = Counter(h.document.kind for h in hits)
    institutions: Counter[str] = Counter()
    institution_names: dict[str, str] = {}
    areas: Counter[str] = Counter()
    area_names: dict[str, str] = {}
    languages = Counter(h.document.language for h in hits)
    for hit in hits:
        d = hit.document
        if d.institution_key:
            institutions[d.institution_key] += 1
            institution_names[d.institution_key] = Facet(
                d.institution_key, d.institution_km, d.institution_en
            ).label(language)
        if d.area_path:
            province = d.area_path.strip("/").split("/")[0]
            areas[province] += 1
            area_names[province] = Facet(province, d.province_km, d.province_en).label(language)
    language_names = {"km": "ខ្មែរ", "en": "English"}
    return {
        "kinds": [
            FacetCount(k, str(labels.get(k, k)), kinds[k], k == request.kind)
            for k in sorted(kinds, key=lambda k: list(labels).index(k) if k in labels else 99)
        ],
        "institutions": [
            FacetCount(k, institution_names[k], n, k == request.institution)
            for k, n in institutions.most_common(10)
        ],
        "areas": [
            FacetCount(k, area_names[k], n, k == request.area) for k, n in areas.most_common(10)
        ],
        "languages": [
            FacetCount(k, language_names.get(k, k), n, k == request.in_language)
            for k, n in sorted(languages.items())
        ],
    }


def _filtered(hits: list[Hit], request: SearchRequest) -> list[Hit]:
    out = hits
    if request.kind:
        out = [h for h in out if h.document.kind == request.kind]
    if request.institution:
        out = [h for h in out if h.document.institution_key == request.institution]
    if request.area:
        out = [h for h in out if h.document.area_path.strip("/").split("/")[0] == request.area]
    if request.in_language:
        out = [h for h in out if h.document.language == request.in_language]
    return out


def run_search(request: SearchRequest) -> SearchResults:
    """Return one page of results for a visitor's query, with facets and "did you mean".
    Never raises for what was typed; a failing database gives `failed=True`."""
    query = analysis.parse_query(request.text)
    results = SearchResults(query=query)
    if not query:
        return results
    try:
        hits = _candidates(with_close_spellings(query))
        results.did_you_mean = did_you_mean(query)
        if not hits and results.did_you_mean:
            corrected = analysis.parse_query(results.did_you_mean)
            hits = _candidates(corrected)
            results.corrected = bool(hits)
            if hits:
                query = corrected
        ranked = _rank(hits, request, query)
        results.capped = len(hits) >= CANDIDATES
    except DatabaseError:
        logger.exception("search failed")  # never the query: it may hold an ID number
        results.failed = True
        return results
    facets = _facets(ranked, request)
    results.kinds = facets["kinds"]
    results.institutions = facets["institutions"]
    results.areas = facets["areas"]
    results.languages = facets["languages"]
    results.hits = _filtered(ranked, request)
    results.total = len(results.hits)
    results.query = query
    return results


def add_snippets(hits: list[Hit], query: Query, language: str = "") -> None:
    """Give the hits about to be shown their highlighted title and snippet (with Khmer
    digits on Khmer pages: the index keeps digits as ASCII)."""
    bodies = dict(
        Document.objects.filter(id__in=[h.document.id for h in hits]).values_list("id", "body")
    )
    digits = language == "km"
    for hit in hits:
        hit.document.body = bodies.get(hit.document.id, "")
        hit.title = highlight(hit.document.title, query, whole=True, khmer_digits=digits)
        hit.snippet = highlight(hit.document.body, query, khmer_digits=digits)


def suggest(text: str, language: str, limit: int = 8) -> list[Candidate]:
    """Return documents whose words start like the query (the last word as a prefix)."""
    query = analysis.parse_query(text)
    if not query:
        return []
    try:
        hits = get_backend().search(query, mode="all", prefix=True, limit=60)
    except DatabaseError:
        logger.exception("suggest failed")
        return []
    ranked = _rank(hits, SearchRequest(text=text, language=language), query)
    return [hit.document for hit in ranked[:limit]]


# --- Snippets ----------------------------------------------------------------------------


def _spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Return the [start, end) spans of normalised text that the query matched.

    Khmer spans never split a cluster, nor a word the segmenter knows: a match counts only
    when it starts and ends on cluster boundaries (so a consonant typed alone never marks
    the base of a cluster without its subscript, or a subscript without its base), and
    is widened to the words it falls in. Letters people swap (ណ/ន) are folded on both
    sides, letter for letter, so a misspelt query marks the word as written."""
    latin: set[str] = set()
    for term in query.terms:
        if not term.khmer:
            latin |= term.words
    spans = [(t.start, t.end) for t in analysis.tokens(text) if not t.khmer and t.term in latin]
    khmer_terms = {t.term for t in query.terms if t.khmer}
    if khmer_terms:
        spans.extend(_khmer_spans(text, khmer_terms))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _khmer_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    folded = khmer.fold_confusables(text)
    boundaries = {0, len(text)}
    for match in khmer.CLUSTER.finditer(text):
        boundaries.update(match.span())
    words = [(start, end) for word, start, end in khmer.words(text) if khmer.is_khmer(word)]
    spans = []
    for term in terms:
        # One cluster alone (a fragment of a misspelt word) marks only a word of its own.
        many = len(khmer.clusters(term)) > 1
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            if start in boundaries and end in boundaries and (many or (start, end) in words):
                covering = [(s, e) for s, e in words if s < end and e > start]
                spans.append(
                    (
                        min([start, *(s for s, _e in covering)]),
                        max([end, *(e for _s, e in covering)]),
                    )
                )
            start = folded.find(term, start + 1)
    return spans


def highlight(
    text: str, query: Query, *, whole: bool = False, khmer_digits: bool = False
) -> SafeString:
    """Return text (a window around the first match unless `whole`) with the matched words
    in <mark>, escaped; its digits in Khmer when `khmer_digits`."""

    def escape(piece: str) -> str:
        return html_escape(to_khmer_digits(piece) if khmer_digits else piece)

    text = khmer.normalise(text or "")
    spans = _spans(text, query)
    begin, end = 0, len(text)
    if not whole and len(text) > SNIPPET_CHARS:
        first = spans[0][0] if spans else 0
        begin = max(0, first - SNIPPET_CHARS // 3)
        while begin > 0 and not text[begin - 1].isspace() and first - begin < SNIPPET_CHARS // 2:
            begin -= 1
        end = min(len(text), begin + SNIPPET_CHARS)
        # Never cut a cluster: a window starting on a vowel sign or a subscript shows it
        # alone, on a dotted circle.
        while 0 < begin < len(text) and khmer.inside_cluster(text, begin):
            begin -= 1
        while 0 < end < len(text) and khmer.inside_cluster(text, end):
            end -= 1
    out = ["…" if begin > 0 else ""]
    position = begin
    for start, stop in spans:
        if stop <= begin or start >= end:
            continue
        start, stop = max(start, begin), min(stop, end)
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:stop])}</mark>")
        position = stop
    out.append(escape(text[position:end]))
    out.append("…" if end < len(text) else "")
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above
