"""Open311 GeoReport v2 over real HTTP, in JSON and XML, with a client written from the
specification: discovery, the services and a service's definition, sending a request
with an API key, reading it back by id and by token, listing with filters, and the errors
in Open311's format."""

from __future__ import annotations

import pytest
from django.test import override_settings

from reports.keys import do_issue_key, do_revoke_key, key_hash
from reports.models import ApiKey, Report
from reports.reporting import do_change_status
from reports.tests.factories import send_report
from reports.tests.open311_client import GeoReportClient, GeoReportError

JURISDICTION = "sala.gov.kh"
FORMATS = ["json", "xml"]


def as_bool(value) -> bool:
    return value in (True, "true")


@pytest.fixture
def endpoint(live_server, world):
    """The endpoint's address, as discovery gives it."""
    client = GeoReportClient(f"{live_server.url}/open311/v2/")
    (found,) = client.discovery()["endpoints"]
    assert found["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert set(found["formats"]) == {"application/json", "text/xml"}
    return found["url"]


@override_settings(SALA_OPEN311_JURISDICTION=JURISDICTION)
@pytest.mark.parametrize("fmt", FORMATS)
def test_an_application_sends_a_request_and_follows_it(endpoint, world, admin_user, fmt):
    key, raw = do_issue_key(admin_user, "Commune app")
    api = GeoReportClient(endpoint, fmt, jurisdiction_id=JURISDICTION, api_key=raw)

    services = api.services()
    assert {s["service_code"] for s in services} == {
        "road", "flooding", "rubbish", "street-light", "water", "other",
    }  # fmt: skip
    road = next(s for s in services if s["service_code"] == "road")
    assert road["type"] == "realtime" and as_bool(road["metadata"])
    (attribute,) = api.service_definition("road")["attributes"]
    assert attribute["code"] == "place" and not as_bool(attribute["required"])

    (sent,) = api.post_request(
        service_code="flooding",
        lat="13.3600",
        long="103.8600",
        address_id=world.tree.village.code,
        description="The street is under water after the rain.",
        first_name="Sokha",
        last_name="Chan",
        email="sokha@example.org",
        **{"attribute[place]": "Street 6, by the pagoda"},
    )
    report = Report.objects.get(reference=sent["service_request_id"])
    assert report.area == world.tree.commune and report.office == world.hall
    assert report.contact_email == "sokha@example.org" and report.api_key == key
    assert api.token(sent["token"]) == [
        {"service_request_id": report.reference, "token": sent["token"]}
    ]

    do_change_status(world.clerk, report, "fixed", "The drain was cleared.")
    found = api.request(report.reference)
    assert found["status"] == "closed"
    assert found["status_notes"] == "The drain was cleared."
    assert found["service_code"] == "flooding"
    assert found["agency_responsible"] == world.hall.name_km  # Khmer unless asked otherwise
    assert float(found["lat"]) == 13.36 and float(found["long"]) == 103.86
    assert "Street 6, by the pagoda" in found["address"]
    assert "sokha" not in str(found).lower()  # who sent it is private

    send_report(world.reporter, world.tree.commune, "road")
    listed = api.requests(status="open")
    assert [r["service_code"] for r in listed] == ["road"]
    assert {r["service_code"] for r in api.requests(service_code="flooding,road")} == {
        "flooding", "road",
    }  # fmt: skip
    english = api.get(f"requests/{report.reference}", locale="en")
    assert english[0]["service_name"] == "Flooding"


@override_settings(SALA_OPEN311_JURISDICTION=JURISDICTION)
@pytest.mark.parametrize("fmt", FORMATS)
def test_errors_come_in_open311s_format(endpoint, world, admin_user, fmt):
    key, raw = do_issue_key(admin_user, "Commune app")
    api = GeoReportClient(endpoint, fmt, jurisdiction_id=JURISDICTION, api_key=raw)
    problems = {
        "no key": (GeoReportClient(endpoint, fmt).post_request, {"service_code": "road"}, 403),
        "unknown service": (api.service_definition, {"service_code": "parking"}, 404),
        "outside Cambodia": (
            api.post_request,
            {"service_code": "road", "lat": "48.85", "long": "2.35",
             "address_id": world.tree.commune.code, "description": "Pothole"},
            400,
        ),
        "no location": (api.post_request, {"service_code": "road", "description": "Pothole"}, 400),
        "no description": (
            api.post_request, {"service_code": "road", "address_id": "171001"}, 400,
        ),
        "unknown request": (api.request, {"service_request_id": "ZZZZ9999"}, 404),
        "bad status": (api.requests, {"status": "pending"}, 400),
        "other jurisdiction": (
            GeoReportClient(endpoint, fmt, jurisdiction_id="paris.fr").services, {}, 404,
        ),
    }  # fmt: skip
    for name, (call, params, status) in problems.items():
        with pytest.raises(GeoReportError) as raised:
            call(**params)
        assert raised.value.status == status, name
        (error,) = raised.value.errors
        assert int(error["code"]) == status, name
        assert error["description"], name
    outside = problems["outside Cambodia"]
    with pytest.raises(GeoReportError) as raised:
        outside[0](**outside[1], locale="en")
    assert "outside Cambodia" in raised.value.errors[0]["description"]
    do_revoke_key(admin_user, key)
    with pytest.raises(GeoReportError) as raised:
        api.post_request(service_code="road", address_id="171001", description="Pothole")
    assert raised.value.status == 403
    assert not Report.objects.exists()


def test_only_the_keys_hash_is_kept(world, admin_user):
    key, raw = do_issue_key(admin_user, "Commune app")
    stored = ApiKey.objects.get(pk=key.pk)
    assert raw not in str(stored.__dict__)
    assert stored.key_hash == key_hash(raw)
    assert raw.startswith("sala311_") and len(raw) > 30


def test_sending_is_rate_limited_per_key(client, world, admin_user, settings):
    from reports import open311_views

    _key, raw = do_issue_key(admin_user, "Busy app")
    data = {"api_key": raw, "service_code": "road", "address_id": "171001", "description": "x"}
    statuses = [
        client.post("/open311/v2/requests.json", data).status_code
        for _ in range(int(open311_views.SEND_RATE.split("/")[0]) + 1)
    ]
    assert statuses[:-1] == [201] * (len(statuses) - 1)
    assert statuses[-1] == 429
    assert client.post("/open311/v2/requests.json", data).json()[0]["code"] == 429


def test_a_point_alone_finds_the_commune_of_the_nearest_hall(client, world, admin_user):
    from decimal import Decimal

    world.hall.latitude, world.hall.longitude = Decimal("13.3600"), Decimal("103.8600")
    world.hall.save()
    world.other_hall.latitude, world.other_hall.longitude = Decimal("13.4000"), Decimal("103.9")
    world.other_hall.save()
    _key, raw = do_issue_key(admin_user, "Commune app")
    data = {"api_key": raw, "service_code": "rubbish", "lat": "13.3610", "long": "103.8590",
            "description": "Rubbish by the canal"}  # fmt: skip
    response = client.post("/open311/v2/requests.xml", data)
    assert response.status_code == 201
    assert b"<service_request_id>" in response.content
    report = Report.objects.get()
    assert report.area == world.tree.commune and report.office == world.hall
