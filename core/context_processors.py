from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from core.languages import language_switch_links


def portal(request: HttpRequest) -> dict:
    """The portal's name and the same page's address in each language, for the header and
    the head's canonical and alternate links. The header's links keep the query (the same
    search in the other language); the head's, like the canonical address, only its page
    number (`_without_query`)."""
    language = get_language() or settings.LANGUAGE_CODE
    links = language_switch_links(request.get_full_path(), language)
    for link in links:
        link["absolute_url"] = _without_query(link["absolute_url"], request)
    by_code = {link["code"]: link["absolute_url"] for link in links}
    return {
        "portal_name": settings.SALA_PORTAL_NAME.get(language, settings.SALA_PORTAL_NAME["en"]),
        "language_links": links,
        # For search engines: this page's own address (on SALA_SITE_URL), and the one for a
        # reader of neither language (x-default), the portal's first language.
        "canonical_url": by_code.get(language, ""),
        "default_language_url": by_code.get(settings.LANGUAGE_CODE, ""),
    }


def _without_query(address: str, request: HttpRequest) -> str:
    """Return the address with only its page number kept from the query: a sign-in's
    ``next=``, a search's words or a 414's endless query are not part of what is indexed."""
    if not address:
        return ""
    bare = urlsplit(address)._replace(query="").geturl()
    page = request.GET.get("page", "")
    return f"{bare}?{urlencode({'page': page})}" if page.isdigit() else bare
