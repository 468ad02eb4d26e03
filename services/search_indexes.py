"""What services put in the portal's search: each published service, in Khmer and English,
shown first among the results when it matches (people mostly search to do something)."""

from __future__ import annotations

from django.db.models import QuerySet
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

    def get_queryset(self) -> QuerySet[Service]:
        return Service.objects.published().select_related("institution")

    def institution(self, obj: Service) -> Facet:
        institution = obj.institution
        return Facet(f"geo.institution:{institution.pk}", institution.name_km, institution.name_en)


register(ServiceIndex())
