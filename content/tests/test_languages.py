"""Each page links to its translation; an address whose page exists only in the other
language says so and links to it."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext
from wagtail.test.utils import WagtailPageTestCase

from content.models import InformationPage
from content.tests.factories import create_homes, create_page, translate


class LanguagesTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = create_homes()
        cls.both = create_page(cls.homes["km"], InformationPage, title="អំពីសាលា", slug="about")
        cls.both_en = translate(cls.both, cls.homes["en"], title="About Sala")
        cls.khmer_only = create_page(
            cls.homes["km"], InformationPage, title="សេចក្តីជូនដំណឹង", slug="notice"
        )
        cls.renamed = create_page(
            cls.homes["km"], InformationPage, title="ទំនាក់ទំនង", slug="tomneak-tomnong"
        )
        cls.renamed_en = translate(cls.renamed, cls.homes["en"], title="Contact")
        cls.renamed_en.slug = "contact"
        cls.renamed_en.save_revision().publish()

    def test_a_page_links_to_its_translation(self):
        response = self.client.get("/km/about/")
        self.assertContains(
            response,
            '<a href="/en/about/" hreflang="en" lang="en">About Sala</a>',
            html=True,
        )
        response = self.client.get("/en/about/")
        self.assertContains(response, "Read this page in Khmer:")
        self.assertContains(response, 'href="/km/about/" hreflang="km" lang="km"')

    def test_a_page_without_translation_says_so(self):
        response = self.client.get("/en/about/")
        self.assertNotContains(response, "not yet available")
        response = self.client.get("/km/notice/")
        with translation.override("km"):
            notice = gettext("This page is not yet available in %(language)s.") % {
                "language": gettext("English")
            }
        self.assertContains(response, notice)

    def test_the_missing_translation_says_so_and_links_to_the_other_language(self):
        response = self.client.get("/en/notice/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, '<html lang="en"', status_code=404)
        self.assertContains(
            response,
            "<h1>This page is not yet available in English</h1>",
            status_code=404,
            html=True,
        )
        self.assertContains(
            response,
            '<a href="/km/notice/" hreflang="km" lang="km">សេចក្តីជូនដំណឹង</a>',
            status_code=404,
            html=True,
        )
        self.assertContains(response, '<meta name="robots" content="noindex">', status_code=404)

    def test_a_translation_under_another_slug_is_found_from_the_other_languages_address(self):
        response = self.client.get("/en/tomneak-tomnong/")
        self.assertRedirects(response, "/en/contact/", fetch_redirect_response=False)

    def test_an_address_that_exists_in_no_language_is_not_found(self):
        response = self.client.get("/en/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, "not yet available", status_code=404)

    def test_the_khmer_page_is_never_served_as_english(self):
        # Without a live English home, Wagtail routes /en/ addresses through the Khmer tree.
        self.homes["en"].unpublish()
        response = self.client.get("/en/about/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, 'href="/km/about/"', status_code=404)
