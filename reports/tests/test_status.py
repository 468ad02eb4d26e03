"""The office changes a report's status with a public note; the reporter is told; only
the officers of the report's office who may handle its cases can."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from audit.models import AuditEntry
from notifications.inbox import in_reader_language
from notifications.models import Notification
from reports.models import Report
from reports.reporting import do_change_status
from reports.tests.factories import send_report


@pytest.fixture
def report(world):
    return send_report(world.reporter, world.tree.commune)


def status_url(report: Report, language: str = "en") -> str:
    return f"/{language}/reports/{report.reference}/status/"


def test_the_clerk_sets_a_status_with_a_note_everyone_reads(client, world, report):
    client.force_login(world.clerk)
    response = client.post(
        status_url(report), {"status": "in_progress", "note": "A team comes on Monday."}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.IN_PROGRESS
    entry = AuditEntry.objects.get(action="reports.report.status_changed")
    assert entry.data == {"from": "open", "to": "in_progress"}
    notice = Notification.objects.filter(recipient=world.reporter).latest("pk")
    assert notice.event == "reports.status_changed"
    client.logout()
    with translation.override("en"):
        body = client.get(report.get_absolute_url()).content.decode()
    assert "A team comes on Monday." in body
    assert "Being fixed" in body
    assert "sophal" not in body  # the officer's name is not public


def test_the_notification_names_the_status_in_the_readers_language(world, report):
    do_change_status(world.clerk, report, "fixed", "Filled with asphalt.")
    notice = Notification.objects.filter(recipient=world.reporter).latest("pk")
    assert "បានជួសជុលរួច" in in_reader_language(notice, "km").title
    assert "Fixed" in in_reader_language(notice, "en").title


def test_an_empty_note_is_refused_and_the_status_kept(client, world, report):
    client.force_login(world.clerk)
    response = client.post(status_url(report), {"status": "fixed", "note": " "})
    assert response.status_code == 400
    with translation.override("en"):
        response = client.post(status_url(report), {"status": "fixed", "note": ""})
    assert "Write a note that says what was done or will be done." in response.content.decode()
    assert 'value="fixed" selected' in response.content.decode()
    report.refresh_from_db()
    assert report.status == Report.Status.OPEN


@pytest.mark.parametrize("who", ["reader", "other_clerk", "other_citizen", "reporter"])
def test_others_cannot_change_the_status(client, world, report, who):
    client.force_login(getattr(world, who))
    response = client.post(status_url(report), {"status": "fixed", "note": "Done"})
    assert response.status_code == 404
    report.refresh_from_db()
    assert report.status == Report.Status.OPEN
    with pytest.raises(PermissionDenied):
        do_change_status(getattr(world, who), report, "fixed", "Done")


def test_the_office_list_shows_its_reports_only(client, world, report):
    elsewhere = send_report(world.reporter, world.tree.other_commune)
    client.force_login(world.clerk)
    body = client.get("/en/reports/office/").content.decode()
    assert report.get_absolute_url() in body
    assert elsewhere.get_absolute_url() not in body
