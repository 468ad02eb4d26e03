"""The unified index: one row per object and language, whatever app it comes from.

`title_terms` and `body_terms` hold the analysed terms (`search.analysis.index_terms`);
the backend's full-text structures are built over them by the migrations (an FTS5 table
kept by triggers on SQLite, a GIN expression index on PostgreSQL), so writing these rows
is all that indexing does.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    """One indexed object in one language (apps register what they index in
    `<app>/search_indexes.py`; see `search.registry`)."""

    key = models.CharField(_("object"), max_length=100, help_text=_("app.model:pk"))
    language = models.CharField(_("language"), max_length=8)
    kind = models.CharField(_("kind"), max_length=40, db_index=True)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    promoted = models.BooleanField(_("shown first when it matches"), default=False)
    boost = models.FloatField(_("weight"), default=1.0)
    institution_key = models.CharField(_("institution"), max_length=100, blank=True)
    institution_km = models.CharField(_("institution in Khmer"), max_length=300, blank=True)
    institution_en = models.CharField(_("institution in English"), max_length=300, blank=True)
    area_path = models.CharField(
        _("area path"), max_length=60, blank=True, help_text=_("/province/district/…/")
    )
    province_km = models.CharField(_("province in Khmer"), max_length=120, blank=True)
    province_en = models.CharField(_("province in English"), max_length=120, blank=True)
    title_terms = models.TextField(_("title terms"), blank=True)
    body_terms = models.TextField(_("text terms"), blank=True)
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("indexed document")
        verbose_name_plural = _("indexed documents")
        constraints = [
            models.UniqueConstraint(fields=["key", "language"], name="search_document_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.key}, {self.language})"


class Word(models.Model):
    """A Latin word of the index as written (folded, not stemmed), for "did you mean"."""

    word = models.CharField(_("word"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")

    def __str__(self) -> str:
        return self.word


class QueryStat(models.Model):
    """How often a query was searched on one day in one language, and how many results
    it had the last time (for the administrators' top and zero-result queries)."""

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=8)
    query = models.CharField(_("query"), max_length=200)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(_("results last time"), default=0)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "query"], name="search_querystat_unique"
            )
        ]

    def __str__(self) -> str:
        return self.query
