"""The search page, its type-ahead and the administrators' report of queries."""

from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.formatting import to_khmer_digits
from core.languages import language_switch_links
from core.typing import AuthenticatedHttpRequest
from search import analytics
from search.analysis import MAX_QUERY_LENGTH
from search.engine import Hit, SearchRequest, SearchResults, add_snippets, run_search, suggest
from search.registry import area_resolver

SUGGEST_MIN_LENGTH = 2
# A search address longer than this (the part after "?") gets the portal's own page, status
# 414, rather than whatever the server would do with it: the form cannot make one (the box
# takes 200 characters, about 1,800 in the address when Khmer), a pasted link can. Servers
# in front must pass at least this much (gunicorn --limit-request-line 8190, see
# docs/operations.md).
MAX_QUERY_STRING = 4096
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
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        cut = " ".join(request.GET.get("q", "")[: MAX_QUERY_LENGTH * 2].split())
        # Its language links lead to the empty search page: with the address they would
        # repeat it, and lead to this page again.
        links = language_switch_links(request.path, get_language() or "km")
        context = {"query": cut[:MAX_QUERY_LENGTH], "language_links": links}
        return render(request, "search/too_long.html", context, status=414)
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
    # A page of a list is a slice of that list.
    add_snippets(cast("list[Hit]", page_obj.object_list), results.query, language)
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
            # As typed (the analysed text has ASCII digits and no invisible characters).
            "query": " ".join(text.split())[:MAX_QUERY_LENGTH] if results.query.text else "",
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
    language = get_language() or "km"
    documents = suggest(text, language) if len(text.strip()) >= SUGGEST_MIN_LENGTH else []
    shown = to_khmer_digits if language == "km" else str
    return JsonResponse(
        {"results": [{"title": shown(d.title), "url": d.url, "kind": d.kind} for d in documents]},
        json_dumps_params={"ensure_ascii": False},
    )


@login_required
@require_GET
def report(request: AuthenticatedHttpRequest) -> HttpResponse:
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
