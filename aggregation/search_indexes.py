"""What aggregation puts in the portal's search: the published items of outside sources, in
the language they are written in, with their institution and areas."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from aggregation.models import Item
from search.registry import Entry, Facet, Index, register


class ItemIndex(Index):
    model = Item
    kind = "news"
    kind_label = _("News")

    def get_queryset(self) -> QuerySet[Item]:
        return Item.objects.published().select_related("institution").prefetch_related("areas")

    def entries(self, obj: Item) -> list[Entry]:
        with translation.override(obj.language):
            url = obj.get_absolute_url()
        return [Entry(obj.language, obj.title, f"{obj.summary} {obj.body}", url)]

    def institution(self, obj: Item) -> Facet | None:
        institution = obj.institution
        if institution is None:
            return None
        return Facet(f"geo.institution:{institution.pk}", institution.name_km, institution.name_en)

    def area_code(self, obj: Item) -> str | None:
        area = next(iter(obj.areas.all()), None)
        return area.code if area is not None else None


register(ItemIndex())
