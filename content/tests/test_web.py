"""The sitemap (every live page once per language, with hreflang alternates), robots.txt,
the OpenSearch description and the social preview tags."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django.core.cache import cache
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from content.models import InformationPage
from content.tests.factories import create_page
from content.tests.test_pages import build_tree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


class SitemapTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        cls.draft = create_page(cls.homes["km"], InformationPage, title="សេចក្ដីព្រាង", slug="draft")
        cls.draft.unpublish()
        cls.khmer_only = create_page(
            cls.homes["km"], InformationPage, title="តែខ្មែរ", slug="km-only"
        )

    def setUp(self):
        cache.clear()

    def sitemap(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/xml")
        return ET.fromstring(response.content)  # noqa: S314 -- our own response

    def test_every_live_page_is_listed_once_per_language(self):
        root = self.sitemap()
        locations = [loc.text for loc in root.findall("s:url/s:loc", NS)]
        self.assertEqual(len(locations), len(set(locations)))
        pages = Page.objects.live().public().filter(depth__gte=2)
        expected = {f"http://testserver{page.get_url()}" for page in pages if page.get_url()}
        self.assertEqual(len(expected), 2 * 7 + 1)  # 7 pages in both languages, 1 in Khmer
        self.assertEqual(set(locations), expected)
        self.assertIn("http://testserver/km/", locations)
        self.assertIn("http://testserver/en/news/flood-warning/", locations)
        self.assertNotIn("http://testserver/km/draft/", locations)

    def test_each_page_names_its_translations_with_hreflang(self):
        root = self.sitemap()
        for url in root.findall("s:url", NS):
            location = url.find("s:loc", NS).text
            alternates = {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            }
            if location.endswith("/km-only/"):
                self.assertEqual(alternates, {})
            else:
                self.assertEqual(set(alternates), {"km", "en"}, location)
                self.assertIn(location, alternates.values())
        news = next(
            u
            for u in root.findall("s:url", NS)
            if u.find("s:loc", NS).text.endswith("/km/news/flood-warning/")
        )
        self.assertEqual(
            news.find("x:link[@hreflang='en']", NS).get("href"),
            "http://testserver/en/news/flood-warning/",
        )

    def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_accounts(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        self.assertIn("Disallow: /cms/", lines)
        self.assertIn("Disallow: /km/account/", lines)

    def test_the_opensearch_description_searches_in_the_language(self):
        response = self.client.get("/en/opensearch.xml")
        self.assertEqual(
            response["Content-Type"], "application/opensearchdescription+xml; charset=utf-8"
        )
        root = ET.fromstring(response.content)  # noqa: S314 -- our own response
        ns = {"o": "http://a9.com/-/spec/opensearch/1.1/"}
        self.assertEqual(root.find("o:ShortName", ns).text, "Sala")
        self.assertEqual(
            root.find("o:Url", ns).get("template"),
            "http://testserver/en/search/?q={searchTerms}",
        )
        home = self.client.get("/en/")
        self.assertContains(home, 'rel="search" type="application/opensearchdescription+xml"')

    def test_pages_have_a_canonical_address_and_a_social_preview(self):
        response = self.client.get("/en/news/flood-warning/")
        self.assertContains(
            response, '<link rel="canonical" href="http://testserver/en/news/flood-warning/">'
        )
        self.assertContains(response, '<meta property="og:type" content="article">')
        self.assertContains(response, '<meta property="og:title" content="Flood warning">')
        self.assertContains(response, '<meta property="og:locale" content="en_GB">')
