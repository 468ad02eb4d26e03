"""The search page, its type-ahead and the administrators' report of queries."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from search import analytics
from search.analysis import MAX_QUERY_LENGTH
from search.engine import SearchRequest, SearchResults, add_snippets, run_search, suggest
from search.registry import area_resolver

SUGGEST_MIN_LENGTH = 2
SUGGEST_CACHE_SECONDS = 300
PAGE_SIZE = 10


def _filter(value: str) -> str:
    return value[:100] if value.isprintable() else ""


def _with_facet_urls(request: HttpRequest, results: SearchResults) -> None:
    facets = {
        "kind": results.kinds,
        "institution": results.institutions,
        "area": results.areas,
        "language": results.languages,
    }
    for name, values in facets.items():
        for value in values:
            params = request.GET.copy()
            params.pop("page", None)
            if value.selected:
                params.pop(name, None)
            else:
                params[name] = value.key
            value.url = f"?{params.urlencode()}"


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Results for `q`, filtered by kind, institution, area and language, page by page."""
    text = request.GET.get("q", "")[: MAX_QUERY_LENGTH * 2]
    language = get_language() or "km"
    resolver = area_resolver()
    search_request = SearchRequest(
        text=text,
        language=language,
        kind=_filter(request.GET.get("kind", "")),
        institution=_filter(request.GET.get("institution", "")),
        area=_filter(request.GET.get("area", "")),
        in_language=_filter(request.GET.get("language", "")),
        visitor_area_path=(resolver.visitor_area_path(request) or "") if resolver else "",
    )
    results = run_search(search_request)
    _with_facet_urls(request, results)
    page_obj = Paginator(results.hits, PAGE_SIZE).get_page(request.GET.get("page"))
    add_snippets(page_obj.object_list, results.query)
    is_first_page = page_obj.number == 1 and not any(
        (search_request.kind, search_request.institution, search_request.area)
    )
    if results.query and is_first_page and not results.failed:
        analytics.do_record_query(text, language, results.total)
    filters = {
        "kind": search_request.kind,
        "institution": search_request.institution,
        "area": search_request.area,
        "language": search_request.in_language,
    }
    return render(
        request,
        "search/search.html",
        {
            "query": results.query.text,
            "results": results,
            "page_obj": page_obj,
            "filters": filters,
            "has_filters": any(filters.values()),
        },
        status=503 if results.failed else 200,
    )


@require_GET
@cache_control(max_age=SUGGEST_CACHE_SECONDS, public=True)
def suggestions(request: HttpRequest) -> JsonResponse:
    """The header's type-ahead: up to 8 titles whose words start like `q`, as JSON."""
    text = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    documents = (
        suggest(text, get_language() or "km") if len(text.strip()) >= SUGGEST_MIN_LENGTH else []
    )
    return JsonResponse(
        {"results": [{"title": d.title, "url": d.url, "kind": d.kind} for d in documents]},
        json_dumps_params={"ensure_ascii": False},
    )


@login_required
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    """For administrators: the most searched queries and those that found nothing."""
    if not (request.user.is_staff and request.user.has_perm("search.view_querystat")):
        raise PermissionDenied
    return render(
        request,
        "search/report.html",
        {
            "tables": [
                {"id": "top", "title": _("Most searched"), "rows": analytics.top_queries()},
                {
                    "id": "zero",
                    "title": _("Searched, but nothing found"),
                    "rows": analytics.zero_result_queries(),
                },
            ],
            "days": analytics.REPORT_DAYS,
        },
    )
