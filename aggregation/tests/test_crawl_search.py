"""Crawled pages in the one search box, and their sources' health for administrators."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.utils import translation

from accounts.tests.factories import create_user
from aggregation.crawling import crawl_site
from aggregation.models import Item, Page
from aggregation.normalising import canonical_url
from aggregation.polling import crawl_site_safely
from aggregation.tests.factories import create_item
from aggregation.tests.test_crawling import site_source
from search.models import Document
from standins import ministry_site as site

pytestmark = pytest.mark.django_db


@pytest.fixture
def crawl(django_capture_on_commit_callbacks):
    """Crawl as the worker does: the search updates run once the crawl's writes commit."""

    def crawl_now(source):
        with django_capture_on_commit_callbacks(execute=True):
            return crawl_site(source)

    return crawl_now


def search(client, language: str, query: str) -> str:
    with translation.override(language):
        return client.get(f"/{language}/search/", {"q": query}).content.decode()


def test_a_visitor_finds_a_crawled_pdf_and_it_links_to_the_original(client, ministry_site, crawl):
    crawl(site_source(ministry_site))
    page = search(client, "en", "guardrails")
    assert "Road safety report 2026 (PDF)</a>" in page
    assert f'href="{ministry_site.url}{site.PDF_PATH}"' in page
    assert "From the ministry&#x27;s website" in page or "From the ministry's website" in page
    assert "Ministry of Public Works and Transport" in page


def test_a_khmer_query_finds_the_khmer_page(client, ministry_site, crawl):
    crawl(site_source(ministry_site))
    page = search(client, "km", "ផ្លូវបណ្តោះអាសន្ន")
    assert f'href="{ministry_site.url}/km/news/national-road-5">ការជួសជុល<mark>' in page


def test_legacy_font_pages_never_reach_the_index(ministry_site, crawl):
    crawl(site_source(ministry_site))
    legacy = Page.objects.get(status=Page.Status.LEGACY_FONT)
    assert not Document.objects.filter(key=f"aggregation.page:{legacy.pk}").exists()
    assert Document.objects.filter(kind="website").count() > 8


def test_a_page_that_disappears_leaves_the_search(client, ministry_site, crawl):
    source = site_source(ministry_site)
    crawl(source)
    assert "Renewing a driving licence online" in search(client, "en", "health certificate")
    ministry_site.state.gone.add("/en/news/driving-licence")
    crawl(source)
    assert "Renewing a driving licence online" not in search(client, "en", "health certificate")


def test_the_same_story_from_a_feed_and_the_website_appears_once(
    client, ministry_site, crawl, django_capture_on_commit_callbacks
):
    source = site_source(ministry_site)
    crawl(source)
    address = f"{ministry_site.url}/en/news/national-road-5"
    with django_capture_on_commit_callbacks(execute=True):
        create_item(
            title="Repairs to National Road 5 in the dry season",
            original_url=address,
            canonical_url=canonical_url(address),
            status=Item.Status.PUBLISHED,
        )
    crawl(source)
    page = search(client, "en", "Pursat road repairs")
    assert (
        page.count("<mark>Repairs</mark> to National <mark>Road</mark> 5 in the dry season</a>")
        == 1
    )
    assert f'href="{address}"' not in page


@pytest.fixture
def admin_client(client):
    admin = create_user("root", is_superuser=True, is_staff=True)
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={})
    client.force_login(admin)
    return client


def test_administrators_see_each_sites_pages_errors_and_legacy_font_pages(
    admin_client, ministry_site
):
    source = site_source(ministry_site, name_en="Public Works website")
    crawl_site_safely(source)
    indexed = Page.objects.filter(status=Page.Status.INDEXED).count()
    listing = admin_client.get(
        "/django-admin/aggregation/source/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    legacy = admin_client.get(
        "/django-admin/aggregation/page/", {"status__exact": "legacy"}, HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Public Works website" in listing
    assert f"{indexed} (1)" in listing
    assert "Working, with problems" in listing and "legacy Khmer font" in listing
    assert f"{ministry_site.url}/legacy/notice" in legacy


def test_a_khmer_pdf_is_read_as_khmer_and_a_khmer_query_finds_it(client, ministry_site, crawl):
    crawl(site_source(ministry_site))
    report = Page.objects.get(url=f"{ministry_site.url}{site.KHMER_PDF_PATH}")
    assert report.format == Page.Format.PDF and report.language == "km"
    assert report.status == Page.Status.INDEXED
    assert report.title == "របាយការណ៍សុវត្ថិភាពចរាចរណ៍ផ្លូវគោក ឆ្នាំ ២០២៦"
    assert "របាំងការពារសុវត្ថិភាពប្រវែង ១២០ គីឡូម៉ែត្រ" in report.text
    page = search(client, "km", "របាំងការពារ")
    assert f'href="{ministry_site.url}{site.KHMER_PDF_PATH}"' in page
    assert f'href="{ministry_site.url}{site.PDF_PATH}"' not in page  # the English one is not
