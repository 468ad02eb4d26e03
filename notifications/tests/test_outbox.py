"""The outbox: claims, retries with backoff, dead letters, replay and the sweep."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from notifications import sms
from notifications.api import notify
from notifications.delivering import claim, deliver, retry_delay
from notifications.models import Delivery
from notifications.outbox import do_replay
from notifications.sweeping import sweep
from notifications.tests.factories import APPROVED, create_person, time_passes

pytestmark = pytest.mark.django_db


def unsent(person, django_capture_on_commit_callbacks, **context):
    """Notify without running what the commit would enqueue: as if the task were lost."""
    with django_capture_on_commit_callbacks(execute=False):
        return notify(
            person, "tests.case_updated", {"reference": "A", "status": APPROVED, **context}
        )


def test_a_claimed_delivery_cannot_be_claimed_again(django_capture_on_commit_callbacks):
    unsent(create_person(), django_capture_on_commit_callbacks)
    now = timezone.now()
    _first_token, first = claim(None, now, 10)
    _second_token, second = claim(None, now, 10)
    assert len(first) == 2 and second == []
    assert {d.status for d in Delivery.objects.all()} == {"sending"}


def test_the_claim_of_a_dead_worker_runs_out_and_another_worker_sends_it(
    django_capture_on_commit_callbacks,
):
    unsent(create_person(), django_capture_on_commit_callbacks)
    claim(None, timezone.now(), 10)  # a worker claims, then dies before sending
    assert deliver().claimed == 0
    time_passes(timedelta(minutes=6))  # the 5-minute lease runs out
    report = deliver()
    assert report.sent == 1 and report.skipped == 1  # email sent; no mobile for SMS
    assert len(mail.outbox) == 1
    assert Delivery.objects.get(channel="email").attempts == 2


def test_a_sent_delivery_is_never_sent_again(django_capture_on_commit_callbacks):
    notification = unsent(create_person(), django_capture_on_commit_callbacks)
    ids = list(notification.deliveries.values_list("id", flat=True))
    deliver(ids)
    deliver(ids)
    sweep()
    assert len(mail.outbox) == 1


def test_retries_wait_longer_each_time():
    delays = [retry_delay(n).total_seconds() for n in (1, 2, 3, 4, 12)]
    assert 54 <= delays[0] <= 66
    assert 108 <= delays[1] <= 132 and 216 <= delays[2] <= 264 and 432 <= delays[3] <= 528
    assert delays[4] <= 6 * 3600 * 1.1


def test_a_failing_gateway_is_retried_then_dead_lettered_then_replayed(
    settings, django_capture_on_commit_callbacks, committed
):
    settings.SALA_SMS_PROVIDER = "http"
    settings.SALA_SMS_HTTP_URL = "http://127.0.0.1:9/send"  # nothing listens
    settings.SALA_NOTIFICATIONS_MAX_ATTEMPTS = 3
    person = create_person(mobile="+85512345678")
    with committed():
        notify(person, "tests.case_updated", {"reference": "A", "status": APPROVED})
    texts = Delivery.objects.get(channel="sms")
    assert (texts.status, texts.attempts) == ("retry", 1)
    assert "could not be reached" in texts.last_error
    for _attempt in range(2):
        time_passes(timedelta(hours=7))
        with committed():
            sweep()
    texts.refresh_from_db()
    assert (texts.status, texts.attempts) == ("dead", 3)

    settings.SALA_SMS_PROVIDER = "memory"  # the gateway is fixed
    with committed():
        assert do_replay([texts.pk]) == 1
    texts.refresh_from_db()
    assert texts.status == "sent" and texts.attempts == 1
    assert [m.to for m in sms.outbox] == ["+85512345678"]


def test_the_sweep_command_sends_what_lost_its_task(django_capture_on_commit_callbacks, capsys):
    unsent(create_person("dara"), django_capture_on_commit_callbacks)
    unsent(create_person("sokha"), django_capture_on_commit_callbacks)
    call_command("sweep_outbox")
    assert sorted(m.to[0] for m in mail.outbox) == ["dara@example.org", "sokha@example.org"]
    assert "4 deliveries due, 1 tasks enqueued" in capsys.readouterr().out


def test_a_closed_account_is_not_sent_anything(django_capture_on_commit_callbacks):
    person = create_person()
    unsent(person, django_capture_on_commit_callbacks)
    person.is_active = False
    person.save(update_fields=["is_active"])
    deliver()
    assert mail.outbox == []
    assert set(Delivery.objects.values_list("status", flat=True)) == {"skipped"}
