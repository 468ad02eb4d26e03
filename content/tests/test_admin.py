"""Editors create pages in the Wagtail admin."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from content.models import GuidePage, NewsIndexPage, NewsPage
from content.tests.factories import create_homes, create_page


class AdminTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = create_homes()
        cls.news_index = create_page(cls.homes["km"], NewsIndexPage, title="ព័ត៌មាន", slug="news")
        cls.editor = get_user_model().objects.create_superuser(
            username="editor", email="editor@example.org", password="a long test password"
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def test_an_editor_creates_a_news_item(self):
        self.assertCanCreate(
            self.news_index,
            NewsPage,
            nested_form_data(
                {
                    "title": "សេចក្តីប្រកាសថ្មី",
                    "slug": "new-announcement",
                    "introduction": "",
                    "date": datetime.date(2026, 3, 1).isoformat(),
                    "body": rich_text("<p>អត្ថបទ។</p>"),
                }
            ),
        )

    def test_an_editor_creates_a_guide_with_steps(self):
        self.assertCanCreate(
            self.homes["km"],
            GuidePage,
            nested_form_data(
                {
                    "title": "មគ្គុទ្ទេសក៍",
                    "slug": "guide",
                    "introduction": "",
                    "steps": streamfield(
                        [
                            (
                                "step",
                                {
                                    "title": "ជំហានទីមួយ",
                                    "text": rich_text("<p>ធ្វើដូចនេះ។</p>"),
                                    "links": streamfield([]),
                                },
                            )
                        ]
                    ),
                    "body": rich_text(""),
                }
            ),
        )
