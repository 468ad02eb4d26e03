"""What people search for: counts per query and day, for the administrators' report.

Numbers that may identify a person (national ID, phone, passport, case references) are
masked before anything is stored: "passport N01234567" is kept as "passport ###"."""

from __future__ import annotations

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import F, Max, QuerySet, Sum
from django.utils import timezone

from search import analysis
from search.models import QueryStat

REPORT_DAYS = 30
MASK = "###"
MASKED_DIGITS = 5  # a run of this many digits may identify someone; years and road numbers stay

# A word with digits, letters and separators that holds at least MASKED_DIGITS digits:
# "012 345 678", "+855-12-345-678", "N01234567", "SALA-2026-000123-45", "010203040".
_NUMBER = re.compile(r"[+#]?[0-9a-z]*[0-9](?:[\s\-./()]*[0-9a-z]*[0-9])*[a-z]*", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+")


def _mask_number(match: re.Match[str]) -> str:
    text = match.group(0)
    return MASK if sum(ch.isdigit() for ch in text) >= MASKED_DIGITS else text


def mask_identifiers(text: str) -> str:
    """Return the query with ID, phone, passport and reference numbers (and email
    addresses) replaced by ###. Khmer digits count: the text is normalised first."""
    return _NUMBER.sub(_mask_number, _EMAIL.sub(MASK, text))


def do_record_query(text: str, language: str, results: int) -> None:
    """Count one search of `text` today (the normalised, case-folded query, its
    identifying numbers masked)."""
    query = mask_identifiers(analysis.fold(analysis.parse_query(text).text))[:200]
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
