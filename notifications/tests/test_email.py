"""Email through Django's SMTP backend to a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

from datetime import timedelta

import pytest

from notifications.api import notify
from notifications.emails import read_unsubscribe_token
from notifications.models import Delivery
from notifications.sweeping import sweep
from notifications.tests.factories import APPROVED, create_person, time_passes

pytestmark = pytest.mark.django_db


def test_the_email_has_text_html_and_one_click_unsubscribe_headers(smtp_server, committed):
    dara = create_person("dara", language="km")
    with committed():
        notify(
            dara, "tests.case_updated", {"reference": "SALA-7", "status": APPROVED, "url": "/km/"}
        )
    [message] = smtp_server.messages
    assert message["To"] == "dara@example.org"
    assert message["Subject"].strip() == "ពាក្យស្នើសុំ SALA-7 បានអនុម័ត"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "ពាក្យស្នើសុំរបស់អ្នក SALA-7 ឥឡូវនេះបានអនុម័ត។" in text
    assert "ពាក្យស្នើសុំរបស់អ្នក SALA-7 ឥឡូវនេះបានអនុម័ត។" in html
    one_click = message["List-Unsubscribe"].strip().strip("<>")
    assert one_click.startswith("http://127.0.0.1:8000/notifications/unsubscribe/")
    assert message["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"
    token = one_click.split("/unsubscribe/")[1].split("/")[0]
    assert read_unsubscribe_token(token) == (dara.pk, "")
    assert f"/km/notifications/unsubscribe/{token}/" in text
    delivery = Delivery.objects.get(channel="email")
    assert (delivery.status, delivery.address) == ("sent", "dara@example.org")


def test_an_smtp_outage_during_a_burst_loses_nothing_and_sends_nothing_twice(
    smtp_server, committed
):
    """The server is stopped in the middle of a burst, then started again on its port."""
    people = [create_person(f"person{n}") for n in range(12)]
    with committed():
        for person in people[:4]:
            notify(person, "tests.case_updated", {"reference": person.username, "status": APPROVED})
    assert len(smtp_server.messages) == 4

    smtp_server.stop()
    with committed():
        for person in people[4:]:
            notify(person, "tests.case_updated", {"reference": person.username, "status": APPROVED})
    waiting = Delivery.objects.filter(channel="email", status="retry")
    assert waiting.count() == 8
    assert all("mail server" in d.last_error for d in waiting)
    time_passes(timedelta(hours=1))
    with committed():
        sweep()  # still down: the retries fail again, nothing is lost
    assert Delivery.objects.filter(channel="email", status="retry", attempts=2).count() == 8

    smtp_server.start()
    with committed():
        time_passes(timedelta(hours=1))
        report = sweep()
    assert report.due == 8
    recipients = smtp_server.recorder.recipients()
    assert sorted(recipients) == sorted(p.email for p in people)  # each exactly once
    assert Delivery.objects.filter(channel="email", status="sent").count() == 12

    time_passes(timedelta(hours=1))
    with committed():
        assert sweep().due == 0
    assert len(smtp_server.messages) == 12


def test_a_refused_recipient_is_not_retried(smtp_server, committed):
    dara = create_person("dara")
    smtp_server.recorder.refuse = {"dara@example.org"}
    with committed():
        notify(dara, "tests.case_updated", {"reference": "A", "status": APPROVED})
    delivery = Delivery.objects.get(channel="email")
    assert delivery.status == "dead" and "refused" in delivery.last_error
