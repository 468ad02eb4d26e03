"""Who sees what of a report, a test per role: everyone the public part; the reporter
their photos; the officers of the report's office who may read cases also who sent it
(each look audited); no one else the reporter or the photos."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEntry
from reports.models import Report
from reports.photos import store_photos
from reports.tests.conftest import jpeg
from reports.tests.factories import send_report
from services.attachments import check_photos

PUBLIC = "A deep pothole in front of the market."


@pytest.fixture
def report(world) -> Report:
    report = send_report(world.reporter, world.tree.commune, description=PUBLIC)
    upload = SimpleUploadedFile("hole.jpg", jpeg(), content_type="image/jpeg")
    store_photos(report, check_photos([upload]))
    return report


# role -> (sees the reporter's contact, sees the photos)
ROLES = {
    "anonymous": (False, False),
    "other_citizen": (False, False),
    "reporter": (False, True),
    "reader": (True, True),
    "clerk": (True, True),
    "other_clerk": (False, False),
    "admin": (True, True),
}


@pytest.mark.parametrize(("role", "expected"), ROLES.items())
def test_what_each_role_sees(client, world, report, role, expected):
    sees_contact, sees_photos = expected
    if role != "anonymous":
        client.force_login(getattr(world, role))
    response = client.get(f"/en/reports/{report.reference}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert PUBLIC in body
    assert ("dara@example.org" in body) is sees_contact
    assert ("+85512555111" in body) is sees_contact
    photo = report.photos.get()
    assert (photo.get_absolute_url() in body) is sees_photos
    opened = client.get(photo.get_absolute_url())
    if role == "anonymous":
        assert opened.status_code == 302  # to sign in
    else:
        assert opened.status_code == (200 if sees_photos else 404)


def test_an_officers_look_at_the_reporter_is_audited(client, world, report):
    client.force_login(world.reader)
    client.get(f"/en/reports/{report.reference}/")
    entry = AuditEntry.objects.get(action="reports.report.reporter_viewed")
    assert entry.actor == world.reader
    assert entry.person == world.reporter


def test_a_refused_look_at_a_photo_is_audited(client, world, report):
    client.force_login(world.other_clerk)
    client.get(report.photos.get().get_absolute_url())
    entry = AuditEntry.objects.get(action="reports.photo.opened")
    assert entry.allowed is False


def test_my_reports_lists_mine_only(client, world, report):
    theirs = send_report(world.other_citizen, world.tree.commune)
    client.force_login(world.reporter)
    body = client.get("/en/reports/mine/").content.decode()
    assert report.get_absolute_url() in body
    assert theirs.get_absolute_url() not in body


def test_an_unknown_report_is_not_found(client, world):
    assert client.get("/en/reports/ZZZZ9999/").status_code == 404
