"""What the forums put in the portal's search: published threads (the question and its
answers) and consultations."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from aggregation.sanitising import plain_text
from forums.models import Consultation, Thread, Visibility
from search.registry import Entry, Facet, Index, register


def _office_facet(office) -> Facet | None:
    if office is None or office.institution_id is None:
        return None
    institution = office.institution
    return Facet(f"geo.institution:{institution.pk}", institution.name_km, institution.name_en)


class ThreadIndex(Index):
    model = Thread
    kind = "forum-thread"
    kind_label = _("Forum questions")

    def get_queryset(self):
        return Thread.objects.filter(visibility=Visibility.PUBLISHED).select_related(
            "board__office__institution", "board__area"
        )

    def entries(self, obj: Thread) -> list[Entry]:
        """A thread is written in one language, which we do not know: both pages list it."""
        posts = obj.posts.filter(visibility=Visibility.PUBLISHED).order_by("created_at")
        body = " ".join(plain_text(post.html) for post in posts[:20])
        board = obj.board
        return [
            Entry("km", obj.title, f"{board.title_km} {body}", self.url(obj, "km")),
            Entry("en", obj.title, f"{board.title_en} {body}", self.url(obj, "en")),
        ]

    def institution(self, obj: Thread) -> Facet | None:
        return _office_facet(obj.board.office)

    def area_code(self, obj: Thread) -> str | None:
        area = obj.board.area
        return area.code if area is not None else None


class ConsultationIndex(Index):
    model = Consultation
    kind = "consultation"
    kind_label = _("Public consultations")

    def get_queryset(self):
        return Consultation.objects.select_related("office__institution", "office__area")

    def entries(self, obj: Consultation) -> list[Entry]:
        return [
            Entry("km", obj.title_km, plain_text(obj.html_km), self.url(obj, "km")),
            Entry("en", obj.title_en, plain_text(obj.html_en), self.url(obj, "en")),
        ]

    def institution(self, obj: Consultation) -> Facet | None:
        return _office_facet(obj.office)

    def area_code(self, obj: Consultation) -> str | None:
        return obj.office.area.code


register(ThreadIndex())
register(ConsultationIndex())
