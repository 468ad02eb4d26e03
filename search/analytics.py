"""What people search for: counts per query and day, for the administrators' report."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Max, QuerySet, Sum
from django.utils import timezone

from search import analysis
from search.models import QueryStat

REPORT_DAYS = 30


def do_record_query(text: str, language: str, results: int) -> None:
    """Count one search of `text` today (the normalised, case-folded query)."""
    query = analysis.fold(analysis.parse_query(text).text)[:200]
    if not query:
        return
    day = timezone.localdate()
    updated = QueryStat.objects.filter(day=day, language=language, query=query).update(
        searches=F("searches") + 1, results=results
    )
    if updated:
        return
    try:
        with transaction.atomic():
            QueryStat.objects.create(
                day=day, language=language, query=query, searches=1, results=results
            )
    except IntegrityError:  # another request created it first
        QueryStat.objects.filter(day=day, language=language, query=query).update(
            searches=F("searches") + 1, results=results
        )


def _since(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def top_queries(days: int = REPORT_DAYS, limit: int = 50) -> QuerySet:
    """Return the most searched queries of the last days: query, language, searches,
    results (the most any search of it had)."""
    return (
        QueryStat.objects.filter(day__gte=_since(days))
        .values("query", "language")
        .annotate(total=Sum("searches"), best=Max("results"))
        .order_by("-total", "query")[:limit]
    )


def zero_result_queries(days: int = REPORT_DAYS, limit: int = 50) -> QuerySet:
    """Return the queries of the last days that found nothing, most searched first."""
    return (
        QueryStat.objects.filter(day__gte=_since(days))
        .values("query", "language")
        .annotate(total=Sum("searches"), best=Max("results"))
        .filter(best=0)
        .order_by("-total", "query")[:limit]
    )
