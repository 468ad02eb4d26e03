from __future__ import annotations

from functools import cached_property

from django.http import HttpRequest
from django.urls import reverse

from geo.models import Area
from geo.places import remembered_area


class AreaChoice:
    """The visitor's chosen area for any template (the home page, later the news and the
    services); looked up only when a template uses it."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    @cached_property
    def area(self) -> Area | None:
        return remembered_area(self.request)

    @property
    def choose_url(self) -> str:
        return reverse("geo:choose_area")

    @property
    def directory_url(self) -> str:
        return reverse("geo:directory")


def area_choice(request: HttpRequest) -> dict[str, AreaChoice]:
    return {"area_choice": AreaChoice(request)}
