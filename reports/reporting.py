"""Reporting a problem and following it: likely duplicates before sending, sending (routed
to the office with jurisdiction), the office's status changes with a public note, the
reporter told through notifications. Every change is a `do_*` with one audit entry.
"""

from __future__ import annotations

import datetime
import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.log import log_action
from geo.models import Area
from geo.nearest import Point, haversine_km, in_cambodia
from notifications.api import notify
from reports.models import ApiKey, Category, Report, StatusNote
from reports.photos import store_photos
from reports.routing import office_for_report

DUPLICATE_DAYS = 30
DUPLICATE_RADIUS_KM = 0.3
DUPLICATE_LIMIT = 5
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


@dataclass(frozen=True)
class Problem:
    """What someone reports, checked: the place is an area and maybe a point in Cambodia."""

    category: Category
    area: Area
    description: str
    point: Point | None = None
    place: str = ""


def new_reference() -> str:
    """Eight characters easy to read out on the phone: no 0 and O, no 1 and I."""
    while True:
        reference = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
        if not Report.objects.filter(reference=reference).exists():
            return reference


def check_point(point: Point | None) -> None:
    if point is not None and not in_cambodia(point):
        raise ValidationError(
            _("This map point is outside Cambodia. Check the latitude and longitude."),
            code="outside",
        )


def likely_duplicates(
    category: Category, area: Area, point: Point | None = None, *, now=None
) -> list[Report]:
    """Open reports of the same category from the last 30 days in the same area (a commune:
    everything in it), or within 300 m of the point; nearest first when a point is given."""
    since = (now or timezone.now()) - datetime.timedelta(days=DUPLICATE_DAYS)
    recent = (
        Report.objects.public()
        .filter(category=category, created_at__gte=since)
        .exclude(status__in=Report.CLOSED_STATUSES)
    )
    candidates = list(recent.filter(area__path__startswith=area.path)[:50])
    if point is not None:
        dlat = DUPLICATE_RADIUS_KM / 111.32
        dlng = dlat / max(math.cos(math.radians(point.latitude)), 0.01)
        boxed = recent.filter(
            latitude__range=(point.latitude - dlat, point.latitude + dlat),
            longitude__range=(point.longitude - dlng, point.longitude + dlng),
        )
        seen = {report.pk for report in candidates}
        candidates += [report for report in boxed[:50] if report.pk not in seen]

        def distance(report: Report) -> float:
            if not report.has_point:
                return math.inf
            there = Point(float(report.latitude or 0), float(report.longitude or 0))
            return haversine_km(point, there)

        candidates.sort(key=distance)
    return candidates[:DUPLICATE_LIMIT]


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(f"{value:.6f}")


@transaction.atomic
def do_send_report(
    user,
    problem: Problem,
    photos: Sequence[tuple[UploadedFile, str]] = (),
    *,
    api_key: ApiKey | None = None,
    contact: dict[str, str] | None = None,
) -> Report:
    """Record the report, routed to the office whose jurisdiction holds its area. `user`
    is the signed-in reporter (None when an application sends it by Open311 with its key;
    then `contact` holds what it gave: name, email, phone)."""
    check_point(problem.point)
    if not problem.category.is_active:
        raise ValidationError(_("This kind of problem cannot be reported now."))
    contact = contact or {}
    point = problem.point
    report = Report.objects.create(
        reference=new_reference(),
        category=problem.category,
        area=problem.area,
        latitude=_decimal(point.latitude if point else None),
        longitude=_decimal(point.longitude if point else None),
        place=problem.place.strip(),
        description=problem.description.strip(),
        office=office_for_report(problem.category, problem.area),
        user=user,
        contact_name=contact.get("name", ""),
        contact_email=contact.get("email", ""),
        contact_phone=contact.get("phone", ""),
        api_key=api_key,
    )
    store_photos(report, photos)
    log_action(
        user,
        "reports.report.sent",
        report,
        {"category": problem.category.code, "photos": len(photos), "open311": bool(api_key)},
        office=report.office,
        person=user,
    )
    if user is not None:
        notify(
            user,
            "reports.report_sent",
            {"reference": report.reference, "url": report.get_absolute_url()},
            key=f"report:{report.pk}:sent",
        )
    return report


@transaction.atomic
def do_change_status(officer, report: Report, status: str, note: str) -> StatusNote:
    """An officer of the report's office sets its status with a public note; the reporter
    is told."""
    if not officer.has_perm("reports.change_status", report):
        raise PermissionDenied
    if status not in Report.Status.values:
        raise ValidationError(_("Choose a status from the list."))
    if not note.strip():
        raise ValidationError(_("Write a note that says what was done or will be done."))
    report = Report.objects.select_for_update().get(pk=report.pk)
    previous = report.status
    report.status = status
    report.save(update_fields=["status", "updated_at"])
    written = StatusNote.objects.create(
        report=report, status=status, note=note.strip(), author=officer
    )
    log_action(
        officer,
        "reports.report.status_changed",
        report,
        {"from": previous, "to": status},
        office=report.office,
        person=report.user,
    )
    if report.user is not None:
        notify(
            report.user,
            "reports.status_changed",
            {
                "reference": report.reference,
                "status": _status_words(status),
                "url": report.get_absolute_url(),
            },
            key=f"report:{report.pk}:note:{written.pk}",
        )
    return written


def _status_words(status: str) -> dict[str, str]:
    """The status in both languages, for a notification shown in the reader's language."""
    words = {}
    for language in ("km", "en"):
        with translation.override(language):
            words[language] = str(Report.Status(status).label)
    return words
