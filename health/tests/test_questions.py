"""Asking a health worker: after a clear screen, signed in; the private thread, the
queue, notifications without health content, and every opening audited."""

from __future__ import annotations

import pytest
from django.utils import translation

from audit.models import AuditEntry
from health.models import Question
from health.tests.factories import create_question
from health.tests.test_danger_signs import answers
from notifications.models import Notification

pytestmark = pytest.mark.django_db

QUESTION = {
    "who": "child",
    "age_years": "3",
    "symptoms": "Fever since yesterday; she is drinking.",
    "since": "yesterday",
}


def clear_screen(client) -> None:
    client.post("/en/health/check/?group=child", answers("child"))


def test_asking_needs_signing_in(client):
    clear_screen(client)
    response = client.get("/en/health/ask/")
    assert response.status_code == 302
    assert "/account/sign-in/" in response["Location"]


def test_asking_needs_a_clear_screen_first(client, health_world):
    client.force_login(health_world.citizen)
    response = client.get("/en/health/ask/")
    assert response["Location"] == "/en/health/"
    client.post("/en/health/check/?group=child", answers("child", yes=("lethargic",)))
    assert client.get("/en/health/ask/")["Location"] == "/en/health/"


def test_a_citizen_asks_and_the_clinicians_are_told_without_health_content(client, health_world):
    client.force_login(health_world.citizen)
    clear_screen(client)
    form = client.get("/en/health/ask/")
    assert health_world.centre.name_en in form.content.decode()
    assert health_world.hospital.name_en not in form.content.decode()
    response = client.post("/en/health/ask/", {**QUESTION, "office": health_world.centre.pk})
    question = Question.objects.get()
    assert response["Location"] == question.get_absolute_url()
    assert question.user == health_world.citizen and question.status == "waiting"
    assert question.screening.outcome == "clear"
    notice = Notification.objects.get(recipient=health_world.clinician)
    assert notice.event == "health.question_waiting"
    assert "Fever" not in str(notice.__dict__)
    assert not Notification.objects.filter(recipient=health_world.other_clinician).exists()
    # One screen, one question: the same screen cannot send a second one.
    assert client.get("/en/health/ask/")["Location"] == "/en/health/"


def test_bad_input_keeps_the_form_with_messages(client, health_world):
    client.force_login(health_world.citizen)
    clear_screen(client)
    response = client.post(
        "/km/health/ask/", {**QUESTION, "age_years": "many", "office": health_world.centre.pk}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Fever since yesterday" in text
    assert "error-summary" in text
    assert not Question.objects.exists()


def test_a_clinician_opens_answers_and_the_person_is_notified(client, health_world):
    question = create_question(health_world.citizen, health_world.centre)
    client.force_login(health_world.clinician)
    queue = client.get("/en/health/office/").content.decode()
    assert question.reference in queue
    page = client.get(question.get_office_url())
    assert page.status_code == 200
    assert "Cough and a runny nose" in page.content.decode()
    opened = AuditEntry.objects.get(action="health.question_opened")
    assert opened.allowed and opened.actor == health_world.clinician
    assert opened.person == health_world.citizen
    client.post(question.get_office_url(), {"body": "Give her plenty to drink.", "close": ""})
    question.refresh_from_db()
    assert question.status == "answered"
    notice = Notification.objects.get(recipient=health_world.citizen)
    assert notice.event == "health.question_answered"
    assert "drink" not in str(notice.__dict__)
    assert AuditEntry.objects.filter(action="health.question_answered").exists()

    client.force_login(health_world.citizen)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Give her plenty to drink." in page
    client.post(question.get_absolute_url(), {"body": "She is drinking now, thank you."})
    question.refresh_from_db()
    assert question.status == "waiting"
    assert question.messages.count() == 2


def test_closing_with_advice_ends_the_thread(client, health_world):
    question = create_question(health_world.citizen, health_world.centre)
    client.force_login(health_world.clinician)
    client.post(question.get_office_url(), {"body": "Come to the centre.", "close": "on"})
    question.refresh_from_db()
    assert question.status == "closed"
    client.force_login(health_world.citizen)
    response = client.post(question.get_absolute_url(), {"body": "Another thing."})
    assert response.status_code == 400
    assert question.messages.count() == 1


def test_a_clinician_of_another_centre_is_refused_and_recorded(client, health_world):
    question = create_question(health_world.citizen, health_world.centre)
    client.force_login(health_world.other_clinician)
    assert question.reference not in client.get("/en/health/office/").content.decode()
    assert client.get(question.get_office_url()).status_code == 403
    refused = AuditEntry.objects.get(action="health.question_opened")
    assert refused.allowed is False and refused.actor == health_world.other_clinician


@pytest.mark.parametrize("persona", ["citizen", "ministry", "admin"])
def test_people_without_the_clinician_role_get_no_queue(client, health_world, persona):
    create_question(health_world.citizen, health_world.centre)
    client.force_login(getattr(health_world, persona))
    assert client.get("/en/health/office/").status_code == 403


@pytest.mark.parametrize("persona", ["other_citizen", "clinician", "admin"])
def test_only_the_person_sees_their_question_page(client, health_world, persona):
    question = create_question(health_world.citizen, health_world.centre)
    client.force_login(getattr(health_world, persona))
    assert client.get(question.get_absolute_url()).status_code == 404


def test_an_administrator_cannot_open_a_question_as_a_health_worker(client, health_world):
    question = create_question(health_world.citizen, health_world.centre)
    client.force_login(health_world.admin)
    assert client.get(question.get_office_url()).status_code == 403


def test_my_questions_lists_only_my_own(client, health_world):
    mine = create_question(health_world.citizen, health_world.centre)
    theirs = create_question(health_world.other_citizen, health_world.centre)
    client.force_login(health_world.citizen)
    text = client.get("/en/health/questions/").content.decode()
    assert mine.reference in text
    assert theirs.reference not in text


@pytest.mark.parametrize(
    ("language", "age", "says"),
    [("km", 3, "អាយុ ៣ ឆ្នាំ"), ("en", 3, "3 years old"), ("en", 1, "1 year old")],
)
def test_the_question_says_the_age_in_the_pages_language(client, health_world, language, age, says):
    question = create_question(health_world.citizen, health_world.centre, age_years=age)
    client.force_login(health_world.citizen)
    with translation.override(language):
        url = question.get_absolute_url()
    page = client.get(url).content.decode()
    assert f'<html lang="{language}"' in page
    assert says in page
