"""core.ratelimit: one limiter for every app (django-ratelimit in the shared cache)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from freezegun import freeze_time

from core.ratelimit import hit, is_limited


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_the_use_past_the_rate_is_refused():
    assert [hit("tests.a", "dara", "3/m") for _ in range(4)] == [True, True, True, False]
    assert is_limited("tests.a", "dara", "3/m")


def test_keys_and_groups_count_apart():
    for _ in range(3):
        hit("tests.a", "dara", "3/m")
    assert hit("tests.a", "sophea", "3/m")
    assert hit("tests.b", "dara", "3/m")
    assert not is_limited("tests.b", "dara", "3/m")


def test_the_count_starts_again_in_the_next_window():
    with freeze_time("2026-12-07 10:00:00") as clock:
        for _ in range(3):
            hit("tests.a", "dara", "3/10m")
        assert not hit("tests.a", "dara", "3/10m")
        clock.tick(2 * 600)
        assert hit("tests.a", "dara", "3/10m")


def test_checking_counts_nothing():
    for _ in range(5):
        assert not is_limited("tests.a", "dara", "1/m")
    assert hit("tests.a", "dara", "1/m")
