"""Polling 500 news sources in one cycle, served by a real HTTP server on loopback.

Each source is an RSS 2.0 feed of ITEMS stories with different text (so every story is
new, and deduplication has to compare them all). Measured: the first cycle (fetch, parse,
sanitise, deduplicate and store everything: wall time and items per second) and then
cycles where nothing changed (the server answers 304 to the conditional GET), as medians
of SALA_BENCH_ROUNDS (default 3). SALA_BENCH_SOURCES sets the number of sources (500).
Demo settings on a throwaway SQLite database.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable

from bench.scratch import scratch_demo_database

SOURCES = int(os.environ.get("SALA_BENCH_SOURCES", "500"))
ITEMS = 10
ROUNDS = int(os.environ.get("SALA_BENCH_ROUNDS", "3"))
RATIOS = {"unchanged vs first cycle": ("unchanged cycle s", "first cycle s")}
SYLLABLES = "ka ko kh sa so ri re mo ma ta to na no pa po la lo va vo cha che sre tra pre".split()


def vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    """Return made-up words: real news differ in their words, not in a shared few."""
    return ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)]


def feed(source: int, rng: random.Random, words_list: list[str]) -> bytes:
    items = []
    for number in range(ITEMS):
        words = " ".join(rng.choice(words_list) for _ in range(40))
        items.append(
            f"<item><title>Announcement {number} of office {source}: {words[:60]}</title>"
            f"<link>https://office{source}.example.gov.kh/news/{number}</link>"
            f"<guid>office{source}-{number}</guid>"
            f"<pubDate>Mon, 30 Nov 2026 {number:02}:00:00 +0700</pubDate>"
            f"<description>&lt;p&gt;{words}&lt;/p&gt;</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Office {source}</title><link>https://office{source}.example.gov.kh/</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def run(progress: Callable[[str], None]) -> dict:
    with scratch_demo_database(progress):
        from aggregation.models import Item, Source
        from aggregation.polling import poll_sources
        from aggregation.tests.servers import FeedServer, Route

        server = FeedServer().start()
        try:
            rng = random.Random(9)  # noqa: S311 - made-up text, not secrets
            words = vocabulary(rng)
            for number in range(SOURCES):
                server.routes[f"/feed/{number}"] = Route(body=feed(number, rng, words))
                Source.objects.create(
                    name_en=f"Office {number}", name_km=f"ការិយាល័យ {number}",
                    url=server.url(f"/feed/{number}"),
                )  # fmt: skip
            progress(f"{SOURCES} sources of {ITEMS} items each, served on {server.base_url}")
            started = time.perf_counter()
            first = poll_sources(Source.objects.all())
            first_seconds = time.perf_counter() - started
            assert first.failed == 0, first
            stored = Item.objects.count()
            progress(f"first cycle: {stored} items in {first_seconds:.1f} s")
            unchanged = []
            for _round in range(ROUNDS):
                started = time.perf_counter()
                cycle = poll_sources(Source.objects.all())
                unchanged.append(time.perf_counter() - started)
                assert cycle.not_modified == SOURCES, cycle
            progress(f"unchanged cycles: {', '.join(f'{s:.2f}' for s in unchanged)} s")
        finally:
            server.stop()
    return {
        "first cycle s": first_seconds,
        "first cycle items": stored,
        "first cycle items/s": stored / first_seconds,
        "unchanged cycle s": unchanged,
        "unchanged cycle sources/s": [SOURCES / seconds for seconds in unchanged],
    }
