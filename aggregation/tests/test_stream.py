"""The /news/ stream: portal news and outside items together, filters, paging, feeds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from aggregation.models import Item
from aggregation.tests.factories import create_institution, create_item, create_source
from geo.models import Area

pytestmark = pytest.mark.django_db


@pytest.fixture
def provinces():
    kampot = Area.objects.create(code="07", level=1, path="/07/", name_km="កំពត",
                                 name_en="Kampot", key_en="kampot")  # fmt: skip
    siem_reap = Area.objects.create(code="17", level=1, path="/17/", name_km="សៀមរាប",
                                    name_en="Siem Reap", key_en="siem reap")  # fmt: skip
    return kampot, siem_reap


def test_the_stream_lists_published_items_with_their_source_and_original(client):
    source = create_source(institution=create_institution())
    create_item(source=source, title="Measles week", original_url="https://moh.gov.kh/m")
    create_item(source=source, title="A draft nobody sees", status=Item.Status.DRAFT)

    response = client.get("/en/news/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Measles week" in page
    assert "A draft nobody sees" not in page
    assert "From Ministry of Health news" in page
    assert 'href="https://moh.gov.kh/m"' in page
    assert "Original on moh.gov.kh" in page


def test_filters_by_institution_area_language_and_source(client, provinces):
    kampot, _siem_reap = provinces
    health = create_source(institution=create_institution())
    education = create_source(name_en="Education news", institution=create_institution(
        code="moeys", name_en="Ministry of Education", name_km="ក្រសួងអប់រំ"))  # fmt: skip
    in_kampot = create_item(source=health, title="Clinic in Kampot")
    in_kampot.areas.add(kampot)
    create_item(source=education, title="Schools open")
    create_item(source=health, title="ព័ត៌មានជាភាសាខ្មែរ", language="km")

    def titles(query: str) -> set[str]:
        response = client.get(f"/en/news/?{query}")
        assert response.status_code == 200
        return {entry.title for entry in response.context["page_obj"].object_list}

    assert titles("institution=moeys") == {"Schools open"}
    assert titles("area=07") == {"Clinic in Kampot"}
    assert titles("language=km") == {"ព័ត៌មានជាភាសាខ្មែរ"}
    assert titles(f"source={education.pk}") == {"Schools open"}
    assert titles("source=portal") == set()


def test_a_story_in_both_languages_is_shown_once_in_the_readers_language(client):
    source = create_source(institution=create_institution())
    create_item(source=source, title="Measles week in Kampot", language="en",
                original_url="https://moh.gov.kh/en/news/measles-kampot",
                story_url="https://moh.gov.kh/news/measles-kampot")  # fmt: skip
    create_item(source=source, title="សប្តាហ៍កញ្ជ្រឹលនៅកំពត", language="km",
                original_url="https://moh.gov.kh/km/news/measles-kampot",
                story_url="https://moh.gov.kh/news/measles-kampot")  # fmt: skip
    create_item(source=source, title="Eye checks in Siem Reap", language="en")

    def titles(path: str) -> set[str]:
        response = client.get(path)
        assert response.status_code == 200
        return {entry.title for entry in response.context["page_obj"].object_list}

    assert titles("/km/news/") == {"សប្តាហ៍កញ្ជ្រឹលនៅកំពត", "Eye checks in Siem Reap"}
    assert titles("/en/news/") == {"Measles week in Kampot", "Eye checks in Siem Reap"}
    assert titles("/km/news/?language=en") == {"Measles week in Kampot", "Eye checks in Siem Reap"}


def test_an_unknown_filter_value_is_explained_and_the_rest_still_applies(client):
    create_item(title="Still listed")
    response = client.get("/en/news/?area=99&institution=nope")
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Still listed" in page


def test_the_stream_pages_through_both_lists_newest_first(client):
    source = create_source()
    now = timezone.now()
    for number in range(45):
        create_item(source=source, title=f"Story {number:02}",
                    published_at=now - timedelta(hours=number))  # fmt: skip
    first = client.get("/en/news/").context["page_obj"]
    fifth = client.get("/en/news/?page=5").context["page_obj"]
    assert first.paginator.count == 45
    assert [entry.title for entry in first.object_list][:2] == ["Story 00", "Story 01"]
    assert [entry.title for entry in fifth.object_list] == [f"Story {n}" for n in range(40, 45)]


def test_rss_and_atom_feeds_link_to_the_original_and_name_the_source(client):
    create_item(title="Measles week", original_url="https://moh.gov.kh/m")
    rss = client.get("/en/news/feed.rss").content.decode()
    atom = client.get("/en/news/feed.atom").content.decode()
    assert "<link>https://moh.gov.kh/m</link>" in rss
    assert "From Ministry of Health news" in rss
    assert 'href="https://moh.gov.kh/m"' in atom


def test_an_item_page_keeps_attribution_and_the_original_link(client):
    item = create_item(title="Measles week", original_url="https://moh.gov.kh/m",
                       body='<p>Safe <a href="https://moh.gov.kh/x">link</a></p>')  # fmt: skip
    page = client.get(f"/en/news/items/{item.pk}/").content.decode()
    assert "This item comes from Ministry of Health news" in page
    assert 'href="https://moh.gov.kh/m"' in page
    assert '<a href="https://moh.gov.kh/x">link</a>' in page


def test_a_draft_is_not_found_by_the_public(client):
    draft = create_item(status=Item.Status.DRAFT)
    assert client.get(f"/en/news/items/{draft.pk}/").status_code == 404


def test_portal_news_and_outside_items_are_mixed_newest_first(client, provinces):
    from datetime import date

    from content.models import NewsIndexPage, NewsPage
    from content.tests.factories import create_homes, create_page

    kampot, _siem_reap = provinces
    homes = create_homes()
    index = create_page(homes["en"], NewsIndexPage, title="News", slug="news")
    today = timezone.localdate()
    portal = create_page(index, NewsPage, title="Portal opens a new service",
                         date=today, body="<p>New.</p>")  # fmt: skip
    portal.areas.add(kampot)
    portal.save_revision().publish()
    create_page(index, NewsPage, title="Old portal news", date=date(2020, 1, 1),
                body="<p>Old.</p>")  # fmt: skip
    create_item(title="Outside story from yesterday",
                published_at=timezone.now() - timedelta(days=1))  # fmt: skip

    entries = client.get("/en/news/").context["page_obj"].object_list
    assert [entry.title for entry in entries] == [
        "Portal opens a new service", "Outside story from yesterday", "Old portal news",
    ]  # fmt: skip
    assert entries[0].url.endswith("/news/portal-opens-a-new-service/")
    in_kampot = client.get("/en/news/?area=07").context["page_obj"].object_list
    assert [entry.title for entry in in_kampot] == ["Portal opens a new service"]
    only_portal = client.get("/en/news/?source=portal").context["page_obj"].object_list
    assert len(only_portal) == 2
