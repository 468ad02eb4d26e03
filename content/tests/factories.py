"""Plain factory functions for content pages: keyword defaults, no magic."""

from __future__ import annotations

from typing import Any

from wagtail.models import Locale, Page, Site

from content.models import HomePage


def locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("km", "en")}


def create_homes() -> dict[str, HomePage]:
    """Return a Khmer home page (the default site's root) and its English translation."""
    by_code = locales()
    root = Page.get_first_root_node()
    km = root.add_child(instance=HomePage(title="ទំព័រព័ត៌មាន", slug="home-km", locale=by_code["km"]))
    en = root.add_child(
        instance=HomePage(
            title="Information",
            slug="home-en",
            locale=by_code["en"],
            translation_key=km.translation_key,
        )
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = km
    site.save(update_fields=["root_page"])
    return {"km": km, "en": en}


def create_page(parent: Page, model: type[Page], *, title: str, slug: str = "", **fields: Any):
    """Add a live page of `model` under `parent`, in the parent's language."""
    page = model(title=title, slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    return page


def translate(page: Page, parent: Page, *, title: str, **fields: Any):
    """Add the translation of `page` under `parent` (a page in the other language)."""
    translation = type(page)(
        title=title,
        slug=page.slug,
        locale=parent.locale,
        translation_key=page.translation_key,
        **fields,
    )
    parent.add_child(instance=translation)
    return translation
