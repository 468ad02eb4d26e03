"""The backend's full-text structures over search_document: an FTS5 table kept by
triggers on SQLite; pg_trgm, a GIN expression index and a trigram index on PostgreSQL."""

from __future__ import annotations

from django.db import migrations


def _statements(vendor: str, which: str) -> list[str]:
    if vendor == "postgresql":
        from search.backends import postgres

        return getattr(postgres, which)
    if vendor == "sqlite":
        from search.backends import sqlite

        return getattr(sqlite, which)
    return []


def create(apps, schema_editor):
    for statement in _statements(schema_editor.connection.vendor, "CREATE"):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in _statements(schema_editor.connection.vendor, "DROP"):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
