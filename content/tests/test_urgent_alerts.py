"""An urgent announcement shows a banner on the pages of its area and notifies the people
who follow the area, once."""

from __future__ import annotations

import pytest
from django.core import mail

from content.alerts import forget_alerts
from content.models import NewsIndexPage, NewsPage
from content.tests.factories import create_homes, create_page, translate
from geo.tests.factories import create_area, create_tree
from notifications.models import Notification
from notifications.tests.factories import create_person, follow

pytestmark = pytest.mark.django_db

BANNER = 'class="notification-banner notification-banner--warning urgent-alert"'


@pytest.fixture
def tree():
    forget_alerts()
    return create_tree()


@pytest.fixture
def news_index():
    homes = create_homes()
    km = create_page(homes["km"], NewsIndexPage, title="ព័ត៌មាន", slug="news")
    en = translate(km, homes["en"], title="News")
    return {"km": km, "en": en}


def draft_announcement(news_index, area, *, urgent=True):
    km = NewsPage(
        title="ការព្រមានពីទឹកជំនន់",
        slug="flood-warning",
        urgent=urgent,
        body="<p>ទឹកកំពុងឡើង។</p>",
        introduction="ទឹកទន្លេកំពុងឡើង។",
        locale=news_index["km"].locale,
        live=False,
    )
    news_index["km"].add_child(instance=km)
    km.areas.set([area])
    en = km.copy_for_translation(news_index["en"].locale)
    en.title = "Flood warning"
    en.introduction = "The river is rising."
    en.save()
    en.areas.set([area])
    return {"km": km, "en": en}


def publish(page):
    page.save_revision().publish()


def test_the_banner_shows_to_visitors_of_the_area_and_on_its_place_page(client, tree, news_index):
    pages = draft_announcement(news_index, tree.province)
    publish(pages["km"])
    publish(pages["en"])
    assert BANNER in client.get(f"/km/place/{tree.commune.code}/").text
    assert BANNER not in client.get("/km/").text
    client.post("/en/place/remember/", {"area": tree.village.code})
    response = client.get("/en/")
    assert BANNER in response.text
    assert 'href="/en/news/flood-warning/"' in response.text
    assert f'href="/en/feeds/area/{tree.village.code}/news.rss"' in response.text


def test_the_banner_does_not_show_in_other_areas(client, tree, news_index):
    elsewhere = create_area("12", "Phnom Penh", "ភ្នំពេញ")
    publish(draft_announcement(news_index, tree.province)["km"])
    assert BANNER not in client.get(f"/km/place/{elsewhere.code}/").text


def test_a_news_item_that_is_not_urgent_has_no_banner(client, tree, news_index):
    publish(draft_announcement(news_index, tree.province, urgent=False)["km"])
    assert BANNER not in client.get(f"/km/place/{tree.province.code}/").text


def test_publishing_notifies_the_followers_of_the_area_once(
    tree, news_index, django_capture_on_commit_callbacks
):
    follower = create_person("sophea", language="en")
    follow(follower, f"area:{tree.commune.code}", email="immediate")
    follow(create_person("elsewhere"), "area:12", email="immediate")
    pages = draft_announcement(news_index, tree.province)
    with django_capture_on_commit_callbacks(execute=True):
        publish(pages["en"])
    with django_capture_on_commit_callbacks(execute=True):
        publish(pages["km"])  # the same announcement in Khmer
        publish(pages["en"])  # a correction does not notify again
    notification = Notification.objects.get()
    assert notification.recipient == follower
    assert notification.title == "Urgent: Flood warning"
    assert [m.to for m in mail.outbox] == [["sophea@example.org"]]
    assert "/en/news/flood-warning/" in mail.outbox[0].body
