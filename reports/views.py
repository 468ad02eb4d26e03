"""Citizen reports' pages: the public list, reporting in two steps, a report's public
page with its status notes (and for its office the status form, who sent it and the
photos), the reporter's own list and the office's list. Views parse and respond; the work
is in `reports.reporting` and `reports.access`."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.ratelimit import hit
from core.typing import AuthenticatedHttpRequest
from core.views import too_many_requests
from reports import access, photos, reporting
from reports.forms import ListFilterForm, PlaceForm, ReportForm, StatusForm
from reports.models import Category, Report
from reports.reporting import Problem

PAGE_SIZE = 20
REPORT_RATE = "10/h"


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Recent reports, everyone's, filtered by problem and status."""
    form = ListFilterForm(request.GET or None)
    reports = Report.objects.public()
    if form.is_valid():
        if form.cleaned_data.get("category"):
            reports = reports.filter(category=form.cleaned_data["category"])
        if form.cleaned_data.get("status"):
            reports = reports.filter(status=form.cleaned_data["status"])
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/index.html",
        {"form": form, "page": page, "categories": Category.objects.filter(is_active=True)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def new(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Step one (what and where) until it is valid, then the likely duplicates and step
    two (description and photos); the POST sends the report."""
    if request.method == "POST":
        return _send(request)
    place = PlaceForm(request.GET or None)
    if not place.is_valid() or "change" in request.GET:
        return _step_one(request, place)
    return _step_two(request, place, ReportForm(initial=place.query()))


def _step_one(request: HttpRequest, place: PlaceForm) -> HttpResponse:
    status = 400 if place.is_bound and place.errors else 200
    return render(request, "reports/new.html", {"form": place}, status=status)


def _step_two(request: HttpRequest, place: PlaceForm, form: ReportForm) -> HttpResponse:
    data = place.cleaned_data
    context = {
        "place": data,
        "form": form,
        "duplicates": reporting.likely_duplicates(
            data["category"], data["area"], data.get("point")
        ),
        "change_url": f"{reverse('reports:new')}?{urlencode(place.query())}&change=1",
    }
    return render(request, "reports/details.html", context, status=400 if form.errors else 200)


def _send(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ReportForm(request.POST, request.FILES)
    place = PlaceForm(request.POST)
    if not place.is_valid():
        return _step_one(request, place)
    if form.is_valid():
        if not hit("reports.send", str(request.user.pk), REPORT_RATE):
            return too_many_requests(request)
        data = form.cleaned_data
        problem = Problem(
            category=data["category"],
            area=data["area"],
            description=data["description"],
            point=data.get("point"),
            place=data["place"],
        )
        try:
            report = reporting.do_send_report(request.user, problem, data["photos"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your report has been sent to the office responsible."))
            return HttpResponseRedirect(report.get_absolute_url())
    return _step_two(request, place, form)


@require_GET
def report(request: HttpRequest, reference: str) -> HttpResponse:
    return _report_page(request, access.access_report_by_reference(reference))


def _report_page(request: HttpRequest, item: Report, form: StatusForm | None = None):
    user = request.user
    may_change = user.is_authenticated and user.has_perm("reports.change_status", item)
    context = {
        "report": item,
        "notes": item.notes.all(),
        "reporter": access.reporter_for_officer(user, item),
        "photos": item.photos.all() if access.may_see_photos(user, item) else [],
        "is_reporter": user.is_authenticated and item.user_id == user.pk,
        "status_form": (form or StatusForm(initial={"status": item.status}))
        if may_change
        else None,
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "reports/report.html", context, status=status)


@login_required
@require_POST
def change_status(request: AuthenticatedHttpRequest, reference: str) -> HttpResponse:
    item = access.access_report_by_reference(reference)
    if not request.user.has_perm("reports.change_status", item):
        raise Http404
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            reporting.do_change_status(
                request.user, item, form.cleaned_data["status"], form.cleaned_data["note"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The status has been changed and the reporter told."))
            return HttpResponseRedirect(item.get_absolute_url())
    return _report_page(request, item, form)


@login_required
@require_GET
def photo(request: AuthenticatedHttpRequest, public_id: UUID) -> FileResponse:
    """A report's photo, for the reporter or the report's office."""
    item = photos.access_photo(request.user, public_id)
    try:
        handle = photos.open_photo(item)
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=item.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    reports = Report.objects.public().filter(user=request.user)
    return render(request, "reports/mine.html", {"reports": reports})


@login_required
@require_GET
def office(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The reports of the offices where the officer may read cases."""
    page = Paginator(access.office_reports(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "reports/office.html", {"page": page})
