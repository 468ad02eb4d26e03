"""Crawling a ministry's website of 10,000 pages, the stand-in site on loopback.

The stand-in (standins.ministry_site) serves SALA_BENCH_CRAWL_PAGES generated notices
(default 10,000), all in its sitemap, with no crawl delay. Measured: the first crawl
(fetch, main text, store, and the search updates the saves trigger: pages a second), a
second crawl where every page answers 304 (pages a second), the time to index the crawled
pages again from scratch (`do_rebuild(only=["website"])`), and the latency of the
relevance queries of search/tests/relevance.py over the search corpus before and after
the 10,000 pages joined the index (p50 and p95). Demo settings on a throwaway SQLite
database, search updates run inline (TASKS_BACKEND=immediate).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

from bench.scratch import scratch_demo_database

PAGES = int(os.environ.get("SALA_BENCH_CRAWL_PAGES", "10000"))
RATIOS = {"search p95 after vs before": ("search p95 ms after", "search p95 ms before")}


def query_samples(progress: Callable[[str], None], when: str) -> tuple[list[float], float]:
    from search.engine import SearchRequest, run_search
    from search.tests.relevance import QUERIES

    queries = [(text, language) for text, language, _expected in QUERIES]
    queries += [("road maintenance bridge", "en"), ("culverts", "en")]
    for text, language in queries[:20]:
        run_search(SearchRequest(text, language))  # warm up
    samples = []
    for _round in range(3):
        for text, language in queries:
            started = time.perf_counter()
            run_search(SearchRequest(text, language))
            samples.append((time.perf_counter() - started) * 1000)
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    progress(f"search {when}: {len(samples)} queries, p50 "
             f"{statistics.median(samples):.1f} ms, p95 {p95:.1f} ms")  # fmt: skip
    return samples, p95


def run(progress: Callable[[str], None]) -> dict:
    os.environ["TASKS_BACKEND"] = "immediate"
    with scratch_demo_database(progress):
        from django.db import transaction

        from aggregation.crawling import crawl_site
        from aggregation.models import Page, Source
        from search.indexing import do_rebuild
        from search.tests.corpus import build_corpus
        from standins import ministry_site

        with transaction.atomic():
            build_corpus()
        before, p95_before = query_samples(progress, "before")
        server, _state = ministry_site.start(ministry_site.SiteState(notices=PAGES))
        try:
            source = Source.objects.create(
                name_en="Bench ministry", name_km="ក្រសួងសាកល្បង", kind=Source.Kind.SITE,
                url=f"{server.url}/", crawl_delay_seconds=0, max_pages=PAGES + 100,
            )  # fmt: skip
            done = 0

            def tell(url: str, outcome: str) -> None:
                nonlocal done
                done += 1
                if done % 1000 == 0:
                    progress(f"first crawl: {done} pages ({url}: {outcome})")

            started = time.perf_counter()
            first = crawl_site(source, progress=tell)
            first_seconds = time.perf_counter() - started
            pages = Page.objects.filter(status=Page.Status.INDEXED).count()
            progress(f"first crawl: {first.counts['fetched']} fetched, {pages} indexed in "
                     f"{first_seconds:.1f} s")  # fmt: skip
            assert pages >= PAGES, first.counts
            started = time.perf_counter()
            second = crawl_site(source)
            second_seconds = time.perf_counter() - started
            progress(f"second crawl: {second.counts['not_modified']} not modified in "
                     f"{second_seconds:.1f} s")  # fmt: skip
        finally:
            server.stop()
        started = time.perf_counter()
        rebuilt = do_rebuild(only=["website"])
        index_seconds = time.perf_counter() - started
        documents = sum(rebuilt.documents.values())
        progress(f"index from scratch: {documents} documents in {index_seconds:.1f} s")
        after, p95_after = query_samples(progress, "after")
    return {
        "first crawl pages": first.counts["fetched"],
        "first crawl s": first_seconds,
        "first crawl pages/s": first.counts["fetched"] / first_seconds,
        "second crawl (304) pages/s": second.counts["fetched"] / second_seconds,
        "index s": index_seconds,
        "index documents/s": documents / index_seconds,
        "search ms before": before,
        "search ms after": after,
        "search p95 ms before": p95_before,
        "search p95 ms after": p95_after,
    }
