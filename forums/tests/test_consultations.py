"""Consultations: published by an office's editor or head, commented on and supported
while open; the threshold starts the response clock; the response tells the supporters."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from forums import consultations
from forums.models import Consultation
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def _publish(forum_world, threshold=2, days=14):
    return consultations.do_publish(
        forum_world.head, forum_world.hall, title_km="ផែនការផ្លូវថ្មី", title_en="New road plan",
        body_km="តើអ្នកយល់យ៉ាងណា?", body_en="What do you think?",
        closes_at=timezone.now() + datetime.timedelta(days=days), threshold=threshold,
        response_days=30,
    )  # fmt: skip


def test_the_head_of_office_publishes_through_the_form_and_a_citizen_cannot(client, forum_world):
    data = {
        "office": forum_world.hall.pk, "title_km": "ផែនការផ្លូវថ្មី", "title_en": "New road plan",
        "body_km": "តើអ្នកយល់យ៉ាងណា?", "body_en": "What do you think?",
        "closes_on": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
        "threshold": 3, "response_days": 30,
    }  # fmt: skip
    client.force_login(forum_world.citizen)
    assert client.post("/en/forums/consultations/new/", data).status_code == 403
    client.force_login(forum_world.head)
    with translation.override("en"):
        past = client.post("/en/forums/consultations/new/", {**data, "closes_on": "2020-01-01"})
    assert "The closing date must be in the future." in past.content.decode()
    assert "New road plan" in past.content.decode()
    response = client.post("/en/forums/consultations/new/", data)
    assert response.status_code == 302 and Consultation.objects.get().threshold == 3


def test_supports_past_the_threshold_start_the_clock_and_the_response_tells_supporters(
    client, forum_world
):
    consultation = _publish(forum_world)
    url = consultation.get_absolute_url()
    with translation.override("en"):
        assert "Closes in 13 days" in client.get(url).content.decode()
    for person in (forum_world.citizen, forum_world.other):
        client.force_login(person)
        client.post(f"{url}support/")
    client.post(f"{url}support/")  # twice counts once
    consultation.refresh_from_db()
    assert consultation.supports.count() == 2
    assert consultation.response_due_at is not None
    assert Notification.objects.filter(recipient=forum_world.head, event="forums.response_owed")
    with translation.override("en"):
        page = client.get(url).content.decode()
    assert "Response owed" in page and "The office must respond within 29 days" in page

    client.force_login(forum_world.head)
    response = {"response_km": "យើងនឹងសាងសង់ផ្លូវ។", "response_en": "We will build it."}
    client.post(f"{url}respond/", response)
    consultation.refresh_from_db()
    assert consultation.responded_at is not None
    assert Notification.objects.filter(event="forums.consultation_answered").count() == 2
    assert "We will build it." in client.get(url).content.decode()


def test_the_page_says_when_the_response_is_late(forum_world):
    consultation = _publish(forum_world, threshold=1)
    consultations.do_support(forum_world.citizen, consultation)
    consultation.refresh_from_db()
    later = consultation.response_due_at + datetime.timedelta(days=3, hours=2)
    clock = consultations.clock(consultation, later)
    assert (clock.phase, clock.days, clock.hours) == (consultations.RESPONSE_OVERDUE, 3, 2)


def test_comments_while_open_and_not_after(client, forum_world):
    consultation = _publish(forum_world)
    url = consultation.get_absolute_url()
    client.force_login(forum_world.citizen)
    client.post(f"{url}comment/", {"body": "Please add a footpath."})
    assert consultation.comments.get().visibility == "published"
    Consultation.objects.filter(pk=consultation.pk).update(closes_at=timezone.now())
    with translation.override("en"):
        response = client.post(f"{url}comment/", {"body": "Too late?"})
    assert response.status_code == 400
    assert "This consultation has closed." in response.content.decode()
    assert consultation.comments.count() == 1


def test_a_newcomers_comment_is_held_for_the_offices_moderator(client, forum_world):
    consultation = _publish(forum_world)
    client.force_login(forum_world.newcomer)
    client.post(f"{consultation.get_absolute_url()}comment/", {"body": "First words"})
    comment = consultation.comments.get()
    assert comment.visibility == "held"
    client.force_login(forum_world.moderator)
    queue = client.get(f"/en/forums/moderation/{forum_world.hall.code}/").content.decode()
    assert "First words" in queue
