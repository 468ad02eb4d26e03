"""Every page type renders in Khmer and English, sits only where it belongs, and describes
itself in JSON-LD."""

from __future__ import annotations

import datetime
import json
import re

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from content.models import (
    GuidePage,
    HomePage,
    InformationPage,
    InstitutionPage,
    NewsIndexPage,
    NewsPage,
    TopicPage,
)
from content.tests.factories import create_homes, create_page, translate
from geo.models import Institution

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def build_tree(cls) -> None:
    """One page of every type in Khmer, each with its English translation."""
    cls.homes = homes = create_homes()
    cls.institutions = {
        "km": create_page(homes["km"], InformationPage, title="ក្រសួង", slug="institutions"),
    }
    cls.institutions["en"] = translate(cls.institutions["km"], homes["en"], title="Ministries")
    cls.geo_institution = Institution.objects.create(
        code="mptc-test", name_km="ក្រសួងប្រៃសណីយ៍", name_en="Ministry of Post"
    )
    km_ministry = create_page(
        cls.institutions["km"],
        InstitutionPage,
        title="ក្រសួងប្រៃសណីយ៍ និងទូរគមនាគមន៍",
        slug="mptc",
        introduction="ក្រសួងដែលដឹកនាំវិស័យប្រៃសណីយ៍។",
        mandate="<p>ដឹកនាំវិស័យប្រៃសណីយ៍ និងទូរគមនាគមន៍។</p>",
        leadership="<p>ក្រសួងដឹកនាំដោយរដ្ឋមន្ត្រី។</p>",
        phone="+855 23 000 000",
        email="info@example.gov.kh",
        website="https://mptc.gov.kh",
        institution=cls.geo_institution,
    )
    cls.ministry = {
        "km": km_ministry,
        "en": translate(
            km_ministry,
            cls.institutions["en"],
            title="Ministry of Post and Telecommunications",
            mandate="<p>Leads the post and telecommunications sector.</p>",
            website="https://mptc.gov.kh",
        ),
    }
    km_topic = create_page(
        homes["km"], TopicPage, title="ការមានកូន", slug="having-a-baby", kind="life_event"
    )
    cls.topic = {
        "km": km_topic,
        "en": translate(km_topic, homes["en"], title="Having a baby", kind="life_event"),
    }
    steps = [("step", {"title": "ទៅសាលាឃុំ", "text": "<p>ប្រកាសកំណើត។</p>", "links": []})]
    km_guide = create_page(
        km_topic, GuidePage, title="ចុះសំបុត្រកំណើត", slug="register-a-birth", steps=steps
    )
    en_steps = [("step", {"title": "Go to the commune hall", "text": "", "links": []})]
    cls.guide = {
        "km": km_guide,
        "en": translate(km_guide, cls.topic["en"], title="Register a birth", steps=en_steps),
    }
    km_news_index = create_page(homes["km"], NewsIndexPage, title="ព័ត៌មាន", slug="news")
    cls.news_index = {
        "km": km_news_index,
        "en": translate(km_news_index, homes["en"], title="News"),
    }
    km_news = create_page(
        km_news_index,
        NewsPage,
        title="ការព្រមានពីទឹកជំនន់",
        slug="flood-warning",
        date=datetime.date(2026, 3, 2),
        institution=km_ministry,
        urgent=True,
        body="<p>សូមប្រុងប្រយ័ត្ន។</p>",
    )
    km_news.topics.set([km_topic])
    km_news.save()
    cls.news = {
        "km": km_news,
        "en": translate(
            km_news,
            cls.news_index["en"],
            title="Flood warning",
            date=datetime.date(2026, 3, 2),
            institution=km_ministry,
            urgent=True,
            body="<p>Stay alert.</p>",
        ),
    }


class PageTypesTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree(cls)

    def pages(self):
        return {
            "home": self.homes,
            "information": self.institutions,
            "institution": self.ministry,
            "topic": self.topic,
            "guide": self.guide,
            "news index": self.news_index,
            "news": self.news,
        }

    def test_every_page_type_renders_in_khmer_and_english(self):
        for name, pages in self.pages().items():
            for language, page in pages.items():
                with self.subTest(name, language=language):
                    url = page.get_url()
                    self.assertTrue(url.startswith(f"/{language}/"), url)
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, f'<html lang="{language}"')
                    # /<lang>/news/ is the aggregation app's stream of these news pages and
                    # the items of other sources; it lists the news rather than its title.
                    shown = self.news[language] if name == "news index" else page
                    self.assertContains(response, shown.title)
                    if name != "home":
                        self.assertContains(response, 'class="breadcrumbs"')

    def test_the_home_page_is_the_default_sites_root_in_khmer(self):
        self.assertEqual(self.client.get("/km/").context["page"], self.homes["km"])
        self.assertEqual(self.client.get("/en/").context["page"], self.homes["en"])

    def test_the_home_page_leads_from_its_latest_news_to_the_whole_stream(self):
        response = self.client.get("/km/")
        self.assertContains(response, self.news["km"].title)
        self.assertContains(response, '<a href="/km/news/">')
        self.assertContains(self.client.get("/en/"), '<a href="/en/news/">')

    def test_the_guide_numbers_its_steps_in_a_step_list(self):
        response = self.client.get(self.guide["km"].get_url())
        self.assertContains(response, '<ol class="step-list')
        self.assertContains(response, '<h2 class="step-list__title">ទៅសាលាឃុំ</h2>', html=True)

    def test_the_news_page_shows_its_institution_and_topic_in_the_readers_language(self):
        response = self.client.get(self.news["en"].get_url())
        # The English item points at the Khmer ministry; the reader gets the English one.
        self.assertContains(response, self.ministry["en"].get_url())
        self.assertContains(response, "Urgent announcement")

    def test_topic_and_institution_pages_list_their_news(self):
        self.assertContains(self.client.get(self.topic["km"].get_url()), self.news["km"].title)
        self.assertContains(self.client.get(self.ministry["km"].get_url()), self.news["km"].title)
        self.assertContains(self.client.get(self.ministry["en"].get_url()), self.news["en"].title)

    def test_the_news_index_lists_its_news_newest_first(self):
        older = create_page(
            self.news_index["km"],
            NewsPage,
            title="ព័ត៌មានចាស់",
            slug="older",
            date=datetime.date(2025, 1, 1),
            body="<p>ចាស់។</p>",
        )
        content = self.client.get(self.news_index["km"].get_url()).content.decode()
        self.assertLess(content.index(self.news["km"].title), content.index(older.title))

    def test_page_types_only_go_where_they_belong(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(InstitutionPage, {HomePage, InformationPage})
        self.assertAllowedParentPageTypes(GuidePage, {HomePage, InformationPage, TopicPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertAllowedSubpageTypes(GuidePage, set())
        self.assertAllowedSubpageTypes(
            HomePage, {InformationPage, TopicPage, GuidePage, InstitutionPage, NewsIndexPage}
        )
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(TopicPage, InstitutionPage)

    def test_a_home_page_has_one_news_index(self):
        self.assertFalse(NewsIndexPage.can_create_at(self.homes["km"]))

    def structured_data(self, page) -> dict:
        response = self.client.get(page.get_url())
        match = JSON_LD.search(response.content.decode())
        self.assertIsNotNone(match, "no JSON-LD script")
        return json.loads(match.group(1))

    def test_institution_pages_describe_a_government_organization(self):
        data = self.structured_data(self.ministry["km"])
        self.assertEqual(data["@context"], "https://schema.org")
        self.assertEqual(data["@type"], "GovernmentOrganization")
        self.assertEqual(data["name"], self.ministry["km"].title)
        self.assertEqual(data["url"], f"http://testserver{self.ministry['km'].get_url()}")
        self.assertEqual(data["telephone"], "+855 23 000 000")
        self.assertEqual(data["sameAs"], ["https://mptc.gov.kh"])

    def test_news_pages_describe_a_news_article(self):
        data = self.structured_data(self.news["en"])
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["headline"], "Flood warning")
        self.assertEqual(data["datePublished"], "2026-03-02")
        self.assertEqual(data["inLanguage"], "en")
        self.assertEqual(data["publisher"]["@type"], "GovernmentOrganization")
        self.assertEqual(data["publisher"]["name"], self.ministry["en"].title)

    def test_guides_describe_a_how_to(self):
        data = self.structured_data(self.guide["km"])
        self.assertEqual(data["@type"], "HowTo")
        self.assertEqual(data["step"][0]["name"], "ទៅសាលាឃុំ")
        self.assertEqual(data["step"][0]["text"], "ប្រកាសកំណើត។")

    def test_json_ld_cannot_close_its_script(self):
        self.news["en"].title = "</script><script>alert(1)</script>"
        self.news["en"].save_revision().publish()
        response = self.client.get(self.news["en"].get_url())
        self.assertNotContains(response, "</script><script>alert(1)")
