"""Place pages, "choose your area", the directory of facilities and its exports.

Views parse and respond; what they show is built in `geo.places`, `geo.exporting` and
`geo.structured_data`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from geo import exporting, maps
from geo.forms import DirectoryFilterForm, FacilityImportForm
from geo.gazetteer import attribution
from geo.hours import local_moment
from geo.importing import ImportFileError, check_import_facilities, read_rows
from geo.maps import allow_map_tiles
from geo.models import Area, Facility, FacilityQuerySet, PublicHoliday
from geo.nearest import Point, by_distance
from geo.places import (
    access_area_by_code,
    build_place_page,
    chained_choices,
    remember_area,
    remembered_area,
    remembered_code,
    suggest_areas,
)
from geo.structured_data import facility_json_ld, json_for_script
from geo.validators import format_phone

PAGE_SIZE = 20
MAX_DISTANCE_PAGES = 50
SUGGEST_CACHE_SECONDS = 3600
EXPORT_LIMIT = 50_000


@require_GET
def choose_area(request: HttpRequest) -> HttpResponse:
    """Chained selects that work without JavaScript: each submit shows the next level."""
    levels, chosen = chained_choices(request.GET)
    query = request.GET.get("q", "").strip()[:100]
    matches = list(
        Area.objects.current()
        .search(query)
        .select_related("parent__parent")
        .order_by("level", "code")[:30]
    )
    return render(
        request,
        "geo/choose_area.html",
        {
            "levels": levels,
            "chosen": chosen,
            "query": query,
            "matches": matches,
            "current_area": remembered_area(request),
            "has_errors": any(level.invalid for level in levels),
            "picked": request.GET.get("picked") == "1",
        },
    )


@require_GET
@cache_control(max_age=SUGGEST_CACHE_SECONDS, public=True)
def suggest(request: HttpRequest) -> JsonResponse:
    """The type-ahead of "choose your area" and of place fields: up to 10 areas as JSON, for
    the page's language; `level` (1 province … 4 village) keeps one level.

    Anonymous and cacheable; text under 2 characters gives an empty list without a query.
    """
    raw_level = request.GET.get("level", "")
    level = int(raw_level) if raw_level in {"1", "2", "3", "4"} else None
    suggestions = suggest_areas(request.GET.get("q", ""), level=level)
    return JsonResponse(
        {"results": [s.as_json() for s in suggestions]},
        json_dumps_params={"ensure_ascii": False},
    )


@require_POST
def remember(request: HttpRequest) -> HttpResponse:
    """Keep the chosen area for this visitor, then go back to where they came from."""
    code = request.POST.get("area", "").strip()
    area = Area.objects.filter(code=code).first() if code.isdigit() else None
    if area is None:
        return HttpResponseRedirect(reverse("geo:choose_area"))
    remember_area(request, area)
    messages.success(request, _("Your area is now %(name)s.") % {"name": area.name})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = area.get_absolute_url()
    return HttpResponseRedirect(next_url)


@require_GET
def place(request: HttpRequest, code: str) -> HttpResponse:
    area = access_area_by_code(code)
    page = build_place_page(area)
    return render(
        request,
        "geo/place.html",
        {
            "area": area,
            "page": page,
            "breadcrumbs": page.breadcrumbs(),
            "is_current_area": remembered_code(request) == area.code,
            "attribution": attribution(),
        },
    )


@require_GET
@allow_map_tiles
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    near = form.cleaned_data.get("near") if form.is_bound else None
    facilities = form.filter(Facility.objects.active())
    if near is None:
        listed = (
            facilities.select_related("type", "area__parent__parent")
            .with_open_now()
            .order_by("name_en", "pk")
        )
        page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
        radius = None
    else:
        page, radius = _page_by_distance(request, facilities, near)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "geo/directory.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "near": near,
            "radius": radius,
            "chosen_area": form.cleaned_data.get("area") if form.is_bound else None,
            "current_area": remembered_area(request),
            **_map_context(request, query.urlencode()),
        },
    )


def _page_by_distance(request: HttpRequest, facilities: FacilityQuerySet, near: Point):
    """Return the page of facilities nearest to the point (each with `distance_km`) and the
    radius searched (None: the whole country)."""
    try:
        wanted = min(max(int(request.GET.get("page", 1)), 1), MAX_DISTANCE_PAGES)
    except ValueError:
        wanted = 1
    rows, radius = by_distance(facilities, near, wanted * PAGE_SIZE)
    page: Page[Any] = Paginator(rows, PAGE_SIZE).get_page(wanted)
    distances: dict[int, float] = dict(page.object_list)
    loaded = (
        Facility.objects.select_related("type", "area__parent__parent")
        .with_open_now()
        .in_bulk(distances)
    )
    nearest = [loaded[pk] for pk in distances if pk in loaded]
    for facility in nearest:
        facility.distance_km = distances[facility.pk]
    page.object_list = nearest  # the page's (id, distance) rows become its facilities
    return page, radius


def _map_context(request: HttpRequest, query: str) -> dict:
    """Return what the map needs; empty when the operator set no tile server."""
    if not maps.tile_url():
        return {}
    return {
        "map_tile_url": maps.tile_url(),
        "map_attribution": maps.tile_attribution(),
        "map_geojson_url": reverse("geo:export_geojson") + (f"?{query}" if query else ""),
    }


@require_GET
@allow_map_tiles
def facility(request: HttpRequest, code: str) -> HttpResponse:
    facility = get_object_or_404(
        Facility.objects.active()
        .select_related("type", "area", "institution")
        .prefetch_related("hours", "closures", "jurisdiction__area"),
        code=code,
    )
    lineage = list(Area.objects.lineage_of(facility.area))
    today = local_moment().date()
    url = request.build_absolute_uri(facility.get_absolute_url())
    return render(
        request,
        "geo/facility.html",
        {
            "facility": facility,
            "lineage": lineage,
            "breadcrumbs": [
                (_("Offices and facilities"), reverse("geo:directory")),
                *((a.name, a.get_absolute_url()) for a in lineage),
                (facility.name, ""),
            ],
            "json_ld": json_for_script(facility_json_ld(facility, lineage, url)),
            "open_now": facility.is_open_at(),
            "schedule": facility.weekly_schedule(),
            "phones": [(number, format_phone(number)) for number in facility.phones],
            "holidays": PublicHoliday.objects.upcoming()[:3],
            "closures": [c for c in facility.closures.all() if c.date >= today],
            "served": [row.area for row in facility.jurisdiction.all()] or [facility.area],
            **_map_context(request, ""),
        },
    )


def _filtered(request: HttpRequest) -> FacilityQuerySet:
    """Return the active facilities narrowed by the directory's valid filters."""
    form = DirectoryFilterForm(request.GET or None)
    if form.is_bound:
        form.is_valid()
    return form.filter(Facility.objects.active())


@require_GET
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        exporting.csv_lines(
            exporting.for_export(_filtered(request))[:EXPORT_LIMIT].iterator(chunk_size=500)
        ),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="facilities.csv"'
    return response


@require_GET
def export_geojson(request: HttpRequest) -> JsonResponse:
    facilities = _filtered(request).select_related("type", "area__parent__parent").order_by("code")
    data = exporting.geojson(
        facilities[:EXPORT_LIMIT],
        lambda f: request.build_absolute_uri(f.get_absolute_url()),
    )
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/geo+json"
    response["Content-Disposition"] = 'attachment; filename="facilities.geojson"'
    return response


@login_required
def import_facilities(request: HttpRequest) -> HttpResponse:
    """Back office: import facilities from a file (accounts/permissions.py says who may)."""
    if not request.user.has_perm("geo.import_facilities"):
        raise PermissionDenied
    form = FacilityImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = check_import_facilities(read_rows(upload, upload.name))
        except ImportFileError as error:
            form.add_error("file", str(error))
    return render(
        request,
        "geo/import.html",
        {"form": form, "report": report, "columns": exporting.COLUMNS},
        status=400 if form.errors else 200,
    )
