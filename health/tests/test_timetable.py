"""The health centre's timetable: its clinicians and its head publish windows and exact
times over a range of days (skipping holidays and closed days, and saying so), change a
time's places (never below those taken) and close a time (the people booked are told and
their bookings cancelled); bad input is refused with the form kept."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from accounts.tests.factories import create_user, grant
from audit.models import AuditEntry
from geo.models import FacilityClosure, OpeningHours, PublicHoliday
from geo.tests.factories import create_facility
from health.booking import do_book
from health.models import Booking, Slot
from health.tests.factories import create_slot
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def next_monday() -> datetime.date:
    """A Monday at least two days ahead, so that a week from it is all bookable."""
    day = timezone.localdate() + datetime.timedelta(days=2)
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7)


def timetable_url(world, tail: str = "") -> str:
    return f"/en/health/office/timetable/{world.centre.code}/{tail}"


def windows_form(first: datetime.date, /, days: int = 7, **fields) -> dict:
    data = {
        "service": "vaccination",
        "first": first.isoformat(),
        "last": (first + datetime.timedelta(days=days - 1)).isoformat(),
        "weekdays": ["0", "1", "2", "3", "4", "5", "6"],
        "windows": ["morning"],
        "capacity": "20",
    }
    data.update(fields)
    return data


def exact_form(first: datetime.date, /, **fields) -> dict:
    data = {
        "service": "antenatal",
        "first": first.isoformat(),
        "last": first.isoformat(),
        "weekdays": [str(first.weekday())],
        "start": "08:00",
        "minutes": "20",
        "count": "6",
        "capacity": "1",
    }
    data.update(fields)
    return data


def open_hours(facility, weekdays, *spans: tuple[int, int]) -> None:
    for weekday in weekdays:
        for opens, closes in spans:
            OpeningHours.objects.create(
                facility=facility,
                weekday=weekday,
                opens=datetime.time(opens),
                closes=datetime.time(closes),
            )


@pytest.fixture
def head(health_world):
    """The health centre's head of office (its manager)."""
    user = create_user("sovann")
    grant(user, health_world.centre, "head-of-office")
    return user


@pytest.fixture
def other_head(health_world):
    """The head of another office (a commune hall): the right role, the wrong office."""
    user = create_user("rithy")
    grant(user, create_facility(health_world.tree.commune, "commune-hall"), "head-of-office")
    return user


# Who may keep the timetable -------------------------------------------------------------

REFUSED = ["citizen", "other_clinician", "case_officer", "ministry", "other_head"]


def persona(request, health_world, name):
    if name in ("head", "other_head"):
        return request.getfixturevalue(name)
    return getattr(health_world, name)


@pytest.mark.parametrize("name", ["clinician", "head"])
def test_the_centres_clinicians_and_head_keep_its_timetable(client, request, health_world, name):
    slot = create_slot(health_world.centre)
    client.force_login(persona(request, health_world, name))
    assert client.get("/en/health/office/timetable/")["Location"] == timetable_url(health_world)
    page = client.get(timetable_url(health_world)).content.decode()
    assert "Vaccination" in page and "0 of 2" in page
    assert client.get(f"/en/health/office/timetable/times/{slot.pk}/").status_code == 200
    response = client.post(timetable_url(health_world, "windows/"), windows_form(next_monday()))
    assert response.status_code == 302
    assert Slot.objects.filter(office=health_world.centre).count() == 8


@pytest.mark.parametrize("name", REFUSED)
def test_everyone_else_is_refused(client, request, health_world, name):
    """A citizen, a clinician of another centre, a clerk of this centre, the ministry and
    the head of another office: 403 for the centre's pages, 404 for its times."""
    slot = create_slot(health_world.centre)
    client.force_login(persona(request, health_world, name))
    listing = client.get("/en/health/office/timetable/")
    if name == "other_clinician":  # to their own centre's timetable
        assert listing["Location"].endswith(f"/{health_world.other_centre.code}/")
    else:
        assert listing.status_code == 403
    assert client.get(timetable_url(health_world)).status_code == 403
    response = client.post(timetable_url(health_world, "windows/"), windows_form(next_monday()))
    assert response.status_code == 403
    assert (
        client.post(timetable_url(health_world, "exact/"), exact_form(next_monday())).status_code
        == 403
    )
    assert client.get(f"/en/health/office/timetable/times/{slot.pk}/").status_code == 404
    assert (
        client.post(f"/en/health/office/timetable/times/{slot.pk}/", {"capacity": "9"}).status_code
        == 404
    )
    assert client.post(f"/en/health/office/timetable/times/{slot.pk}/close/").status_code == 404
    slot.refresh_from_db()
    assert (slot.capacity, slot.closed_at) == (2, None)
    assert Slot.objects.count() == 1


def test_a_clinician_cannot_reach_another_centres_times(client, health_world):
    theirs = create_slot(health_world.other_centre)
    client.force_login(health_world.clinician)
    other = f"/en/health/office/timetable/{health_world.other_centre.code}/"
    assert client.get(other).status_code == 403
    assert client.get(f"/en/health/office/timetable/times/{theirs.pk}/").status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, health_world):
    response = client.get(timetable_url(health_world))
    assert "/account/sign-in/" in response["Location"]


def test_the_health_page_links_the_timetable_for_those_who_keep_it(client, health_world, head):
    client.force_login(health_world.citizen)
    assert "/health/office/timetable/" not in client.get("/en/health/").content.decode()
    client.force_login(head)
    assert "/en/health/office/timetable/" in client.get("/en/health/").content.decode()


# Publishing windows --------------------------------------------------------------------


def test_a_week_of_morning_windows_skips_sunday_and_a_holiday_and_says_so(client, health_world):
    monday = next_monday()
    open_hours(health_world.centre, range(6), (7, 12))  # Monday to Saturday mornings
    wednesday = monday + datetime.timedelta(days=2)
    PublicHoliday.objects.create(date=wednesday, name_km="ទិវាសាកល្បង", name_en="Test Day")
    client.force_login(health_world.clinician)
    with translation.override("en"):
        response = client.post(
            timetable_url(health_world, "windows/"), windows_form(monday), follow=True
        )
    page = response.content.decode()
    days = set(Slot.objects.filter(office=health_world.centre).values_list("date", flat=True))
    assert len(days) == 5 and wednesday not in days
    assert monday + datetime.timedelta(days=6) not in days  # Sunday
    assert "5 times published." in page
    assert "public holiday: Test Day" in page
    assert "closed on this day of the week" in page
    assert all(slot.capacity == 20 for slot in Slot.objects.all())
    entry = AuditEntry.objects.get(action="health.windows_published")
    assert entry.actor == health_world.clinician and entry.data["made"] == 5
    assert entry.data["skipped"] == sorted([str(wednesday), str(monday + datetime.timedelta(6))])


def test_afternoons_are_skipped_where_the_centre_closes_at_noon(client, health_world, head):
    monday = next_monday()
    saturday = monday + datetime.timedelta(days=5)
    open_hours(health_world.centre, range(5), (7, 11), (14, 17))
    open_hours(health_world.centre, [5], (7, 11))  # Saturday mornings only
    FacilityClosure.objects.create(facility=health_world.centre, date=monday, reason_en="Training")
    client.force_login(head)
    data = windows_form(monday, days=6, windows=["morning", "afternoon"])
    with translation.override("en"):
        page = client.post(
            timetable_url(health_world, "windows/"), data, follow=True
        ).content.decode()
    made = Slot.objects.filter(office=health_world.centre)
    assert made.filter(date=saturday).get().window == "morning"
    assert not made.filter(date=monday).exists()
    assert made.count() == 4 * 2 + 1
    assert "the health centre is closed: Training" in page
    assert "not open at this time" in page


def test_a_window_already_published_is_kept_and_a_closed_one_reopens(client, health_world):
    monday = next_monday()
    kept = create_slot(health_world.centre, capacity=5, date=monday)
    closed = create_slot(health_world.centre, capacity=5, date=monday + datetime.timedelta(1))
    Slot.objects.filter(pk=closed.pk).update(closed_at=timezone.now())
    client.force_login(health_world.clinician)
    with translation.override("en"):
        page = client.post(
            timetable_url(health_world, "windows/"), windows_form(monday, days=2), follow=True
        ).content.decode()
    kept.refresh_from_db()
    closed.refresh_from_db()
    assert kept.capacity == 5 and closed.capacity == 20 and closed.closed_at is None
    assert "1 time was already published and is kept as it was." in page


BAD_WINDOWS = {
    "end before start": ({"last": "FIRST-1"}, "The last day is before the first day."),
    "93 days": ({"last": "FIRST+92"}, "Publish at most 92 days at a time."),
    "no places": ({"capacity": "0"}, "Enter a number of places from 1 to 200."),
    "too many places": ({"capacity": "10000"}, "Enter a number of places from 1 to 200."),
    "not a number": ({"capacity": "many"}, "Enter the number of places as a whole number"),
    "no weekday": ({"weekdays": []}, "Choose at least one day of the week."),
    "no window": ({"windows": []}, "Choose the morning, the afternoon or both."),
    "today": ({"first": "TODAY"}, "Publish from tomorrow on"),
    "not a date": ({"first": "next week"}, "Enter the date as year-month-day"),
}


def _resolve(value, first: datetime.date):
    if not isinstance(value, str):
        return value
    if value == "TODAY":
        return timezone.localdate().isoformat()
    if value.startswith("FIRST"):
        return (first + datetime.timedelta(days=int(value[5:]))).isoformat()
    return value


@pytest.mark.parametrize("case", BAD_WINDOWS.values(), ids=BAD_WINDOWS.keys())
def test_bad_windows_are_refused_with_the_form_kept(client, health_world, case):
    changes, message = case
    first = next_monday()
    data = windows_form(first, **{name: _resolve(v, first) for name, v in changes.items()})
    data["capacity"] = data.get("capacity", "20")
    client.force_login(health_world.clinician)
    with translation.override("en"):
        response = client.post(timetable_url(health_world, "windows/"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'class="error-summary"' in page
    assert f'value="{data["first"]}"' in page  # what was entered is kept
    assert Slot.objects.count() == 0


def test_khmer_digits_are_read_and_khmer_messages_given(client, health_world):
    first = next_monday()
    client.force_login(health_world.clinician)
    data = windows_form(first, days=1, capacity="០")
    response = client.post("/km" + timetable_url(health_world, "windows/")[3:], data)
    assert response.status_code == 400
    assert "បញ្ចូលចំនួនកន្លែងពី ១ ដល់ ២០០។" in response.content.decode()
    data["capacity"] = "១៥"
    client.post("/km" + timetable_url(health_world, "windows/")[3:], data)
    assert Slot.objects.get().capacity == 15


# Publishing exact times ----------------------------------------------------------------


def test_exact_times_are_published_one_after_the_other(client, health_world):
    first = next_monday()
    client.force_login(health_world.clinician)
    response = client.post(timetable_url(health_world, "exact/"), exact_form(first))
    assert response.status_code == 302
    slots = list(Slot.objects.order_by("starts_at"))
    assert [f"{slot.starts_at:%H:%M}" for slot in slots] == [
        "08:00", "08:20", "08:40", "09:00", "09:20", "09:40"
    ]  # fmt: skip
    assert all(slot.minutes == 20 and slot.capacity == 1 for slot in slots)
    assert AuditEntry.objects.filter(action="health.exact_slots_published").count() == 1
    again = client.post(timetable_url(health_world, "exact/"), exact_form(first))
    assert again.status_code == 400  # nothing new: the form again, saying so
    assert Slot.objects.count() == 6


def test_overlapping_exact_times_are_refused_and_nothing_is_published(client, health_world):
    first = next_monday()
    create_slot(
        health_world.centre,
        1,
        service="antenatal",
        date=first,
        starts_at=datetime.time(8, 50),
        minutes=30,
    )  # 08:50 to 09:20
    client.force_login(health_world.clinician)
    with translation.override("en"):
        response = client.post(timetable_url(health_world, "exact/"), exact_form(first))
    page = response.content.decode()
    assert response.status_code == 400
    assert "the time 08:40 would overlap the time 08:50 already published" in page
    assert 'value="08:00"' in page
    assert Slot.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start": "23:00", "count": "6"}, "The last time would end after midnight."),
        ({"count": "0"}, "Enter a number of times from 1 to 48."),
        ({"capacity": "10000"}, "Enter a number of places from 1 to 20."),
        ({"start": "8 o'clock"}, "Enter the time as hours and minutes"),
        ({"minutes": "7"}, "Choose how long each time lasts."),
    ],
)
def test_bad_exact_times_are_refused(client, health_world, changes, message):
    client.force_login(health_world.clinician)
    with translation.override("en"):
        response = client.post(
            timetable_url(health_world, "exact/"), exact_form(next_monday(), **changes)
        )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Slot.objects.count() == 0


# Changing and closing a time -----------------------------------------------------------


def test_places_are_never_fewer_than_those_taken(client, health_world):
    slot = create_slot(health_world.centre, capacity=5)
    do_book(health_world.citizen, slot)
    do_book(health_world.other_citizen, slot)
    client.force_login(health_world.clinician)
    url = f"/en/health/office/timetable/times/{slot.pk}/"
    with translation.override("en"):
        response = client.post(url, {"capacity": "1"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "2 people have already booked this time: keep at least 2 places" in page
    assert 'value="1"' in page
    response = client.post("/km" + url[3:], {"capacity": "1"})
    assert "មនុស្ស ២ នាក់បានកក់ពេលនេះរួចហើយ" in response.content.decode()
    assert client.post(url, {"capacity": "2"}).status_code == 302
    slot.refresh_from_db()
    assert slot.capacity == 2
    entry = AuditEntry.objects.get(action="health.slot_capacity_changed")
    assert entry.data == {"from": 5, "to": 2, "booked": 2}


def test_closing_a_booked_time_cancels_the_bookings_and_tells_the_people(
    client, health_world, head
):
    slot = create_slot(health_world.centre, capacity=5)
    booking = do_book(health_world.citizen, slot)
    client.force_login(head)
    with translation.override("en"):
        response = client.post(f"/en/health/office/timetable/times/{slot.pk}/close/", follow=True)
    assert "1 booking was cancelled and its holder told" in response.content.decode()
    slot.refresh_from_db()
    booking.refresh_from_db()
    assert slot.closed_at is not None and slot.booked == 0
    assert booking.status == "cancelled" and booking.document.is_revoked
    note = Notification.objects.get(event="health.appointment_time_closed")
    assert note.recipient == health_world.citizen
    assert "Vaccination" not in note.title + note.body  # no health content
    closed = AuditEntry.objects.get(action="health.appointment_cancelled_by_centre")
    assert closed.person == health_world.citizen
    assert AuditEntry.objects.get(action="health.slot_closed").data == {"cancelled": 1}
    # The time is no longer offered, and the person's page says why.
    client.force_login(health_world.other_citizen)
    slots_page = f"/en/health/appointments/{health_world.centre.code}/"
    assert f"/slots/{slot.pk}/book/" not in client.get(slots_page).content.decode()
    with translation.override("en"):
        refused = client.post(f"/en/health/appointments/slots/{slot.pk}/book/", follow=True)
    assert "The health centre has closed this time." in refused.content.decode()
    assert not Booking.objects.filter(user=health_world.other_citizen).exists()
    client.force_login(health_world.citizen)
    with translation.override("en"):
        mine = client.get(booking.get_absolute_url()).content.decode()
    assert "The health centre cancelled this time" in mine


def test_todays_time_can_neither_change_nor_close(client, health_world):
    slot = create_slot(health_world.centre, date=timezone.localdate())
    client.force_login(health_world.clinician)
    url = f"/en/health/office/timetable/times/{slot.pk}/"
    with translation.override("en"):
        page = client.get(url).content.decode()
        assert "can no longer be changed" in page
        assert client.post(url, {"capacity": "9"}).status_code == 400
        client.post(url + "close/")
    slot.refresh_from_db()
    assert slot.capacity == 2 and slot.closed_at is None


def test_a_night_shift_counts_for_the_next_mornings_window():
    """A hospital open 17:00 to 08:00 from Monday receives people on Tuesday from 7:00,
    but not on Monday morning (Sunday has no night shift)."""
    from geo.hours import Interval
    from health.timetable import OpenDays

    days = OpenDays([Interval(0, datetime.time(17), datetime.time(8))], {}, {})
    monday = next_monday()
    morning = (7 * 60, 11 * 60)
    assert days.closed_reason(monday + datetime.timedelta(days=1), *morning) is None
    with translation.override("en"):
        assert days.closed_reason(monday, *morning) == "the health centre is not open at this time"
        assert days.closed_reason(monday + datetime.timedelta(days=3), *morning) == (
            "the health centre is closed on this day of the week"
        )
