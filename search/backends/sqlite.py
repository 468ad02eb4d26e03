"""SQLite FTS5: an external-content table over search_document, kept by triggers."""

from __future__ import annotations

import difflib

from django.db import connection
from django.db.models.functions import Length

from search.analysis import Query, QueryTerm
from search.models import Word

TABLE = "search_document_fts"
# Title terms weigh eight times body terms in BM25.
WEIGHTS = (8.0, 1.0)

CREATE = [
    "CREATE VIRTUAL TABLE search_document_fts USING fts5(title_terms, body_terms, "
    "content='search_document', content_rowid='id', tokenize='ascii')",
    """CREATE TRIGGER search_document_ai AFTER INSERT ON search_document BEGIN
      INSERT INTO search_document_fts(rowid, title_terms, body_terms)
      VALUES (new.id, new.title_terms, new.body_terms); END""",
    """CREATE TRIGGER search_document_ad AFTER DELETE ON search_document BEGIN
      INSERT INTO search_document_fts(search_document_fts, rowid, title_terms, body_terms)
      VALUES ('delete', old.id, old.title_terms, old.body_terms); END""",
    """CREATE TRIGGER search_document_au AFTER UPDATE ON search_document BEGIN
      INSERT INTO search_document_fts(search_document_fts, rowid, title_terms, body_terms)
      VALUES ('delete', old.id, old.title_terms, old.body_terms);
      INSERT INTO search_document_fts(rowid, title_terms, body_terms)
      VALUES (new.id, new.title_terms, new.body_terms); END""",
]
DROP = [
    "DROP TRIGGER IF EXISTS search_document_ai",
    "DROP TRIGGER IF EXISTS search_document_ad",
    "DROP TRIGGER IF EXISTS search_document_au",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def _quoted(term: str) -> str:
    # Terms are letters and digits only (the analyser makes sure); quoting keeps FTS5
    # from reading a term such as AND, NEAR or a column name as syntax.
    return '"' + term.replace('"', "") + '"'


def _group(term: QueryTerm, prefix: bool) -> str:
    star = " *" if prefix else ""
    if term.parts:  # all the parts, or the alternatives (the words written as one)
        last = len(term.parts) - 1
        every = " AND ".join(_group(p, prefix and i == last) for i, p in enumerate(term.parts))
        alternatives = [f"({every})"]
    else:
        alternatives = [_quoted(term.term) + star]
    if term.clusters:
        alternatives.append('"' + " ".join(term.clusters) + '"' + star)
    # Synonyms, sound keys and close spellings (a phrase when it has spaces: FTS5 reads
    # the words of one quoted string as a phrase).
    alternatives.extend(_quoted(other) + star for other in term.alternatives)
    return "(" + " OR ".join(alternatives) + ")"


def match_expression(query: Query, mode: str, prefix: bool) -> str:
    last = len(query.terms) - 1
    groups = [_group(t, prefix and i == last) for i, t in enumerate(query.terms)]
    return (" AND " if mode == "all" else " OR ").join(groups)


class SQLiteBackend:
    def search(
        self, query: Query, *, mode: str = "all", prefix: bool = False, limit: int = 300
    ) -> list[tuple[int, float]]:
        if not query.terms:
            return []
        weights = ", ".join(str(w) for w in WEIGHTS)
        sql = (
            f"SELECT rowid, bm25({TABLE}, {weights}) AS rank FROM {TABLE} "  # noqa: S608
            f"WHERE {TABLE} MATCH %s ORDER BY rank LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match_expression(query, mode, prefix), limit])
            return [(row[0], -row[1]) for row in cursor.fetchall()]

    def close_words(self, word: str, *, limit: int = 5) -> list[str]:
        if len(word) < 3:
            return []
        candidates = (
            Word.objects.annotate(length=Length("word"))
            .filter(word__startswith=word[0], length__range=(len(word) - 2, len(word) + 2))
            .values_list("word", flat=True)[:20000]
        )
        return difflib.get_close_matches(word, list(candidates), n=limit, cutoff=0.75)

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            try:
                cursor.execute(
                    "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE %s OR name = %s",
                    [f"{TABLE}%", "search_document"],
                )
            except Exception:  # noqa: BLE001 - dbstat is an optional SQLite feature
                return 0
            return int(cursor.fetchone()[0] or 0)
