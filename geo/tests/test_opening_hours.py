from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest

from geo.hours import Interval, is_open_at
from geo.models import Facility, FacilityClosure, OpeningHours, PublicHoliday
from geo.tests.factories import create_facility, create_tree, office_hours

PP = ZoneInfo("Asia/Phnom_Penh")
MONDAY = datetime.date(2026, 3, 2)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=PP)


class TestOpenAtAMoment:
    hours = [Interval(0, datetime.time(7, 30), datetime.time(11, 30))]

    def test_it_is_open_inside_the_hours_and_closed_at_closing_time(self):
        assert is_open_at(self.hours, set(), at(MONDAY, 7, 30))
        assert not is_open_at(self.hours, set(), at(MONDAY, 11, 30))
        assert not is_open_at(self.hours, set(), at(MONDAY + datetime.timedelta(days=1), 9))

    def test_the_moment_is_read_in_phnom_penh_time_whatever_its_zone(self):
        # 01:00 UTC is 08:00 in Phnom Penh.
        utc = datetime.datetime(2026, 3, 2, 1, 0, tzinfo=datetime.UTC)
        assert is_open_at(self.hours, set(), utc)

    def test_a_closed_date_closes_the_day(self):
        assert not is_open_at(self.hours, {MONDAY}, at(MONDAY, 9))

    def test_a_night_shift_runs_past_midnight_into_the_next_day(self):
        night = [Interval(0, datetime.time(17, 0), datetime.time(7, 0))]
        assert is_open_at(night, set(), at(MONDAY, 23))
        assert is_open_at(night, set(), at(MONDAY + datetime.timedelta(days=1), 6, 59))
        assert not is_open_at(night, set(), at(MONDAY + datetime.timedelta(days=1), 7))
        assert not is_open_at(night, set(), at(MONDAY, 16))

    def test_a_naive_moment_is_refused(self):
        with pytest.raises(ValueError):
            is_open_at(self.hours, set(), datetime.datetime(2026, 3, 2, 9))


@pytest.mark.django_db
class TestFacilityOpenNow:
    def setup_method(self):
        tree = create_tree()
        self.hall = create_facility(tree.commune)
        office_hours(self.hall)
        self.hospital = create_facility(
            tree.district, "referral-hospital", open_on_public_holidays=True
        )
        for weekday in range(7):
            OpeningHours.objects.create(
                facility=self.hospital,
                weekday=weekday,
                opens=datetime.time(0, 0),
                closes=datetime.time(0, 0),  # all day
            )

    def open_codes(self, moment: datetime.datetime) -> set[str]:
        return set(Facility.objects.open_at(moment).values_list("code", flat=True))

    def test_the_commune_hall_is_open_on_monday_morning_but_not_at_lunch(self):
        assert self.hall.is_open_at(at(MONDAY, 9))
        assert not self.hall.is_open_at(at(MONDAY, 12, 15))
        assert self.open_codes(at(MONDAY, 12, 15)) == {self.hospital.code}

    def test_on_a_public_holiday_the_hall_is_closed_and_the_hospital_open(self):
        PublicHoliday.objects.create(
            date=MONDAY, name_km="ទិវាអន្តរជាតិនារី", name_en="International Women's Day"
        )
        assert not self.hall.is_open_at(at(MONDAY, 9))
        assert self.hospital.is_open_at(at(MONDAY, 9))
        assert self.open_codes(at(MONDAY, 9)) == {self.hospital.code}

    def test_a_closure_of_one_facility_closes_only_that_facility(self):
        FacilityClosure.objects.create(facility=self.hospital, date=MONDAY, reason_en="Works")
        assert self.hall.is_open_at(at(MONDAY, 9))
        assert not self.hospital.is_open_at(at(MONDAY, 9))
        assert self.open_codes(at(MONDAY, 9)) == {self.hall.code}

    def test_the_open_now_annotation_agrees_with_is_open_at(self):
        moment = at(MONDAY + datetime.timedelta(days=5), 10)  # Saturday
        annotated = dict(Facility.objects.with_open_now(moment).values_list("code", "open_now"))
        assert annotated == {
            self.hall.code: self.hall.is_open_at(moment),
            self.hospital.code: self.hospital.is_open_at(moment),
        }
        assert annotated[self.hospital.code] and not annotated[self.hall.code]
