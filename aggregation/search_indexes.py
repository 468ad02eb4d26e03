"""What aggregation puts in the portal's search: published news items from the sources,
each in the language it is written in."""

from __future__ import annotations

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from aggregation.models import Item
from search.registry import Entry, Facet, Index, register


class ItemIndex(Index):
    model = Item
    kind = "news"
    kind_label = _("News")

    def get_queryset(self):
        return Item.objects.published().select_related("institution")

    def entries(self, obj: Item) -> list[Entry]:
        body = f"{obj.summary} {strip_tags(obj.body.replace('<', ' <'))}"
        return [Entry(obj.language, obj.title, body, self.url(obj, obj.language))]

    def institution(self, obj: Item) -> Facet | None:
        i = obj.institution
        return Facet(f"geo.institution:{i.pk}", i.name_km, i.name_en) if i else None

    def area_code(self, obj: Item) -> str | None:
        area = obj.areas.order_by("code").first()
        return area.code if area is not None else None


register(ItemIndex())
