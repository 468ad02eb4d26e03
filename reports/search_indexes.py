"""Reports in the portal's search: the problem, the place and the description, which are
public; never who sent it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from reports.models import Report
from search.registry import Entry, Index, register


class ReportIndex(Index):
    model = Report
    kind = "report"
    kind_label = _("Citizen reports")

    def get_queryset(self):
        return Report.objects.public()

    def entries(self, obj: Report) -> list[Entry]:
        category, area = obj.category, obj.area
        body = " ".join(filter(None, [obj.place, obj.description, obj.reference]))
        return [
            Entry("km", f"{category.name_km} · {area.name_km}", body, self.url(obj, "km")),
            Entry("en", f"{category.name_en} · {area.name_en}", body, self.url(obj, "en")),
        ]

    def area_code(self, obj: Report) -> str:
        return obj.area.code


register(ReportIndex())
