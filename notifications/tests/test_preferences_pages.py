"""Settings, subscriptions, the follow button and email unsubscribe links."""

from __future__ import annotations

import pytest

from geo.tests.factories import create_tree
from notifications.emails import unsubscribe_token
from notifications.models import Preferences, Subscription
from notifications.tests.factories import create_person, follow

pytestmark = pytest.mark.django_db


def test_channels_can_be_turned_off_and_the_addresses_are_shown(client):
    dara = create_person(language="en", mobile="+85512345678")
    client.force_login(dara)
    page = client.get("/en/notifications/settings/").content.decode()
    assert "to dara@example.org" in page and "to 012 345 678" in page
    client.post("/en/notifications/settings/", {"email": "on"})
    preferences = Preferences.objects.get(user=dara)
    assert (preferences.email, preferences.sms, preferences.telegram) == (True, False, False)


def test_follow_an_area_choose_channels_and_stop_following(client):
    create_tree()
    dara = create_person(language="en")
    client.force_login(dara)
    response = client.post(
        "/en/notifications/follow/", {"topic": "area:171001", "next": "/en/place/171001/"}
    )
    assert response["Location"] == "/en/place/171001/"
    subscription = Subscription.objects.get(user=dara)
    assert (subscription.topic, subscription.email) == ("area:171001", "daily")
    page = client.get("/en/notifications/subscriptions/").content.decode()
    assert "Sla Kram" in page
    client.post(
        "/en/notifications/subscriptions/",
        {
            f"{subscription.pk}-email": "immediate",
            f"{subscription.pk}-sms": "off",
            f"{subscription.pk}-telegram": "daily",
        },
    )
    subscription.refresh_from_db()
    assert (subscription.email, subscription.telegram) == ("immediate", "daily")
    client.post("/en/notifications/subscriptions/", {"unfollow": "area:171001"})
    assert not Subscription.objects.exists()


def test_a_bad_mode_is_refused_and_nothing_changes(client):
    dara = create_person(language="en")
    subscription = follow(dara, "area:12")
    client.force_login(dara)
    response = client.post("/en/notifications/subscriptions/", {f"{subscription.pk}-email": "x"})
    assert response.status_code == 400
    assert "Choose “At once”, “Daily digest” or “Off”" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.email == "daily"


def test_the_home_area_and_the_areas_around_it_are_suggested(client):
    tree = create_tree()
    dara = create_person(language="en", home_area=tree.commune)
    client.force_login(dara)
    page = client.get("/en/notifications/subscriptions/").content.decode()
    assert "Follow Sla Kram" in page and "Follow Siem Reab" in page and "Follow Siemreap" in page


def test_a_visitor_who_follows_is_asked_to_sign_in(client):
    response = client.post("/km/notifications/follow/", {"topic": "area:12", "next": "/km/"})
    assert "/sign-in/" in response["Location"] and not Subscription.objects.exists()


def test_following_something_that_does_not_exist_says_so(client):
    client.force_login(create_person(language="en"))
    response = client.post("/en/notifications/follow/", {"topic": "area:99"}, follow=True)
    assert "This cannot be followed" in response.content.decode()


def test_the_unsubscribe_link_works_without_signing_in(client):
    dara = create_person(language="en")
    subscription = follow(dara, "area:12", email="immediate")
    token = unsubscribe_token(dara.pk, "area:12")
    page = client.get(f"/en/notifications/unsubscribe/{token}/")
    assert page.status_code == 200 and "Stop the emails about" in page.content.decode()
    done = client.post(f"/en/notifications/unsubscribe/{token}/")
    assert "Emails stopped" in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.email == "off"


def test_one_click_unsubscribe_needs_no_cookie_and_stops_all_notification_emails(client):
    dara = create_person()
    token = unsubscribe_token(dara.pk, "")
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(
        f"/notifications/unsubscribe/{token}/one-click", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert Preferences.objects.get(user=dara).email is False


def test_a_forged_unsubscribe_link_is_refused_clearly(client):
    dara = create_person()
    token = unsubscribe_token(dara.pk, "")[:-3] + "abc"
    page = client.get(f"/en/notifications/unsubscribe/{token}/")
    assert page.status_code == 400 and "This link does not work" in page.content.decode()
    assert client.post(f"/notifications/unsubscribe/{token}/one-click").status_code == 400
