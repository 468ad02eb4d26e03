"""StreamField blocks of the content pages.

Rich text allows only what the design system renders accessibly: headings h2 to h4 (the
page's own title is the h1), bold, italic, lists, links and links to documents. No images,
embeds or tables inside rich text: they need alternatives and widths the editor cannot see.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from content.choosers import facility_chooser_viewset

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


class LinksBlock(blocks.StreamBlock):
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
