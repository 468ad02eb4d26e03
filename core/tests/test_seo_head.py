"""What Lighthouse's SEO audit checks, pinned on the main public pages in Khmer and English
(issue 16): one title and one meta description, <html lang>, a canonical address and
absolute hreflang alternates (x-default included) on SALA_SITE_URL, links a crawler can
follow with text that says where they go, and a robots.txt that lets the pages be indexed.
`make lighthouse` measures the same on a running portal (docs/operations.md)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.conf import settings

from geo.tests.factories import create_facility, create_tree
from services.tests.factories import create_service

pytestmark = pytest.mark.django_db

PAGES = (
    "/{lang}/",
    "/{lang}/services/",
    "/{lang}/services/birth-registration/",
    "/{lang}/search/",
    "/{lang}/place/17/",
    "/{lang}/place/171001/",
    "/{lang}/account/sign-in/",
    "/{lang}/health/",
)
# Lighthouse's "link-text" audit refuses these link texts (its list, in part).
GENERIC_LINK_TEXTS = {"click here", "click this", "here", "more", "read more", "learn more",
                      "go", "start", "right here", "this", "link"}  # fmt: skip


class Head(HTMLParser):
    """Collect what the audit reads from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.titles: list[str] = []
        self.descriptions: list[str] = []
        self.robots: list[str] = []
        self.canonicals: list[str] = []
        self.alternates: dict[str, str] = {}
        self.links: list[list[str]] = []  # [href, text]
        self._in_title = False
        self._in_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "title":
            self._in_title = True
            self.titles.append("")
        elif tag == "meta" and a.get("name") == "description":
            self.descriptions.append(a.get("content", ""))
        elif tag == "meta" and a.get("name") == "robots":
            self.robots.append(a.get("content", ""))
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonicals.append(a.get("href", ""))
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates[a["hreflang"]] = a.get("href", "")
        elif tag == "a":
            self._in_link = True
            self.links.append([a.get("href", ""), a.get("aria-label", "")])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "a":
            self._in_link = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.titles[-1] += data
        if self._in_link:
            self.links[-1][1] += data


@pytest.fixture
def public_pages():
    tree = create_tree()
    create_facility(tree.commune, "commune-hall")
    create_service()


def robots_rules(client) -> list[tuple[str, str]]:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    rules = []
    for line in response.content.decode().splitlines():
        field, _colon, value = line.partition(":")
        assert _colon and field in {"User-agent", "Allow", "Disallow", "Sitemap"}, line
        if field in {"Allow", "Disallow"}:
            rules.append((field, value.strip()))
    return rules


def crawlable(rules: list[tuple[str, str]], path: str) -> bool:
    """RFC 9309: the longest matching rule decides; Allow wins a tie."""
    matches = [(len(rule), field == "Allow") for field, rule in rules if path.startswith(rule)]
    return max(matches)[1] if matches else True


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_main_public_pages_give_search_engines_what_lighthouse_checks(
    client, public_pages, language
):
    rules = robots_rules(client)
    for template in PAGES:
        path = template.format(lang=language)
        response = client.get(path)
        assert response.status_code == 200, path
        head = Head()
        head.feed(response.content.decode())
        assert head.lang == language, path
        assert len(head.titles) == 1 and head.titles[0].strip(), path
        assert len(head.descriptions) == 1 and head.descriptions[0].strip(), path
        assert not any("noindex" in robots for robots in head.robots), path
        assert crawlable(rules, path), path
        assert head.canonicals == [f"{settings.SALA_SITE_URL}{path}"], path
        assert head.alternates == {
            "km": f"{settings.SALA_SITE_URL}{template.format(lang='km')}",
            "en": f"{settings.SALA_SITE_URL}{template.format(lang='en')}",
            "x-default": f"{settings.SALA_SITE_URL}{template.format(lang='km')}",
        }, path
        for href, text in head.links:
            assert href and not href.startswith("javascript:"), (path, href)
            assert " ".join(text.split()).lower() not in GENERIC_LINK_TEXTS, (path, text)


def test_robots_txt_keeps_out_search_results_and_accounts_but_not_the_sign_in_page(client):
    rules = robots_rules(client)
    for path in ("/km/search/?q=tax", "/en/search/suggest/?q=ta", "/km/account/", "/cms/"):
        assert not crawlable(rules, path), path
    for path in ("/km/search/", "/en/account/sign-in/", "/km/services/"):
        assert crawlable(rules, path), path


def test_the_canonical_and_alternate_addresses_leave_the_query_out_but_keep_the_page(
    client, public_pages
):
    for asked, canonical in (
        ("/en/accounts/login/?next=/en/account/", "/en/accounts/login/"),
        ("/en/services/?page=2&utm_source=x", "/en/services/?page=2"),
    ):
        head = Head()
        head.feed(client.get(asked).content.decode())
        assert head.canonicals == [f"{settings.SALA_SITE_URL}{canonical}"], asked
        assert head.alternates == {
            "km": f"{settings.SALA_SITE_URL}{canonical.replace('/en/', '/km/')}",
            "en": f"{settings.SALA_SITE_URL}{canonical}",
            "x-default": f"{settings.SALA_SITE_URL}{canonical.replace('/en/', '/km/')}",
        }, asked
