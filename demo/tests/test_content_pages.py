"""What the demo content says and shows, read from one load of it (demo/tests/test_content.py
tests the loading itself)."""

from __future__ import annotations

import unicodedata

import pytest
from django.db import transaction
from wagtail.models import Page

from content.models import GuidePage, InstitutionPage
from content.services import DEMO_SERVICES
from demo.content import load_demo_content

# Loading the whole demo (about 150 pages with revisions) takes a minute or more on a
# loaded machine with PostgreSQL.
pytestmark = [pytest.mark.timeout(900), pytest.mark.django_db]

ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """Load the demo content once for this module's tests, which only read it; each test
    runs in a savepoint of this transaction, which is rolled back after the last one."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo_content()
        transaction.set_rollback(True)


def test_the_guides_link_the_catalogues_services_in_the_readers_language(client, demo_content):
    slugs = set()
    for guide in GuidePage.objects.filter(locale__language_code="en"):
        for step in guide.steps:
            slugs |= {
                link.value["slug"] for link in step.value["links"] if link.block_type == "service"
            }
    assert slugs <= set(DEMO_SERVICES) and len(slugs) >= 8
    response = client.get("/km/topics/starting-a-business/start-a-business/")
    assert '<a href="/km/services/business-registration/">ការចុះបញ្ជីពាណិជ្ជកម្ម</a>' in response.text
    response = client.get("/en/topics/starting-a-business/start-a-business/")
    assert (
        '<a href="/en/services/business-registration/">Business registration</a>' in response.text
    )


def test_every_demo_page_has_its_translation(demo_content):
    pages = list(Page.objects.filter(depth__gte=2).select_related("locale"))
    assert len(pages) > 2  # more than the two home pages
    for page in pages:
        languages = set(
            Page.objects.filter(translation_key=page.translation_key).values_list(
                "locale__language_code", flat=True
            )
        )
        assert languages == {"km", "en"}, page


def test_the_khmer_text_is_clean(demo_content):
    pages = list(InstitutionPage.objects.filter(locale__language_code="km"))
    assert pages
    for page in pages:
        for text in (page.title, page.introduction, page.mandate, page.leadership):
            assert not any(char in text for char in ZERO_WIDTH), page
            assert unicodedata.normalize("NFC", text) == text, page


def test_demo_pages_render_in_both_languages(client, demo_content):
    for url in ("/km/", "/en/institutions/mptc/", "/km/news/"):
        assert client.get(url).status_code == 200, url
