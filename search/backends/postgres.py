"""PostgreSQL full-text search over the analysed terms, pg_trgm for close words.

The migration creates a GIN index on VECTOR (the same expression as below, so the
planner uses it) and a trigram index on search_word.word. The 'simple' configuration
only lower-cases: the terms are already analysed by `search.analysis`.
"""

from __future__ import annotations

from django.db import connection

from search.analysis import Query, QueryTerm

VECTOR = (
    "(setweight(to_tsvector('simple'::regconfig, title_terms), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, body_terms), 'B'))"
)
# Weights of D, C, B and A: a title term counts ten times a body term.
RANK_WEIGHTS = "'{0.01, 0.02, 0.1, 1.0}'"

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX search_document_vector ON search_document USING gin ({VECTOR})",
    "CREATE INDEX search_word_trgm ON search_word USING gin (word gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS search_document_vector",
    "DROP INDEX IF EXISTS search_word_trgm",
]


def _quoted(term: str) -> str:
    return "'" + term.replace("'", "").replace("\\", "") + "'"


def _group(term: QueryTerm, prefix: bool) -> str:
    star = ":*" if prefix else ""
    alternatives = [_quoted(term.term) + star]
    if term.clusters:
        parts = [_quoted(c) for c in term.clusters]
        parts[-1] += star
        alternatives.append("(" + " <-> ".join(parts) + ")")
    return "(" + " | ".join(alternatives) + ")"


def tsquery(query: Query, mode: str, prefix: bool) -> str:
    last = len(query.terms) - 1
    groups = [_group(t, prefix and i == last) for i, t in enumerate(query.terms)]
    return (" & " if mode == "all" else " | ").join(groups)


class PostgresBackend:
    def search(
        self, query: Query, *, mode: str = "all", prefix: bool = False, limit: int = 300
    ) -> list[tuple[int, float]]:
        if not query.terms:
            return []
        sql = (
            f"SELECT id, ts_rank({RANK_WEIGHTS}, {VECTOR}, q) AS score "  # noqa: S608
            f"FROM search_document, to_tsquery('simple', %s) AS q "
            f"WHERE {VECTOR} @@ q ORDER BY score DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [tsquery(query, mode, prefix), limit])
            return [(row[0], float(row[1])) for row in cursor.fetchall()]

    def close_words(self, word: str, *, limit: int = 5) -> list[str]:
        if len(word) < 3:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM search_word WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT %s",
                [word, word, limit],
            )
            return [row[0] for row in cursor.fetchall()]

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_total_relation_size('search_document') "
                "+ pg_total_relation_size('search_word')"
            )
            return int(cursor.fetchone()[0] or 0)
