"""The demo content loads in both languages, linked as translations, and loads once."""

from __future__ import annotations

import unicodedata

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from content.models import GuidePage, HomePage, InstitutionPage, NewsPage, TopicPage
from content.services import DEMO_SERVICES
from demo.content import MINISTRIES, NEWS, load_demo_content
from demo.content_texts import MORE_MINISTRIES, MORE_NEWS

# Loading the whole demo (about 150 pages with revisions) takes a minute or more on a
# loaded machine with PostgreSQL; twice in one test, more than the suite's default.
pytestmark = pytest.mark.timeout(900)

ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")


@pytest.mark.django_db
def test_loading_twice_creates_every_page_once():
    first = load_demo_content()
    second = load_demo_content()
    assert first.created > 0 and first.existing == 0
    assert second.created == 0 and second.existing == first.created
    assert Page.objects.filter(depth__gte=2).count() == first.created
    assert InstitutionPage.objects.count() == 2 * (len(MINISTRIES) + len(MORE_MINISTRIES))
    assert InstitutionPage.objects.count() >= 2 * 9
    assert NewsPage.objects.count() == 2 * (len(NEWS) + len(MORE_NEWS)) >= 2 * 24
    assert GuidePage.objects.count() == 2 * 5
    assert TopicPage.objects.filter(kind=TopicPage.Kind.LIFE_EVENT).count() == 2 * 10
    assert NewsPage.objects.filter(urgent=True).count() == 2


@pytest.mark.django_db
def test_the_guides_link_the_catalogues_services_in_the_readers_language(client):
    load_demo_content()
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


@pytest.mark.django_db
def test_every_demo_page_has_its_translation():
    load_demo_content()
    pages = list(Page.objects.filter(depth__gte=2).select_related("locale"))
    assert len(pages) > 2  # more than the two home pages
    for page in pages:
        languages = set(
            Page.objects.filter(translation_key=page.translation_key).values_list(
                "locale__language_code", flat=True
            )
        )
        assert languages == {"km", "en"}, page


@pytest.mark.django_db
def test_the_khmer_home_page_is_the_sites_root_and_the_wagtail_welcome_page_is_gone():
    assert Page.objects.filter(depth=2, content_type__model="page").exists()  # Wagtail's
    load_demo_content()
    root = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(root, HomePage)
    assert root.locale.language_code == "km"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


@pytest.mark.django_db
def test_the_khmer_text_is_clean():
    load_demo_content()
    pages = list(InstitutionPage.objects.filter(locale__language_code="km"))
    assert pages
    for page in pages:
        for text in (page.title, page.introduction, page.mandate, page.leadership):
            assert not any(char in text for char in ZERO_WIDTH), page
            assert unicodedata.normalize("NFC", text) == text, page


@pytest.mark.django_db
def test_the_command_prints_one_line_about_pages(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    call_command("load_demo_data")
    call_command("load_demo_data")
    out = capsys.readouterr().out
    assert "Demo pages: 0 created," in out
    assert "already there." in out


@pytest.mark.django_db
def test_demo_pages_render_in_both_languages(client):
    load_demo_content()
    for url in ("/km/", "/en/institutions/mptc/", "/km/news/"):
        assert client.get(url).status_code == 200, url
