"""An office's queue: which cases an officer sees, the counts above the list and the
filters (state, service, area, assigned to me, overdue)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from cases.models import Case
from cases.workflow import FINAL_STATES
from geo.jurisdiction import served_area_ids
from geo.models import Area

OPEN = Q(due_date__isnull=False) & ~Q(state__in=FINAL_STATES)


@dataclass(frozen=True)
class QueueFilters:
    state: str = ""
    service: str = ""
    area: str = ""  # a gazetteer code: the area and the areas inside it
    mine: bool = False
    overdue: bool = False

    @classmethod
    def from_query(cls, query) -> QueueFilters:
        return cls(
            state=query.get("state", "").strip(),
            service=query.get("service", "").strip(),
            area=query.get("area", "").strip(),
            mine=query.get("mine") == "1",
            overdue=query.get("overdue") == "1",
        )


def queue_cases(user, offices) -> QuerySet[Case]:
    """The cases of the person's offices; administrators also see the national queue."""
    scope = Q(office__in=offices)
    if user.is_superuser:
        scope |= Q(office__isnull=True)
    return Case.objects.filter(scope)


def area_choices(offices) -> list[tuple[Area, list[Area]]]:
    """The areas an officer may filter the queue by: each area the offices serve (as
    `geo.jurisdiction` defines it), with the areas one level below it (a commune hall's
    villages, a district's communes). Without an office (an administrator): the provinces.
    Two queries, whatever the number of offices."""
    served_ids = served_area_ids(offices)
    if not served_ids:
        provinces = Area.objects.filter(level=Area.Level.PROVINCE).order_by("code")
        return [(province, []) for province in provinces]
    areas = Area.objects.filter(Q(pk__in=served_ids) | Q(parent__in=served_ids)).order_by("code")
    below: dict[int, list[Area]] = {pk: [] for pk in served_ids}
    served = []
    for area in areas:
        if area.pk in served_ids:
            served.append(area)
        else:
            below[area.parent_id].append(area)
    return [(area, below[area.pk]) for area in served]


def queue_counts(cases: QuerySet[Case], user, today: datetime.date) -> tuple[dict, dict]:
    """Return the totals (all, overdue, assigned to the user, national queue) and the
    number of cases in each state: two queries whatever the size of the queue."""
    totals = cases.aggregate(
        all=Count("pk"),
        overdue=Count("pk", filter=OPEN & Q(due_date__lt=today)),
        mine=Count("pk", filter=Q(assigned_to=user) & ~Q(state__in=FINAL_STATES)),
        national=Count("pk", filter=Q(office__isnull=True)),
    )
    by_state = dict(cases.values_list("state").annotate(n=Count("pk")).order_by())
    return totals, by_state


def filter_queue(
    cases: QuerySet[Case], filters: QueueFilters, user, today: datetime.date
) -> QuerySet[Case]:
    """The cases matching `filters`, the soonest due first."""
    if filters.state:
        cases = cases.filter(state=filters.state)
    if filters.service:
        cases = cases.filter(service__slug=filters.service)
    if filters.area:
        cases = cases.filter(area__code__startswith=filters.area)
    if filters.mine:
        cases = cases.filter(assigned_to=user)
    if filters.overdue:
        cases = cases.filter(OPEN, due_date__lt=today)
    return cases.select_related(
        "service", "area__parent", "assigned_to", "office", "applicant"
    ).order_by("due_date", "received_at", "pk")
