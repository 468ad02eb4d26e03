from __future__ import annotations

import pytest
from django.core.management import call_command

from cases.models import Case
from cases.tests.factories import submit
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_officers_are_reminded_of_overdue_cases_once_a_day(world, capsys):
    case = submit(world.citizen, world.service, area=world.tree.village)
    submit(world.citizen, world.service, area=world.tree.village)
    Case.objects.filter(pk=case.pk).update(due_date="2020-01-01")
    call_command("remind_overdue_cases")
    call_command("remind_overdue_cases")
    assert "1 offices, 3 officers" in capsys.readouterr().out
    reminders = Notification.objects.filter(event="cases.overdue")
    assert reminders.count() == 3
    assert world.outsider.pk not in {n.recipient_id for n in reminders}
