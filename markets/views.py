"""Market price pages: public prices (no account needed), and the officers' pages to
enter, review and import prices."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.formatting import format_number
from geo.models import Area, Facility
from geo.places import chained_choices, remembered_area
from markets import bulletin, officers, opendata, overview, pages
from markets.alerting import MAX_ALERTS, access_alert, do_subscribe, do_unsubscribe
from markets.bulletin_pdf import render_bulletin_pdf
from markets.decorators import market_staff_required, reviewer_required
from markets.forms import AlertForm, DayPricesForm, ImportForm
from markets.importing import do_import_prices
from markets.models import MARKET, Commodity, LatestPrice, PriceAlert, PriceType
from markets.parsing import UnreadableFile, read_rows
from markets.publishing import Entered, do_approve, do_record_prices, do_reject


def local(number: int) -> str:
    return format_number(number, get_language())


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    provinces = overview.priced_provinces()
    province = next((p for p in provinces if p.code == request.GET.get("province")), None)
    rows = overview.national_rows() if province is None else overview.province_rows(province)
    markets = overview.markets_in_province(province) if province is not None else []
    context = {
        "provinces": provinces,
        "province": province,
        "rows": rows,
        "markets": markets,
        "is_demo": any(row.is_demo for row in rows),
    }
    return render(request, "markets/index.html", context)


@require_GET
def commodity(request: HttpRequest, code: str) -> HttpResponse:
    item = get_object_or_404(Commodity.objects.select_related("unit", "category"), code=code)
    price_type = request.GET.get("type") or item.price_type
    if price_type not in PriceType.values:
        price_type = item.price_type
    return render(request, "markets/commodity.html", pages.commodity_context(item, price_type))


@require_GET
def market(request: HttpRequest, code: str) -> HttpResponse:
    place = get_object_or_404(
        Facility.objects.select_related("area__parent__parent"), code=code, type__code=MARKET
    )
    prices = overview.market_prices(place)
    return render(
        request,
        "markets/market.html",
        {"market": place, "prices": prices, "is_demo": any(p.is_demo for p in prices)},
    )


@require_GET
def where_to_sell(request: HttpRequest) -> HttpResponse:
    params = request.GET.dict()
    if not params.get("province") and (area := remembered_area(request)) is not None:
        codes = area.lineage_codes
        params.update(zip(("province", "district", "commune"), codes, strict=False))
    levels, chosen = chained_choices(params)
    levels = [level for level in levels if level.name != "village"]
    commodities = list(Commodity.objects.all())
    chosen_commodity = next((c for c in commodities if c.code == params.get("commodity")), None)
    found = (
        overview.nearest_markets(chosen, chosen_commodity)
        if chosen is not None and chosen.level >= Area.Level.COMMUNE
        else []
    )
    return render(
        request,
        "markets/where_to_sell.html",
        {
            "levels": levels,
            "area": chosen,
            "commodities": commodities,
            "chosen_commodity": chosen_commodity,
            "found": found,
            "is_demo": any(n.price and n.price.is_demo for n in found),
        },
    )


@require_GET
def series(request: HttpRequest, code: str, kind: str) -> StreamingHttpResponse:
    item = get_object_or_404(Commodity, code=code)
    rows = opendata.observation_rows(item)
    name = f"sala-market-prices-{item.code}"
    if kind == "csv":
        writer = csv.writer(opendata.Echo())
        response = StreamingHttpResponse(
            (writer.writerow(row) for row in opendata.with_header(rows)),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if kind == "json":
        response = StreamingHttpResponse(
            opendata.json_chunks(item, rows), content_type="application/json"
        )
        response["Content-Disposition"] = f'inline; filename="{name}.json"'
        return response
    raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def alerts(request: HttpRequest) -> HttpResponse:
    commodities = list(Commodity.objects.all())
    provinces = list(Area.objects.filter(level=Area.Level.PROVINCE).order_by("code"))
    initial = {"commodity": request.GET.get("commodity", ""), "rule": "above"}
    form = AlertForm(
        request.POST or None, initial=initial, commodities=commodities, provinces=provinces
    )
    if request.method == "POST" and form.is_valid():
        try:
            do_subscribe(request.user, **form.subscription())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your price alert is saved."))
            return HttpResponseRedirect(reverse("markets:alerts"))
    mine = PriceAlert.objects.filter(person_id=request.user.pk).select_related(
        "commodity__unit", "province"
    )
    return render(
        request,
        "markets/alerts.html",
        {"form": form, "alerts": mine, "limit": MAX_ALERTS},
    )


@login_required
@require_POST
def remove_alert(request: HttpRequest, pk: int) -> HttpResponse:
    do_unsubscribe(request.user, access_alert(request.user, pk))
    messages.success(request, _("The price alert is removed."))
    return HttpResponseRedirect(reverse("markets:alerts"))


@market_staff_required
@require_GET
def office(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "markets/office.html",
        {
            "markets": officers.markets_of(request.user).select_related("area"),
            "is_reviewer": officers.is_reviewer(request.user),
            "held": officers.held_for(request.user).count(),
        },
    )


@market_staff_required
@require_http_methods(["GET", "POST"])
def enter_prices(request: HttpRequest, code: str) -> HttpResponse:
    place = officers.access_market_for_officer(request.user, code)
    rows = officers.followed(place)
    latest = {(p.commodity_id, p.price_type): p for p in LatestPrice.objects.filter(market=place)}
    form = DayPricesForm(request.POST or None, rows=rows, latest=latest)
    if request.method == "POST" and form.is_valid():
        entries = [Entered(c, t, price) for c, t, price in form.entries()]
        try:
            recorded = do_record_prices(request.user, place, form.cleaned_data["date"], entries)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            held = sum(1 for o in recorded if o.status == o.Status.HELD)
            messages.success(
                request,
                _("Prices saved: %(saved)s. Held for the provincial officer's review: %(held)s.")
                % {"saved": local(len(recorded) - held), "held": local(held)},
            )
            return HttpResponseRedirect(reverse("markets:enter_prices", args=[place.code]))
    return render(request, "markets/enter_prices.html", {"market": place, "form": form})


@reviewer_required
@require_GET
def review(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "markets/review.html",
        {"held": pages.held_with_history(request.user)},
    )


@reviewer_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    observation = officers.access_held_observation(request.user, pk)
    decision = request.POST.get("decision")
    if decision not in ("approve", "reject"):
        messages.error(request, _("Choose to publish or to reject the price."))
    else:
        try:
            (do_approve if decision == "approve" else do_reject)(request.user, observation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The price is published.")
                if decision == "approve"
                else _("The price is rejected."),
            )
    return HttpResponseRedirect(reverse("markets:review"))


@reviewer_required
@require_http_methods(["GET", "POST"])
def import_prices(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        allowed = officers.markets_in(officers.review_provinces(request.user))
        try:
            result = do_import_prices(
                request.user, read_rows(upload.file, upload.name), upload.name, markets=allowed
            )
        except UnreadableFile:
            form.add_error("file", _("This file cannot be read as CSV (UTF-8) or XLSX."))
    return render(request, "markets/import.html", {"form": form, "result": result})


def _no_bulletin(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "markets/no_bulletin.html", {"message": message}, status=404)


@require_GET
def weekly_bulletin(
    request: HttpRequest, province: str, week: str = "latest", kind: str = "page"
) -> HttpResponse:
    """A province's weekly bulletin as a page or a PDF; "latest" is its newest week."""
    area = Area.objects.filter(code=province, level=Area.Level.PROVINCE).first()
    if area is None:
        return _no_bulletin(request, _("There is no province or capital with this code."))
    monday = bulletin.latest_week(area) if week == "latest" else bulletin.monday_of(week)
    found = bulletin.build(area, monday) if monday is not None else None
    if found is None:
        return _no_bulletin(request, _("No prices were published in this province that week."))
    if kind == "pdf":
        response = HttpResponse(render_bulletin_pdf(found), content_type="application/pdf")
        name = f"market-bulletin-{area.code}-{found.iso_week}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(request, "markets/bulletin.html", {"bulletin": found, "is_demo": found.is_demo})
