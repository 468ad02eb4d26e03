"""RSS and Atom feeds of news, per institution, area and topic, parsed with feedparser."""

from __future__ import annotations

import datetime

import feedparser
from wagtail.test.utils import WagtailPageTestCase

from content.models import NewsPage
from content.tests.factories import create_page, translate
from content.tests.test_pages import build_tree
from geo.tests.factories import create_area


class FeedsTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)
        cls.battambang = create_area("02", "Battambang", "បាត់ដំបង")
        cls.other = create_page(
            cls.news_index["km"],
            NewsPage,
            title="ព័ត៌មានផ្សេង",
            slug="other",
            date=datetime.date(2026, 3, 1),
            body="<p>ផ្សេង។</p>",
            introduction="សេចក្ដីសង្ខេប។",
        )
        cls.other.areas.set([cls.battambang])
        cls.other.save_revision().publish()
        translate(
            cls.other,
            cls.news_index["en"],
            title="Other news",
            date=datetime.date(2026, 3, 1),
            body="<p>Other.</p>",
            introduction="A summary.",
        ).areas.set([cls.battambang])

    def parse(self, url: str):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, f"{url}: {feed.get('bozo_exception')}")
        return response, feed

    def test_the_news_feed_lists_every_item_in_the_language_newest_first(self):
        for fmt, version in (("rss", "rss20"), ("atom", "atom10")):
            with self.subTest(fmt):
                _response, feed = self.parse(f"/en/feeds/news.{fmt}")
                self.assertEqual(feed.version, version)
                self.assertEqual([e.title for e in feed.entries], ["Flood warning", "Other news"])
                entry = feed.entries[1]
                self.assertEqual(entry.link, "http://testserver/en/news/other/")
                self.assertEqual(entry.summary, "A summary.")
                self.assertEqual(entry.published_parsed[:3], (2026, 3, 1))
                self.assertEqual(feed.feed.language, "en")

    def test_an_institutions_feed_has_only_its_news_with_author_and_topics(self):
        _response, feed = self.parse("/km/feeds/institution/mptc/news.atom")
        self.assertIn(self.ministry["km"].title, feed.feed.title)
        self.assertEqual([e.title for e in feed.entries], ["ការព្រមានពីទឹកជំនន់"])
        entry = feed.entries[0]
        self.assertEqual(entry.author, self.ministry["km"].title)
        self.assertEqual({t.term for t in entry.tags}, {"បន្ទាន់", "ការមានកូន"})

    def test_an_areas_feed_has_the_news_of_the_area_and_of_its_districts(self):
        _response, feed = self.parse("/en/feeds/area/02/news.rss")
        self.assertEqual([e.title for e in feed.entries], ["Other news"])
        self.assertEqual(self.client.get("/en/feeds/area/99/news.rss").status_code, 404)

    def test_a_topics_feed_has_the_news_tagged_with_it(self):
        _response, feed = self.parse("/en/feeds/topic/having-a-baby/news.rss")
        self.assertEqual([e.title for e in feed.entries], ["Flood warning"])

    def test_an_unknown_institution_is_not_found(self):
        self.assertEqual(self.client.get("/en/feeds/institution/nope/news.rss").status_code, 404)

    def test_pages_link_to_their_feeds(self):
        response = self.client.get(self.ministry["en"].get_url())
        self.assertContains(
            response,
            '<link rel="alternate" type="application/atom+xml" title="Ministry of Post and '
            'Telecommunications (Atom)" href="/en/feeds/institution/mptc/news.atom">',
            html=True,
        )
        self.assertContains(response, 'href="/en/feeds/institution/mptc/news.rss"')
