from __future__ import annotations

import pytest

from demo.accounts import load_demo_accounts
from demo.notifications import load_demo_notifications
from geo.tests.factories import create_area
from notifications.models import Notification, Subscription
from notifications.tests.conftest import _fresh_state  # noqa: F401 - autouse

pytestmark = pytest.mark.django_db


def test_the_demo_citizen_gets_subscriptions_and_inbox_messages_once(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    phnom_penh = create_area("12", "Phnom Penh", "រាជធានីភ្នំពេញ")
    create_area("1202", "Daun Penh", "ដូនពេញ", phnom_penh)
    load_demo_accounts()
    first = load_demo_notifications()
    again = load_demo_notifications()
    assert (first.subscriptions, first.messages) == (2, 3)
    assert (again.subscriptions, again.messages) == (2, 3)
    assert set(Subscription.objects.values_list("topic", flat=True)) == {"area:12", "area:1202"}
    inbox = Notification.objects.filter(recipient__username="citizen")
    assert inbox.unread().count() == 2
    assert "ការផ្គត់ផ្គង់ទឹកស្អាតត្រូវផ្អាកនៅថ្ងៃអាទិត្យ" in inbox.values_list("title", flat=True)
