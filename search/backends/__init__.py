"""Full-text backends behind one interface, chosen by the database in use.

A backend answers `search(query, mode, prefix, limit)` with (document id, score) pairs,
best first, and `close_words(word)` with indexed words near a misspelt one. Everything
else (facets, boosts, snippets, "did you mean") is the same Python for every backend
(`search.engine`). The index structures themselves are made by the migrations.
See docs/decisions/0021-search-khmer-analysis-and-backends.md and 0022 (OpenSearch).
"""

from __future__ import annotations

from typing import Literal, Protocol

from django.db import connection

from search.analysis import Query

Mode = Literal["all", "any"]


class Backend(Protocol):
    def search(
        self, query: Query, *, mode: Mode = "all", prefix: bool = False, limit: int = 300
    ) -> list[tuple[int, float]]: ...

    def close_words(self, word: str, *, limit: int = 5) -> list[str]: ...

    def size_bytes(self) -> int: ...


def get_backend() -> Backend:
    if connection.vendor == "postgresql":
        from search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from search.backends.sqlite import SQLiteBackend

    return SQLiteBackend()
