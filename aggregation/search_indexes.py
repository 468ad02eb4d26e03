"""What aggregation puts in the portal's search: published news items from the sources,
each in the language it is written in, and the pages read from ministries' websites."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from aggregation.models import Item, Page
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


class PageIndex(Index):
    """Pages and PDFs read from ministries' websites, linking to the original. A page whose
    address a feed also brought is left out: the feed's story stands for both."""

    model = Page
    kind = "website"
    kind_label = _("From the ministry's website")

    def get_queryset(self):
        stories = Item.objects.published().filter(canonical_url=OuterRef("canonical_url"))
        return (
            Page.objects.indexed()
            .exclude(Exists(stories))
            .select_related("source", "source__institution")
        )

    def entries(self, obj: Page) -> list[Entry]:
        # A PDF says so: the link opens a file, not a page.
        title = f"{obj.title} (PDF)" if obj.format == Page.Format.PDF else obj.title
        return [Entry(obj.language, title, obj.text, obj.url)]

    def institution(self, obj: Page) -> Facet | None:
        i = obj.source.institution
        return Facet(f"geo.institution:{i.pk}", i.name_km, i.name_en) if i else None


register(PageIndex())
