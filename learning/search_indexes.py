"""Public courses (published, for everyone) in the portal's search, one entry a language."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from learning.models import Course
from search.registry import Facet, Index, register


class CourseIndex(Index):
    model = Course
    kind = "course"
    kind_label = _("Courses")
    title = {"km": "title_km", "en": "title_en"}
    body = {"km": ["summary_km"], "en": ["summary_en"]}

    def get_queryset(self):
        return Course.objects.public().select_related("institution")

    def institution(self, obj: Course) -> Facet:
        i = obj.institution
        return Facet(f"geo.institution:{i.pk}", i.name_km, i.name_en)

    def area_code(self, obj: Course) -> None:
        return None


register(CourseIndex())
