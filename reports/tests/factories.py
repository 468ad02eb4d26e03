"""Reports made directly through the domain functions, as a person would send them."""

from __future__ import annotations

from reports.models import Category, Report
from reports.reporting import Problem, do_send_report


def send_report(user, area, category: str = "road", **fields) -> Report:
    problem = Problem(
        category=Category.objects.get(code=category),
        area=area,
        description=fields.pop("description", "A deep pothole in front of the market."),
        **fields,
    )
    return do_send_report(user, problem)
