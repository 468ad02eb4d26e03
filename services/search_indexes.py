"""What services puts in the portal's search: every published service, in Khmer and
English, shown before other results when it matches."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from search.registry import Facet, Index, register
from services.models import Service


class ServiceIndex(Index):
    model = Service
    kind = "service"
    kind_label = _("Services")
    promoted = True
    title = {"km": "name_km", "en": "name_en"}
    body = {
        "km": ["summary_km", "description_km", "eligibility_km", "documents_km"],
        "en": ["summary_en", "description_en", "eligibility_en", "documents_en"],
    }

    def get_queryset(self):
        return Service.objects.published().select_related("institution")

    def institution(self, obj: Service) -> Facet | None:
        i = obj.institution
        return Facet(f"geo.institution:{i.pk}", i.name_km, i.name_en) if i else None


register(ServiceIndex())
