"""Reports of abuse, the moderation queue of an office, and moderators' actions: each
audited and explained to the author."""

from __future__ import annotations

import pytest
from django.utils import translation

from audit.models import AuditEntry
from forums.models import AbuseReport, Visibility
from forums.posting import do_ask, do_reply
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer(forum_world):
    thread = do_ask(forum_world.citizen, forum_world.board, "Land title", "How long?")
    return do_reply(forum_world.other, thread, "Buy fast service from me, 0123 456 789")


def _report_url(answer):
    return f"/en/forums/questions/{answer.thread.public_id}/{answer.public_id}/report/"


def test_a_report_needs_a_reason_and_keeps_the_note(client, forum_world, answer):
    client.force_login(forum_world.citizen)
    with translation.override("en"):
        response = client.post(_report_url(answer), {"note": "Selling services"})
    assert response.status_code == 400
    assert "Choose why you are reporting this." in response.content.decode()
    assert "Selling services" in response.content.decode()
    client.post(_report_url(answer), {"reason": "spam", "note": "Selling services"})
    assert AbuseReport.objects.get().reason == "spam"


def test_a_moderator_hides_a_reported_post_and_the_author_is_told_why(client, forum_world, answer):
    client.force_login(forum_world.citizen)
    client.post(_report_url(answer), {"reason": "spam"})
    report = AbuseReport.objects.get()
    client.force_login(forum_world.moderator)
    queue = f"/en/forums/moderation/{forum_world.hall.code}/"
    assert "Buy fast service" in client.get(queue).content.decode()
    client.post(
        f"{queue}post/{answer.public_id}/hide/",
        {"form_prefix": f"report-{report.pk}", f"report-{report.pk}-reason": "spam",
         f"report-{report.pk}-note": "Adverts are not allowed."},
    )  # fmt: skip
    answer.refresh_from_db()
    report.refresh_from_db()
    assert answer.visibility == Visibility.HIDDEN and report.resolved_by == forum_world.moderator
    told = Notification.objects.get(recipient=forum_world.other, event="forums.post_hidden")
    assert "Advertising or spam" in told.body or "ការផ្សាយពាណិជ្ជកម្ម" in told.body
    assert "Adverts are not allowed." in told.body
    entry = AuditEntry.objects.get(action="forums.hidden")
    assert entry.actor == forum_world.moderator and entry.data["reason"] == "spam"
    assert "Buy fast service" not in client.get(answer.thread.get_absolute_url()).content.decode()


def test_a_dismissed_report_leaves_the_post_shown(client, forum_world, answer):
    client.force_login(forum_world.citizen)
    client.post(_report_url(answer), {"reason": "false"})
    report = AbuseReport.objects.get()
    client.force_login(forum_world.moderator)
    client.post(f"/en/forums/moderation/{forum_world.hall.code}/reports/{report.pk}/dismiss/")
    report.refresh_from_db()
    answer.refresh_from_db()
    assert report.resolved_at is not None and answer.visibility == Visibility.PUBLISHED
    assert AuditEntry.objects.filter(action="forums.report_dismissed").exists()


@pytest.mark.parametrize("persona", ["citizen", "officer", "head"])
def test_only_the_offices_moderators_see_and_act_on_its_queue(client, forum_world, answer, persona):
    client.force_login(getattr(forum_world, persona))
    queue = f"/en/forums/moderation/{forum_world.hall.code}/"
    assert client.get(queue).status_code == 403
    response = client.post(f"{queue}post/{answer.public_id}/hide/", {"reason": "spam"})
    assert response.status_code == 403
    answer.refresh_from_db()
    assert answer.visibility == Visibility.PUBLISHED
