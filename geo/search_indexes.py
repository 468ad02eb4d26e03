"""What geo puts in the portal's search: areas, and offices and facilities; and the area
resolver that gives search the path and province of an area, and the visitor's area."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from geo.models import Area, Facility
from geo.places import remembered_area
from search.registry import Entry, Facet, Index, register, register_area_resolver

# Provinces outrank districts, districts communes, of the same name.
LEVEL_BOOST = {1: 1.6, 2: 1.3, 3: 1.1, 4: 1.0}
LEVEL_WORDS = {
    1: ("ខេត្ត", "province"),
    2: ("ស្រុក", "district"),
    3: ("ឃុំ", "commune"),
    4: ("ភូមិ", "village"),
}


def _parents(area: Area) -> list[Area]:
    parents = []
    parent = area.parent
    while parent is not None:
        parents.append(parent)
        parent = parent.parent
    return parents


class AreaIndex(Index):
    model = Area
    kind = "area"
    kind_label = _("Places")

    def get_queryset(self):
        return Area.objects.filter(is_current=True).select_related("parent__parent__parent")

    def entries(self, obj: Area) -> list[Entry]:
        parents = _parents(obj)
        word_km, word_en = LEVEL_WORDS.get(obj.level, ("", ""))
        body_km = " ".join([word_km, *(p.name_km for p in parents), obj.code])
        body_en = " ".join([word_en, *(p.name_en for p in parents), obj.code])
        return [
            Entry("km", obj.name_km, body_km, self.url(obj, "km")),
            Entry("en", obj.name_en, body_en, self.url(obj, "en")),
        ]

    def area_code(self, obj: Area) -> str:
        return obj.code

    def boost(self, obj: Area) -> float:
        return LEVEL_BOOST.get(obj.level, 1.0)


def institution_facet(institution: Any) -> Facet | None:
    if institution is None:
        return None
    return Facet(f"geo.institution:{institution.pk}", institution.name_km, institution.name_en)


class FacilityIndex(Index):
    model = Facility
    kind = "place"
    kind_label = _("Offices and facilities")

    def get_queryset(self):
        return Facility.objects.filter(is_active=True).select_related(
            "type", "institution", "area__parent__parent"
        )

    def entries(self, obj: Facility) -> list[Entry]:
        area_km = area_en = ""
        if obj.area_id:
            areas = [obj.area, *_parents(obj.area)]
            area_km = " ".join(a.name_km for a in areas)
            area_en = " ".join(a.name_en for a in areas)
        institution_km = obj.institution.name_km if obj.institution else ""
        institution_en = obj.institution.name_en if obj.institution else ""
        body_km = " ".join([obj.type.name_km, institution_km, obj.address_km, area_km])
        body_en = " ".join([obj.type.name_en, institution_en, obj.address_en, area_en])
        return [
            Entry("km", obj.name_km, body_km, self.url(obj, "km")),
            Entry("en", obj.name_en or obj.name_km, body_en, self.url(obj, "en")),
        ]

    def institution(self, obj: Facility) -> Facet | None:
        return institution_facet(obj.institution if obj.institution_id else None)

    def area_code(self, obj: Facility) -> str | None:
        return obj.area.code if obj.area_id else None


class GeoAreaResolver:
    def describe(self, code: str) -> tuple[str, Facet] | None:
        area = Area.objects.filter(code=code).only("path").first()
        if area is None:
            return None
        province_code = area.path.strip("/").split("/")[0]
        province = Area.objects.filter(code=province_code).only("name_km", "name_en").first()
        if province is None:
            return None
        return area.path, Facet(f"geo.area:{province_code}", province.name_km, province.name_en)

    def visitor_area_path(self, request: HttpRequest) -> str | None:
        area = remembered_area(request)
        return area.path if area is not None else None


register(AreaIndex())
register(FacilityIndex())
register_area_resolver(GeoAreaResolver())
