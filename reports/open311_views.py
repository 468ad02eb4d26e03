"""The Open311 GeoReport v2 endpoints at /open311/v2/ (not language-prefixed): each
answers JSON or XML by its suffix, errors as Open311's error list. Reading is open (and
rate limited per address); sending a request needs an API key (`reports.keys`). Names
are in Khmer unless `locale=en` (or an English Accept-Language) asks otherwise."""

from __future__ import annotations

import datetime
import json
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from core.addresses import client_address
from core.ratelimit import hit
from geo.forms import match_areas
from geo.models import Area, Facility
from geo.nearest import Point, by_distance
from reports import open311
from reports.keys import key_for
from reports.models import Category, Report
from reports.open311 import Open311Error
from reports.reporting import Problem, do_send_report

READ_RATE = "120/m"
SEND_RATE = "30/m"
DEFAULT_DAYS = 90
MAX_REQUESTS = 200
DESCRIPTION_MAX = 2000


def respond(fmt: str, kind: str, data: Any, status: int = 200) -> HttpResponse:
    if fmt == "xml":
        return HttpResponse(
            open311.to_xml(kind, data), status=status, content_type="text/xml; charset=utf-8"
        )
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), status=status,
        content_type="application/json; charset=utf-8",
    )  # fmt: skip


def error(fmt: str, status: int, description: str) -> HttpResponse:
    return respond(fmt, "errors", [{"code": status, "description": description}], status)


def endpoint(methods: tuple[str, ...] = ("GET",)) -> Callable:
    """Check the method, the format, the jurisdiction and the rate; answer errors in
    Open311's format; speak the asked language."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @csrf_exempt  # API keys authorise, not cookies
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, fmt: str, **kwargs: Any) -> HttpResponse:
            if fmt not in open311.FORMATS:
                return error("json", 404, f"format not supported: {fmt}")
            if request.method not in methods:
                response = error(fmt, 405, f"method not allowed: {request.method}")
                response["Allow"] = ", ".join(methods)
                return response
            address = client_address(request) or "unknown"
            if not hit("reports.open311.read", address, READ_RATE):
                response = error(fmt, 429, "too many requests; try again in a minute")
                response["Retry-After"] = "60"
                return response
            params = request.POST if request.method == "POST" else request.GET
            language = params.get("locale", "")[:2]
            if language not in ("km", "en"):
                language = translation.get_language_from_request(request)
            try:
                open311.check_jurisdiction(params.get("jurisdiction_id"))
                with translation.override(language):
                    return view(request, *args, fmt=fmt, **kwargs)
            except Open311Error as problem:
                return error(fmt, problem.status, problem.description)

        return wrapper

    return decorate


@endpoint()
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri("/open311/v2/")
    return respond(fmt, "discovery", open311.discovery(base))


@endpoint()
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    categories = Category.objects.filter(is_active=True)
    return respond(fmt, "services", [open311.service(c) for c in categories])


def _category(code: str) -> Category:
    category = Category.objects.filter(code=code, is_active=True).first()
    if category is None:
        raise Open311Error(404, f"service_code not found: {code}")
    return category


@endpoint()
def service_definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    data = open311.definition(
        _category(code),
        _("Where exactly?"),
        _("A street, a house number or a landmark, e.g. “in front of Wat Phnom”."),
    )
    return respond(fmt, "service_definition", data)


@endpoint(methods=("GET", "POST"))
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _post_request(request, fmt)
    reports = _filtered(request.GET)
    return respond(fmt, "requests", [open311.request(r) for r in reports[:MAX_REQUESTS]])


@endpoint()
def single_request(request: HttpRequest, request_id: str, fmt: str) -> HttpResponse:
    report = Report.objects.public().filter(reference=request_id.upper()).first()
    if report is None:
        raise Open311Error(404, f"service_request_id not found: {request_id}")
    return respond(fmt, "requests", [open311.request(report)])


@endpoint()
def token(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    report = Report.objects.filter(token=token).first() if _is_uuid(token) else None
    if report is None:
        raise Open311Error(404, f"token not found: {token}")
    return respond(
        fmt, "requests", [{"service_request_id": report.reference, "token": str(report.token)}]
    )


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _moment(params, name: str) -> datetime.datetime | None:
    text = params.get(name, "")
    if not text:
        return None
    moment = parse_datetime(text)
    if moment is None:
        raise Open311Error(400, f"{name} is not a W3C date and time: {text}")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _filtered(params):
    reports = Report.objects.public().prefetch_related("notes")
    if ids := params.get("service_request_id"):
        codes = [part.strip().upper() for part in ids.split(",") if part.strip()]
        return reports.filter(reference__in=codes[:MAX_REQUESTS])
    end = _moment(params, "end_date") or timezone.now()
    start = _moment(params, "start_date") or end - datetime.timedelta(days=DEFAULT_DAYS)
    reports = reports.filter(created_at__gte=start, created_at__lte=end)
    if codes := params.get("service_code"):
        reports = reports.filter(category__code__in=codes.split(","))
    status = params.get("status", "")
    if status == "open":
        reports = reports.exclude(status__in=Report.CLOSED_STATUSES)
    elif status == "closed":
        reports = reports.filter(status__in=Report.CLOSED_STATUSES)
    elif status:
        raise Open311Error(400, f"status must be open or closed: {status}")
    return reports


def _number(params, name: str) -> float | None:
    text = params.get(name, "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise Open311Error(400, f"{name} is not a number: {text}") from None


def _area(params, point: Point | None) -> Area:
    """The commune: by address_id (a gazetteer code), address_string (a commune's name or
    code), or else the commune of the commune hall nearest the point."""
    if code := params.get("address_id", "").strip():
        area = Area.objects.current().filter(code=code[:8]).first()
        if area is not None and area.level == Area.Level.VILLAGE:
            area = area.parent
        if area is None or area.level != Area.Level.COMMUNE:
            raise Open311Error(400, f"address_id is not a commune or village code: {code}")
        return area
    if text := params.get("address_string", "").strip():
        matches = match_areas(text[:120], "", Area.Level.COMMUNE)
        if len(matches) == 1:
            return matches[0]
        raise Open311Error(400, f"address_string names no single commune: {text[:120]}")
    if point is None:
        raise Open311Error(
            400, "a location is required: lat and long, address_string or address_id"
        )
    halls = Facility.objects.active().filter(type__code="commune-hall", area__level=3)
    nearest, _radius = by_distance(halls, point, 1)
    if not nearest:
        raise Open311Error(400, "no commune is known near lat and long")
    return Facility.objects.select_related("area").get(pk=nearest[0][0]).area


def _post_request(request: HttpRequest, fmt: str) -> HttpResponse:
    params = request.POST
    api_key = key_for(params.get("api_key", ""))
    if api_key is None:
        raise Open311Error(403, "api_key is missing, unknown or revoked")
    if not hit("reports.open311.send", str(api_key.pk), SEND_RATE):
        raise Open311Error(429, "too many requests for this api_key; try again in a minute")
    category = _category(params.get("service_code", ""))
    description = params.get("description", "").strip()
    if not description:
        raise Open311Error(400, "description is required")
    if len(description) > DESCRIPTION_MAX:
        raise Open311Error(400, f"description is longer than {DESCRIPTION_MAX} characters")
    latitude, longitude = _number(params, "lat"), _number(params, "long")
    if (latitude is None) != (longitude is None):
        raise Open311Error(400, "give both lat and long, or neither")
    point = Point(latitude, longitude) if latitude is not None and longitude is not None else None
    contact = {
        "name": " ".join(filter(None, [params.get("first_name", ""), params.get("last_name", "")]))[
            :120
        ],
        "email": params.get("email", "")[:254],
        "phone": params.get("phone", "")[:20],
    }
    problem = Problem(
        category=category,
        area=_area(params, point),
        description=description,
        point=point,
        place=params.get(f"attribute[{open311.PLACE_ATTRIBUTE}]", "")[:200],
    )
    try:
        report = do_send_report(None, problem, api_key=api_key, contact=contact)
    except ValidationError as problem_error:
        raise Open311Error(400, " ".join(problem_error.messages)) from None
    answer = {
        "service_request_id": report.reference,
        "token": str(report.token),
        "service_notice": "",
        "account_id": None,
    }
    return respond(fmt, "requests", [answer], status=201)
