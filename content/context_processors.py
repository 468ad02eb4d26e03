from __future__ import annotations

from functools import cached_property

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from content.alerts import Alert, alerts_for_area
from geo.places import remembered_code


class UrgentAlerts:
    """The urgent announcements for the page being shown, looked up only when the banner
    (core/templates/includes/urgent_alerts.html) asks: for the area of a place page, else
    for the area the visitor chose, else the nationwide ones."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    @cached_property
    def alerts(self) -> list[Alert]:
        match = getattr(self.request, "resolver_match", None)
        code = ""
        if match is not None and match.view_name == "geo:place":
            code = match.kwargs.get("code", "")
        code = code or remembered_code(self.request)
        language = get_language() or settings.LANGUAGE_CODE
        return [a for a in alerts_for_area(language, code) if a.url != self.request.path]

    def __iter__(self):
        return iter(self.alerts)

    def __bool__(self) -> bool:
        return bool(self.alerts)


def urgent_alerts(request: HttpRequest) -> dict[str, UrgentAlerts]:
    return {"urgent_alerts": UrgentAlerts(request)}
