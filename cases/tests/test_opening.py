from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from cases.models import Case, CaseEvent
from cases.opening import do_open_case
from cases.sla import add_working_days
from cases.tests.factories import submit
from geo.models import PublicHoliday

pytestmark = pytest.mark.django_db


def test_submitting_opens_one_case_routed_to_the_commune_hall(world):
    case = submit(world.citizen, world.service, area=world.tree.village)
    assert case.office == world.hall
    assert case.state == "received"
    assert case.reference == case.application.reference
    assert case.events.get().kind == CaseEvent.Kind.OPENED
    assert do_open_case(case.application) == case
    assert Case.objects.count() == 1


def test_no_office_means_the_national_queue_and_administrators_are_told(
    world, django_capture_on_commit_callbacks
):
    from notifications.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        case = submit(world.citizen, world.service)
    assert case.in_national_queue
    assert Notification.objects.filter(recipient=world.admin, event="cases.national_queue").exists()


def test_the_due_date_skips_weekends_and_public_holidays(world):
    # Khmer New Year 2026 (14-16 April) is loaded by the data migration.
    assert PublicHoliday.objects.filter(date=datetime.date(2026, 4, 14)).exists()
    monday = datetime.date(2026, 4, 13)
    assert add_working_days(monday, 1) == datetime.date(2026, 4, 17)
    assert add_working_days(monday, 2) == datetime.date(2026, 4, 20)
    case = submit(world.citizen, world.service, area=world.tree.village)
    assert case.due_date == add_working_days(timezone.localdate(case.received_at), 5)
