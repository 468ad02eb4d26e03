from __future__ import annotations

from django.contrib import admin

from search.models import QueryStat


@admin.register(QueryStat)
class QueryStatAdmin(admin.ModelAdmin):
    """Searches per query and day; the report at /<lang>/search/report/ sums them up."""

    list_display = ("query", "language", "day", "searches", "results")
    list_filter = ("language", "day")
    search_fields = ("query",)
    ordering = ("-day", "-searches")
    readonly_fields = ("query", "language", "day", "searches", "results")

    def has_add_permission(self, request) -> bool:
        return False
