"""The thread after the first answer: a health worker refers the person to a facility or
asks back, the person rates the answer, a named carer reads and writes, and clinicians
are reminded of questions that wait past their due time."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEntry
from geo.tests.factories import create_facility
from health.models import Question
from health.tests.factories import create_question
from notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(health_world):
    return create_question(health_world.citizen, health_world.centre)


def page(question) -> str:
    return f"/en/health/questions/{question.public_id}/"


def answer(client, world, question, **data):
    client.force_login(world.clinician)
    office_page = f"/en/health/office/questions/{question.public_id}/"
    return client.post(office_page, {"body": "Please come in.", **data})


def test_a_clinician_refers_the_person_to_a_hospital_and_the_person_sees_it(
    client, health_world, question
):
    response = answer(client, health_world, question, referral=health_world.hospital.pk)
    assert response.status_code == 302
    [message] = question.messages.all()
    assert message.referral == health_world.hospital
    entry = AuditEntry.objects.get(action="health.question_referred")
    assert entry.data == {"facility": health_world.hospital.code}
    notice = Notification.objects.get(recipient=health_world.citizen)
    assert notice.event == "health.question_answered"
    client.force_login(health_world.citizen)
    text = client.get(page(question)).content.decode()
    assert "Referred to:" in text and "Siem Reap Hospital" in text


def test_a_referral_must_be_a_hospital_or_health_centre(client, health_world, question):
    hall = create_facility(health_world.tree.commune, "commune-hall")
    response = answer(client, health_world, question, referral=hall.pk)
    assert response.status_code == 400
    assert "Choose a hospital or health centre from the list." in response.content.decode()
    assert not question.messages.exists()


def test_a_clinician_asks_back_the_person_answers_and_the_question_waits_again(
    client, health_world, question
):
    answer(client, health_world, question, body="Does she have a rash?")
    assert Question.objects.get().status == "answered"
    client.force_login(health_world.citizen)
    client.post(page(question), {"body": "No rash."})
    question.refresh_from_db()
    assert question.status == "waiting"
    assert [m.body for m in question.messages.all()] == ["Does she have a rash?", "No rash."]


def test_the_person_rates_the_answer_once_there_is_one(client, health_world, question):
    client.force_login(health_world.citizen)
    url = f"{page(question)}rate/"
    early = client.post(url, {"rating": "4"})
    assert early.status_code == 400
    assert "once a health worker has replied" in early.content.decode()
    answer(client, health_world, question, close="on")
    client.force_login(health_world.citizen)
    assert client.post(url, {"rating": "9"}).status_code == 400
    assert client.post(url, {"rating": "4"}).status_code == 302
    question.refresh_from_db()
    assert question.rating == 4
    assert AuditEntry.objects.get(action="health.question_rated").data == {"rating": 4}
    text = client.get(page(question)).content.decode()
    assert "Rating of the answer" in text and "4 / 5" in text


def test_a_named_carer_reads_writes_and_is_told_of_replies_and_may_be_removed(
    client, health_world, question
):
    client.force_login(health_world.citizen)
    carer_url = f"{page(question)}carer/"
    wrong = client.post(carer_url, {"identifier": "012 999 999"})
    assert wrong.status_code == 400
    assert "No Sala account has this" in wrong.content.decode()
    assert client.post(carer_url, {"identifier": "017 555 123"}).status_code == 302
    shared = Notification.objects.get(recipient=health_world.carer)
    assert shared.event == "health.question_shared"

    client.force_login(health_world.carer)
    assert page(question) in client.get("/en/health/questions/").content.decode()
    client.post(page(question), {"body": "I am her aunt; she drinks well."})
    assert question.messages.get().author == health_world.carer
    assert client.post(f"{page(question)}rate/", {"rating": "5"}).status_code == 403
    assert client.post(carer_url, {"remove": "1"}).status_code == 403

    answer(client, health_world, question)
    told = Notification.objects.filter(event="health.question_answered")
    assert {n.recipient for n in told} == {health_world.citizen, health_world.carer}

    client.force_login(health_world.citizen)
    client.post(carer_url, {"remove": "1"})
    client.force_login(health_world.carer)
    assert client.get(page(question)).status_code == 404
    assert AuditEntry.objects.filter(action="health.carer_removed").exists()


def test_clinicians_are_reminded_once_of_a_question_past_its_due_time(health_world, question):
    out = StringIO()
    call_command("remind_overdue_health_questions", stdout=out)
    assert "reminded of 0" in out.getvalue()
    Question.objects.filter(pk=question.pk).update(
        due_at=timezone.now() - datetime.timedelta(hours=1)
    )
    call_command("remind_overdue_health_questions", stdout=out)
    call_command("remind_overdue_health_questions", stdout=out)
    reminders = Notification.objects.filter(event="health.question_overdue")
    assert [n.recipient for n in reminders] == [health_world.clinician]
    assert "reminded of 1" in out.getvalue()
