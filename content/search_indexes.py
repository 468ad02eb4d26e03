"""What content puts in the portal's search: the live, public pages of every kind, each in
the language it is written in. Publishing and unpublishing re-index the page."""

from __future__ import annotations

import re
from typing import Any

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.search import index as wagtail_index
from wagtail.signals import page_published, page_unpublished

from content.models import GuidePage, InformationPage, InstitutionPage, NewsPage, TopicPage
from search.registry import Entry, Facet, Index, register
from search.updates import schedule_update

_BLOCK_TAG = re.compile(r"<(?=/?(?:p|h[1-6]|li|ul|ol|br|div|blockquote)\b)", re.IGNORECASE)


def _text(value: Any) -> str:
    """Return a field's value (plain, rich text or StreamField) as the plain text a reader
    sees: the words of its text blocks, never the blocks' names, slugs or addresses."""
    if value is None:
        return ""
    if isinstance(value, StreamValue):
        out: list[str] = []
        for child in value:
            _block_text(child.block, child.value, out)
        return " ".join(" ".join(out).split())
    return _plain(value)


def _plain(value: Any) -> str:
    source = value.source if isinstance(value, RichText) else str(value)
    # Blocks (paragraphs, headings, list items) are apart; bold and links run on.
    return " ".join(strip_tags(_BLOCK_TAG.sub(" <", source)).split())


def _block_text(block: blocks.Block, value: Any, out: list[str]) -> None:
    """Add the readable text of one block's value to `out` (struct, stream and list blocks
    are walked; text blocks give their text; choosers, URLs and slugs give nothing)."""
    if value is None:
        return
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            _block_text(child, value.get(name), out)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            _block_text(child.block, child.value, out)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _block_text(block.child_block, item, out)
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)):
        out.append(_plain(value))


class PageIndex(Index):
    """A Wagtail page model: title, and the text of every field it declares searchable."""

    model: type[Page]

    def get_queryset(self):
        return self.model.objects.live().public().select_related("locale")

    def entries(self, obj: Page) -> list[Entry]:
        fields = [
            f.field_name
            for f in obj.search_fields
            if isinstance(f, wagtail_index.SearchField) and f.field_name != "title"
        ]
        body = " ".join(_text(getattr(obj, name, "")) for name in fields)
        body = f"{obj.search_description} {body}"
        return [Entry(obj.locale.language_code, obj.title, body, obj.get_url() or obj.url_path)]

    def institution(self, obj: Page) -> Facet | None:
        institution = getattr(obj, "institution", None)
        if isinstance(institution, InstitutionPage):  # a news item's institution page
            institution = institution.institution or institution
        if isinstance(institution, InstitutionPage):
            return Facet(
                f"content.institution:{institution.translation_key}",
                institution.title,
                institution.title,
            )
        if institution is not None:
            return Facet(
                f"geo.institution:{institution.pk}", institution.name_km, institution.name_en
            )
        return None


class InformationPageIndex(PageIndex):
    model = InformationPage
    kind = "page"
    kind_label = _("Pages")


class TopicPageIndex(PageIndex):
    model = TopicPage
    kind = "page"
    kind_label = _("Pages")


class GuidePageIndex(PageIndex):
    model = GuidePage
    kind = "guide"
    kind_label = _("Guides")


class InstitutionPageIndex(PageIndex):
    model = InstitutionPage
    kind = "institution"
    kind_label = _("Institutions")


class NewsPageIndex(PageIndex):
    model = NewsPage
    kind = "news"
    kind_label = _("News")

    def area_code(self, obj: NewsPage) -> str | None:
        area = obj.areas.order_by("code").first()
        return area.code if area is not None else None


for page_index in (
    InformationPageIndex(),
    TopicPageIndex(),
    GuidePageIndex(),
    InstitutionPageIndex(),
    NewsPageIndex(),
):
    register(page_index)


def _page_changed(sender: Any, instance: Page, **kwargs: Any) -> None:
    schedule_update(instance.specific)


page_published.connect(_page_changed, dispatch_uid="search:page_published")
page_unpublished.connect(_page_changed, dispatch_uid="search:page_unpublished")
