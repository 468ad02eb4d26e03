"""Subscriptions: fan-out to the followers of a topic (areas nest), channels per
subscription, daily digests, and idempotent fan-outs."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from geo.tests.factories import create_tree
from notifications.api import notify_subscribers
from notifications.digests import do_send_due_digests
from notifications.models import Delivery, Notification
from notifications.subscriptions import TopicError, check_follow
from notifications.tests.factories import create_person, follow

pytestmark = pytest.mark.django_db


def test_an_area_message_reaches_the_followers_of_the_area_and_of_areas_inside_it(committed):
    create_tree()
    province, commune, elsewhere = (create_person(n) for n in ("prov", "comm", "else"))
    follow(province, "area:17", email="immediate")
    follow(commune, "area:171001", email="immediate")
    follow(elsewhere, "area:12", email="immediate")
    with committed():
        count = notify_subscribers("area:17", "tests.area_news", {"headline": "Flood"})
    assert count == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["comm@example.org", "prov@example.org"]
    assert Notification.objects.get(recipient=commune).topic == "area:171001"


def test_a_commune_message_does_not_reach_the_province_followers(committed):
    create_tree()
    follow(create_person("prov"), "area:17")
    assert notify_subscribers("area:171001", "tests.area_news", {"headline": "x"}) == 0


def test_each_person_is_notified_once_with_their_strongest_choice(committed):
    create_tree()
    dara = create_person("dara")
    follow(dara, "area:17", email="daily")
    follow(dara, "area:1710", email="immediate")
    with committed():
        notify_subscribers("area:17", "tests.area_news", {"headline": "x"})
    assert Notification.objects.filter(recipient=dara).count() == 1
    assert len(mail.outbox) == 1


def test_the_same_key_twice_notifies_nobody_twice(committed):
    dara = create_person("dara")
    follow(dara, "area:12", email="immediate")
    with committed():
        notify_subscribers("area:12", "tests.area_news", {"headline": "x"}, key="news:1")
        notify_subscribers("area:12", "tests.area_news", {"headline": "x"}, key="news:1")
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1


def test_channels_follow_the_subscription_and_the_inbox_always_gets_it(committed):
    dara = create_person("dara", language="en", mobile="+85512345678")
    follow(dara, "area:12", email="off", sms="immediate")
    with committed():
        notify_subscribers("area:12", "tests.area_news", {"headline": "Road closed"})
    assert mail.outbox == []
    assert Notification.objects.get().title == "News: Road closed"
    assert list(Delivery.objects.values_list("channel", "status")) == [("sms", "sent")]


def test_daily_choices_are_held_and_sent_once_as_a_digest_after_the_digest_hour(
    settings, committed
):
    settings.SALA_NOTIFICATIONS_DIGEST_HOUR = 18
    dara = create_person("dara", language="en")
    follow(dara, "area:12", email="daily")
    with committed():
        for headline in ("Market closed", "New clinic"):
            notify_subscribers("area:12", "tests.area_news", {"headline": headline})
    assert mail.outbox == []
    assert set(Delivery.objects.values_list("status", flat=True)) == {"held"}

    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    before = timezone.make_aware(datetime.combine(today, datetime.min.time()), tz) + timedelta(
        hours=17
    )
    assert do_send_due_digests(before) == 0
    Notification.objects.update(created_at=before)  # written at 17:00
    after = before + timedelta(hours=2)  # 19:00, after today's 18:00
    with committed():
        assert do_send_due_digests(after) == 1
    with committed():
        assert do_send_due_digests(after + timedelta(minutes=5)) == 0
    [digest] = mail.outbox
    assert digest.subject == "Your daily summary: 2 new updates"
    assert "News: Market closed" in digest.body and "News: New clinic" in digest.body
    assert set(Delivery.objects.filter(digest__isnull=False).values_list("status", flat=True)) == {
        "digested"
    }
    assert Notification.objects.filter(recipient=dara).in_inbox().count() == 2


def test_an_urgent_event_is_not_held_for_the_digest(committed):
    create_tree()
    dara = create_person("dara")
    follow(dara, "area:17", email="daily")
    with committed():
        notify_subscribers(
            "area:17",
            "notifications.broadcast",
            {"title": {"km": "ទឹកជំនន់", "en": "Flood"}, "body": "x", "area": "Siem Reap"},
        )
    assert len(mail.outbox) == 1


def test_a_topic_that_does_not_exist_cannot_be_followed():
    with pytest.raises(TopicError):
        check_follow(create_person(), "area:99")
    with pytest.raises(TopicError):
        check_follow(create_person("x"), "unknownkind:1")
