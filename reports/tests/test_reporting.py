"""Reporting a problem on the web: what and where, the likely duplicates, the description
and photos; bad input kept with a message in the page's language; routed to the office
with jurisdiction; the reporter told."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from audit.models import AuditEntry
from notifications.models import Notification
from reports.models import Category, Report
from reports.tests.conftest import jpeg
from reports.tests.factories import send_report
from services.tests.factories import create_service

NEW = "/en/reports/new/"
STEP_ONE = {"category": "road", "area": "171001", "latitude": "13.3600", "longitude": "103.8600"}
DETAILS = {**STEP_ONE, "description": "A deep pothole by the school gate.", "place": "Street 6"}


def test_reporting_needs_an_account(client, world):
    response = client.get(NEW)
    assert response.status_code == 302
    assert "/account/sign-in/" in response["Location"]


def test_step_one_with_a_commune_name_shows_step_two(client, world):
    client.force_login(world.reporter)
    response = client.get(NEW, {"category": "flooding", "area": "Sla Kram"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Report a problem: describe it" in body
    assert 'name="area" value="171001"' in body
    assert "No open report of this problem nearby." in body


def test_nearby_open_reports_of_the_same_problem_are_shown_before_sending(client, world):
    tree = world.tree
    same = send_report(world.other_citizen, tree.commune, description="Pothole one")
    other_kind = send_report(world.other_citizen, tree.commune, "rubbish")
    closed = send_report(world.other_citizen, tree.commune)
    Report.objects.filter(pk=closed.pk).update(status=Report.Status.FIXED)
    old = send_report(world.other_citizen, tree.commune)
    Report.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))
    elsewhere = send_report(world.other_citizen, tree.other_commune)
    client.force_login(world.reporter)
    body = client.get(NEW, STEP_ONE).content.decode()
    assert "Already reported nearby?" in body
    assert same.get_absolute_url() in body
    for hidden in (other_kind, closed, old, elsewhere):
        assert hidden.get_absolute_url() not in body


def test_a_report_near_the_point_in_another_commune_is_a_likely_duplicate(client, world):
    from geo.nearest import Point
    from reports.reporting import Problem, do_send_report

    nearby = do_send_report(
        world.other_citizen,
        Problem(
            Category.objects.get(code="road"), world.tree.other_commune, "Same pothole",
            point=Point(13.3610, 103.8605),
        ),
    )  # fmt: skip
    client.force_login(world.reporter)
    body = client.get(NEW, STEP_ONE).content.decode()
    assert nearby.get_absolute_url() in body


def test_sending_routes_to_the_commune_hall_and_tells_the_reporter(client, world):
    client.force_login(world.reporter)
    photo = SimpleUploadedFile("hole.jpg", jpeg(), content_type="image/jpeg")
    response = client.post(NEW, {**DETAILS, "photos": [photo]})
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == report.get_absolute_url()
    assert report.office == world.hall
    assert report.user == world.reporter
    assert float(report.latitude) == 13.36
    assert report.place == "Street 6"
    assert report.photos.get().content_type == "image/jpeg"
    assert Notification.objects.get(recipient=world.reporter).event == "reports.report_sent"
    entry = AuditEntry.objects.get(action="reports.report.sent")
    assert entry.data["photos"] == 1


def test_a_category_with_a_service_is_routed_as_the_service(client, world):
    from geo.tests.factories import create_facility

    district_office = create_facility(world.tree.district, "district-office")
    service = create_service(processing_level="district")
    Category.objects.filter(code="water").update(service=service)
    client.force_login(world.reporter)
    client.post(NEW, {**DETAILS, "category": "water"})
    assert Report.objects.get().office == district_office


def test_missing_fields_say_what_to_do_in_both_languages(client, world):
    client.force_login(world.reporter)
    response = client.get("/km/reports/new/", {"area": "Sla Kram", "latitude": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "សូមជ្រើសរើសប្រភេទបញ្ហា។" in body
    assert 'value="Sla Kram"' in body
    with translation.override("en"):
        response = client.get(NEW, {"category": "road"})
    assert "Enter the commune or sangkat where the problem is." in response.content.decode()


def test_a_point_outside_cambodia_is_refused_and_the_form_kept(client, world):
    client.force_login(world.reporter)
    response = client.get(NEW, {**STEP_ONE, "latitude": "48.8566", "longitude": "2.3522"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "This map point is outside Cambodia." in body
    assert 'value="48.8566"' in body
    km = client.get("/km/reports/new/", {**STEP_ONE, "latitude": "48.8566", "longitude": "2.3522"})
    assert "ចំណុចលើផែនទីនេះនៅក្រៅប្រទេសកម្ពុជា" in km.content.decode()
    # Sent directly (a changed hidden field): refused too, nothing recorded.
    client.post(NEW, {**DETAILS, "latitude": "48.8566", "longitude": "2.3522"})
    assert not Report.objects.exists()


def test_half_a_point_is_refused(client, world):
    client.force_login(world.reporter)
    response = client.get(NEW, {**STEP_ONE, "longitude": ""})
    assert response.status_code == 400
    assert "Give both the latitude and the longitude" in response.content.decode()


def test_a_photo_that_is_not_a_picture_is_refused_and_the_description_kept(client, world):
    client.force_login(world.reporter)
    fake = SimpleUploadedFile("hole.jpg", b"%PDF-1.4 not a photo", content_type="image/jpeg")
    response = client.post(NEW, {**DETAILS, "photos": [fake]})
    assert response.status_code == 400
    body = response.content.decode()
    assert "“hole.jpg” is not an allowed file" in body
    assert "A deep pothole by the school gate." in body
    assert not Report.objects.exists()
    fake.seek(0)
    km = client.post("/km/reports/new/", {**DETAILS, "photos": [fake]}).content.decode()
    assert "A deep pothole by the school gate." in km
    assert "hole.jpg" in km and "not an allowed file" not in km


def test_a_missing_description_keeps_the_rest(client, world):
    client.force_login(world.reporter)
    response = client.post(NEW, {**DETAILS, "description": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Describe the problem in a few words." in body
    assert 'value="Street 6"' in body


def test_an_unknown_commune_is_named_in_the_message(client, world):
    client.force_login(world.reporter)
    response = client.get(NEW, {**STEP_ONE, "area": "Atlantis"})
    assert response.status_code == 400
    assert "No commune called “Atlantis” was found." in response.content.decode()


def test_the_public_list_shows_reports_and_filters_them(client, world):
    road = send_report(world.reporter, world.tree.commune)
    rubbish = send_report(world.reporter, world.tree.commune, "rubbish")
    body = client.get("/en/reports/", {"category": "rubbish"}).content.decode()
    assert rubbish.get_absolute_url() in body
    assert road.get_absolute_url() not in body


def test_a_report_is_found_by_the_portals_search_without_its_reporter(world):
    from search.engine import SearchRequest, run_search
    from search.indexing import do_rebuild

    report = send_report(world.reporter, world.tree.commune, description="Broken culvert")
    do_rebuild()
    hits = run_search(SearchRequest("culvert", "en")).hits
    assert [hit.document.kind for hit in hits] == ["report"]
    assert hits[0].document.url == f"/en/reports/{report.reference}/"
    assert not run_search(SearchRequest("dara", "en")).hits


def test_sending_is_rate_limited_per_person(client, world):
    from reports.views import REPORT_RATE

    client.force_login(world.reporter)
    limit = int(REPORT_RATE.split("/")[0])
    statuses = [client.post(NEW, DETAILS).status_code for _ in range(limit + 1)]
    assert statuses == [302] * limit + [429]
    assert Report.objects.count() == limit
