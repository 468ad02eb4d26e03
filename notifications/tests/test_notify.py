"""notify(): the inbox entry and one delivery per channel, written with the caller's change,
in the person's language, on the channels they allow."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from notifications import sms
from notifications.api import notify
from notifications.models import Delivery, Notification, Preferences
from notifications.registry import UnknownEventError
from notifications.tests.factories import APPROVED, create_person

pytestmark = pytest.mark.django_db


def test_a_khmer_speaker_gets_the_inbox_entry_email_and_sms_in_khmer(committed):
    dara = create_person("dara", language="km", mobile="+85512345678")
    with committed():
        notification = notify(
            dara, "tests.case_updated", {"reference": "SALA-7", "status": APPROVED, "url": "/en/x/"}
        )
    assert notification.title == "ពាក្យស្នើសុំ SALA-7 បានអនុម័ត"
    assert notification.url == "/en/x/"
    assert mail.outbox[0].subject == "ពាក្យស្នើសុំ SALA-7 បានអនុម័ត"
    assert "ពាក្យស្នើសុំរបស់អ្នក SALA-7 ឥឡូវនេះបានអនុម័ត។" in mail.outbox[0].body
    assert sms.outbox == [
        sms.SmsMessage(
            to="+85512345678", text="សាលា៖ ពាក្យស្នើសុំ SALA-7 បានអនុម័ត។ http://127.0.0.1:8000/km/x/"
        )
    ]
    statuses = dict(notification.deliveries.values_list("channel", "status"))
    assert statuses == {"email": "sent", "sms": "sent"}


def test_an_english_speaker_gets_english(committed):
    john = create_person("john", language="en")
    with committed():
        notification = notify(
            john, "tests.case_updated", {"reference": "SALA-8", "status": APPROVED}
        )
    assert notification.title == "Application SALA-8 is approved"
    assert mail.outbox[0].subject == "Application SALA-8 is approved"


def test_nothing_is_written_or_sent_when_the_callers_change_rolls_back():
    dara = create_person()
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(dara, "tests.case_updated", {"reference": "SALA-9", "status": APPROVED})
        raise RuntimeError("the change failed")
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_sending_waits_for_the_commit_of_the_callers_transaction(
    django_capture_on_commit_callbacks,
):
    dara = create_person()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(dara, "tests.case_updated", {"reference": "SALA-1", "status": APPROVED})
    assert mail.outbox == [] and Delivery.objects.get(channel="email").status == "pending"
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_the_same_key_twice_notifies_once(committed):
    dara = create_person()
    with committed():
        first = notify(dara, "tests.case_updated", {"reference": "A", "status": APPROVED}, key="k1")
    with committed():
        again = notify(dara, "tests.case_updated", {"reference": "A", "status": APPROVED}, key="k1")
    assert again.pk == first.pk
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1


def test_an_unverified_email_or_mobile_receives_nothing(committed):
    dara = create_person("dara", verified=False)
    dara.mobile = "+85512345678"
    dara.save(update_fields=["mobile"])
    with committed():
        notification = notify(dara, "tests.case_updated", {"reference": "A", "status": APPROVED})
    assert mail.outbox == [] and sms.outbox == []
    assert set(notification.deliveries.values_list("status", flat=True)) == {"skipped"}
    assert Notification.objects.get().title  # the inbox still has it


def test_a_channel_the_person_turned_off_is_not_used(committed):
    dara = create_person(mobile="+85512345678")
    Preferences.objects.create(user=dara, email=False, sms=True)
    with committed():
        notify(dara, "tests.case_updated", {"reference": "A", "status": APPROVED})
    assert mail.outbox == [] and len(sms.outbox) == 1
    assert list(Delivery.objects.values_list("channel", flat=True)) == ["sms"]


def test_an_unknown_event_is_refused_with_a_useful_message():
    with pytest.raises(UnknownEventError, match="register_event"):
        notify(create_person(), "cases.nothing_like_this", {})


def test_a_context_that_is_not_json_is_refused():
    with pytest.raises(TypeError):
        notify(create_person(), "tests.case_updated", {"reference": object()})
