"""StreamField blocks of the content pages.

Rich text allows only what the design system renders accessibly: headings h2 to h4 (the
page's own title is the h1), bold, italic, lists, links and links to documents. No images,
embeds or tables inside rich text: they need alternatives and widths the editor cannot see.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from content.choosers import facility_chooser_viewset
from content.services import service_link

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]

FacilityChooserBlock = facility_chooser_viewset.get_block_class(
    name="FacilityChooserBlock", module_path="content.blocks"
)


class PageLinkBlock(blocks.StructBlock):
    """A link to another page of the portal, titled with that page's own title unless the
    editor gives another."""

    page = blocks.PageChooserBlock(label=_("page"))
    text = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the page's title."),
    )

    class Meta:
        icon = "doc-empty"
        label = _("Page")
        template = "content/blocks/page_link.html"


class OfficeLinkBlock(blocks.StructBlock):
    """A link to an office or facility of the directory (geo.Facility), whose page shows its
    address, opening hours and the areas it serves."""

    office = FacilityChooserBlock(label=_("office"))

    class Meta:
        icon = "site"
        label = _("Office")
        template = "content/blocks/office_link.html"


class ExternalLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("address"))
    text = blocks.CharBlock(label=_("link text"), max_length=200)

    class Meta:
        icon = "link-external"
        label = _("Other website")
        template = "content/blocks/external_link.html"


class ServiceLinkBlock(blocks.StructBlock):
    """A link to a public service of the catalogue, stored as the service's slug with its
    name in both languages (the services app serves /<lang>/services/<slug>/). The one
    place that links content to services: a chooser over the catalogue can replace the
    slug field later without touching the pages' templates."""

    slug = blocks.RegexBlock(
        regex=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        label=_("service slug"),
        max_length=100,
        error_messages={"invalid": _("Use lower-case letters, digits and hyphens.")},
        help_text=_("The service's address in the catalogue, e.g. birth-registration."),
    )
    title_km = blocks.CharBlock(label=_("name in Khmer"), max_length=200)
    title_en = blocks.CharBlock(label=_("name in English"), max_length=200)

    class Meta:
        icon = "form"
        label = _("Service")
        template = "content/blocks/service_link.html"

    def get_context(self, value: Any, parent_context: dict | None = None) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        context["service"] = service_link(value["slug"], value["title_km"], value["title_en"])
        return context


class LinksBlock(blocks.StreamBlock):
    service = ServiceLinkBlock()
    page = PageLinkBlock()
    office = OfficeLinkBlock()
    external = ExternalLinkBlock()

    class Meta:
        icon = "link"


class StepBlock(blocks.StructBlock):
    """One numbered step of a guide. The number comes from its position, so reordering
    steps renumbers them."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES, required=False)
    links = LinksBlock(label=_("links"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")
