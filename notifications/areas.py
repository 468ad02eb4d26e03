"""The "area" topic kind: news and announcements for a gazetteer area ("area:1202").

Gazetteer codes nest by prefix (province 12, district 1202, commune 120201), so the kind
is nested: a broadcast to "area:12" reaches the followers of every area in Phnom Penh.

The Area model is reached through the user model's `home_area`, as core/demo.py does, so
notifications imports no other app; this registration can move to geo/notifications.py
when geo takes it over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from notifications.topics import Topic, register_topic_kind

if TYPE_CHECKING:
    from django.db.models import Model


def area_topic(code: str) -> str:
    return f"area:{code}"


def describe_area(key: str) -> Topic | None:
    code = key.partition(":")[2]
    if not code.isdigit():
        return None
    # geo.Area, reached through the user model: notifications sits below geo.
    area_model = cast("type[Model]", get_user_model()._meta.get_field("home_area").related_model)
    area = area_model._default_manager.filter(code=code).values("name_km", "name_en").first()
    if area is None:
        return None
    try:
        url = reverse("geo:place", args=[code])
    except NoReverseMatch:
        url = ""
    return Topic(key=key, name_km=area["name_km"], name_en=area["name_en"], url=url)


register_topic_kind("area", label=_("Area"), describe=describe_area, nested=True)
