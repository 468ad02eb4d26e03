"""PostgreSQL full-text search over the analysed terms, pg_trgm for close words.

The migration adds a `vector` tsvector column to search_document that a trigger fills
from the terms on every write (ranking reads it instead of parsing the text again), a GIN
index on it, and a trigram index on search_word.word. The 'simple' configuration only
lower-cases: the terms are already analysed by `search.analysis`.
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
    "ALTER TABLE search_document ADD COLUMN vector tsvector",
    f"""CREATE FUNCTION search_document_vector() RETURNS trigger AS $$
    BEGIN NEW.vector := {
        VECTOR.replace("title_terms", "NEW.title_terms").replace("body_terms", "NEW.body_terms")
    }; RETURN NEW; END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER search_document_vector BEFORE INSERT OR UPDATE ON search_document "
    "FOR EACH ROW EXECUTE FUNCTION search_document_vector()",
    "CREATE INDEX search_document_vector ON search_document USING gin (vector)",
    "CREATE INDEX search_word_trgm ON search_word USING gin (word gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS search_word_trgm",
    "DROP INDEX IF EXISTS search_document_vector",
    "DROP TRIGGER IF EXISTS search_document_vector ON search_document",
    "DROP FUNCTION IF EXISTS search_document_vector()",
    "ALTER TABLE search_document DROP COLUMN IF EXISTS vector",
]


def _quoted(term: str) -> str:
    return "'" + term.replace("'", "").replace("\\", "") + "'"


def _phrase(words: str, star: str) -> str:
    parts = [_quoted(word) for word in words.split()]
    parts[-1] += star
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def _group(term: QueryTerm, prefix: bool) -> str:
    star = ":*" if prefix else ""
    if term.parts:  # all the parts, or the alternatives (the words written as one)
        last = len(term.parts) - 1
        every = " & ".join(_group(p, prefix and i == last) for i, p in enumerate(term.parts))
        alternatives = [f"({every})"]
    else:
        alternatives = [_phrase(term.term, star)]
    # Synonyms, sound keys and close spellings (phrases when they have spaces).
    alternatives.extend(_phrase(other, star) for other in term.alternatives)
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
            f"SELECT id, ts_rank({RANK_WEIGHTS}, vector, q) AS score "  # noqa: S608
            "FROM search_document, to_tsquery('simple', %s) AS q "
            "WHERE vector @@ q ORDER BY score DESC LIMIT %s"
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
