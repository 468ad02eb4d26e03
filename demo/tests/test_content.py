"""The demo content loads in both languages, linked as translations, and loads once."""

from __future__ import annotations

import pytest
from wagtail.models import Page, Site

from content.models import GuidePage, HomePage, InstitutionPage, NewsPage, TopicPage
from demo.content import MINISTRIES, NEWS, load_demo_content
from demo.content_texts import MORE_MINISTRIES, MORE_NEWS

# Loading the whole demo (about 150 pages with revisions) takes a minute or more on a
# loaded machine with PostgreSQL; twice in one test, more than the suite's default.
pytestmark = pytest.mark.timeout(900)


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
def test_the_khmer_home_page_is_the_sites_root_and_the_wagtail_welcome_page_is_gone():
    assert Page.objects.filter(depth=2, content_type__model="page").exists()  # Wagtail's
    load_demo_content()
    root = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(root, HomePage)
    assert root.locale.language_code == "km"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
