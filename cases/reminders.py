"""Reminding offices of their overdue cases (`manage.py remind_overdue_cases`, daily)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from accounts.models import OfficeMembership, User
from cases.models import Case
from cases.notifying import notify_overdue
from geo.models import Facility


def do_remind_overdue(today=None) -> tuple[int, int]:
    """Notify the officers of every office with overdue cases, once a day; return
    (offices, officers notified)."""
    today = today or timezone.localdate()
    counts = dict(
        Case.objects.overdue(today)
        .filter(office__isnull=False)
        .values_list("office")
        .annotate(n=Count("pk"))
        .order_by()
    )
    people = 0
    for office in Facility.objects.filter(pk__in=counts):
        officers = list(
            User.objects.filter(
                office_memberships__in=OfficeMembership.objects.active().filter(office=office)
            ).distinct()
        )
        with transaction.atomic():
            people += notify_overdue(office, officers, counts[office.pk], today)
    return len(counts), people
