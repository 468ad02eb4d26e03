"""Monthly counts per facility as DHIS2 dataValueSets JSON: the right numbers, the shape
DHIS2 imports, no personal data; the command and the health ministry's download."""

from __future__ import annotations

import datetime
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from audit.models import AuditEntry
from health.models import Booking, Question, Slot
from health.tests.factories import create_question

pytestmark = pytest.mark.django_db
NOVEMBER = datetime.date(2026, 11, 10)
SYMPTOMS = "A private cough nobody else should read"


@pytest.fixture
def november(health_world):
    """Two questions and four bookings at the centre in November 2026, one question in
    December and one booking at the other centre."""
    world = health_world
    for _n in range(2):
        create_question(world.citizen, world.centre, symptoms=SYMPTOMS)
    Question.objects.update(created_at=timezone.make_aware(datetime.datetime(2026, 11, 3, 9)))
    create_question(world.other_citizen, world.centre)  # sent now: December
    slot = Slot.objects.create(
        office=world.centre, service="vaccination", date=NOVEMBER, window="morning", capacity=9
    )
    statuses = ["booked", "checked_in", "checked_in", "no_show", "cancelled"]
    for number, status in enumerate(statuses, start=1):
        Booking.objects.create(slot=slot, user=world.citizen, number=number, status=status)
    slot.booked = len(statuses)
    slot.save(update_fields=["booked"])
    other = Slot.objects.create(
        office=world.other_centre, service="antenatal", date=NOVEMBER, window="morning", capacity=3
    )
    Booking.objects.create(slot=other, user=world.other_citizen, number=1, status="no_show")
    return world


def export(month: str = "2026-11") -> tuple[dict, str]:
    out, err = StringIO(), StringIO()
    call_command("export_health_dhis2", "--month", month, stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


def values_of(document: dict) -> dict[tuple[str, str], str]:
    return {(v["orgUnit"], v["dataElement"]): v["value"] for v in document["dataValues"]}


def test_the_command_counts_each_facility_in_dhis2_shape_with_progress_and_a_summary(
    november, settings
):
    settings.SALA_DHIS2_DATA_SET = "pBOMPrpg1QX"
    settings.SALA_DHIS2_DATA_ELEMENTS = {
        "questions": "deQuestion1",
        "bookings": "deBookings1",
        "attendances": "deAttended1",
        "no_shows": "deNoShows01",
    }
    document, err = export()
    assert set(document) == {"dataSet", "period", "completeDate", "dataValues"}
    assert (document["dataSet"], document["period"]) == ("pBOMPrpg1QX", "202611")
    for value in document["dataValues"]:
        assert set(value) == {"dataElement", "period", "orgUnit", "value"}
        assert value["period"] == "202611" and value["value"].isdigit()
    centre, other = november.centre.code, november.other_centre.code
    assert values_of(document) == {
        (centre, "deQuestion1"): "2",
        (centre, "deBookings1"): "4",  # the cancelled one is not a booking
        (centre, "deAttended1"): "2",
        (centre, "deNoShows01"): "1",
        (other, "deQuestion1"): "0",
        (other, "deBookings1"): "1",
        (other, "deAttended1"): "0",
        (other, "deNoShows01"): "1",
    }
    assert "Counting questions in 2026-11" in err
    assert "DHIS2 export for 2026-11: 2 facilities, 8 data values" in err


def test_no_personal_data_leaves(november):
    document, _err = export()
    text = json.dumps(document)
    for person in (november.citizen, november.other_citizen):
        for detail in (person.username, person.email, str(person.pk)):
            assert f'"{detail}"' not in text
    for question in Question.objects.all():
        assert str(question.public_id) not in text and question.reference not in text
    for booking in Booking.objects.all():
        assert str(booking.public_id) not in text and booking.ticket not in text
    assert SYMPTOMS not in text and "cough" not in text


def test_a_month_without_activity_and_a_bad_month(health_world):
    document, err = export("2020-01")
    assert document["dataValues"] == []
    assert "0 facilities, 0 data values" in err
    with pytest.raises(CommandError, match="YYYY-MM"):
        export("November")


def test_the_health_ministry_downloads_it_and_others_may_not(client, november):
    client.force_login(november.ministry)
    assert "/en/health/reports/" in client.get("/en/health/").content.decode()
    page = client.get("/en/health/reports/?month=2026-11")
    assert page.status_code == 200
    assert "Sla Kram Health Centre" in page.content.decode()
    download = client.get("/en/health/reports/?month=2026-11&format=json")
    assert download["Content-Disposition"] == 'attachment; filename="sala-health-202611.json"'
    assert values_of(download.json())[(november.centre.code, "SalaHlthQst")] == "2"
    assert AuditEntry.objects.get(action="health.dhis2_exported").data == {"month": "2026-11"}
    bad = client.get("/en/health/reports/?month=2026-13")
    assert bad.status_code == 400
    assert "for example 2026-11" in bad.content.decode()
    for persona in ("clinician", "citizen", "case_officer"):
        client.force_login(getattr(november, persona))
        assert client.get("/en/health/reports/?month=2026-11&format=json").status_code == 403
        assert "/en/health/reports/" not in client.get("/en/health/").content.decode()
