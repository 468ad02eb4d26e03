"""What markets puts in the portal's search: commodities, each linking to its prices page.
(Markets themselves are geo facilities, which geo indexes.)"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from markets.models import Commodity
from search.registry import Entry, Index, register


class CommodityIndex(Index):
    model = Commodity
    kind = "commodity"
    kind_label = _("Market prices")

    def get_queryset(self):
        return Commodity.objects.select_related("category")

    def entries(self, obj: Commodity) -> list[Entry]:
        return [
            Entry("km", obj.name_km, f"តម្លៃ ផ្សារ {obj.category.name_km}", self.url(obj, "km")),
            Entry("en", obj.name_en, f"price market {obj.category.name_en}", self.url(obj, "en")),
        ]


register(CommodityIndex())
