"""Who may see and answer a health question and its thread: the person, the carer they
named, and the clinicians of its health centre; nobody else, administrators included (the
access functions ask the health rules alone, `health.questions.allowed`, so a superuser's
blanket permission does not apply). Health content stays out of notifications, e-mail
subjects, logs and search."""

from __future__ import annotations

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail

from audit.models import AuditEntry
from health.questions import allowed, do_answer_question
from health.tests.factories import create_question
from notifications.models import Notification

pytestmark = pytest.mark.django_db

PERMISSIONS = (
    "health.view_question",
    "health.answer_question",
    "health.view_own_question",
    "health.follow_up_question",
    "health.rate_question",
    "health.name_carer",
)
EXPECTED = {
    # persona: the permissions it holds on the citizen's question to the centre
    "anonymous": set(),
    "citizen": {
        "health.view_own_question",
        "health.follow_up_question",
        "health.rate_question",
        "health.name_carer",
    },
    "carer": {"health.view_own_question", "health.follow_up_question"},
    "other_citizen": set(),
    "clinician": {"health.view_question", "health.answer_question"},
    "other_clinician": set(),
    "ministry": set(),
    "case_officer": set(),
    "admin": set(),
}
# persona: status of (the person's page of the question, the health workers' page)
PAGES = {
    "anonymous": (302, 302),
    "citizen": (200, 403),
    "carer": (200, 403),
    "other_citizen": (404, 403),
    "clinician": (404, 200),
    "other_clinician": (404, 403),
    "ministry": (404, 403),
    "case_officer": (404, 403),
    "admin": (404, 403),
}
SYMPTOMS = "Wheezing and a blue tinge around the lips"
ANSWER = "Give paracetamol syrup and come to the centre"


@pytest.fixture
def question(health_world):
    question = create_question(health_world.citizen, health_world.centre, symptoms=SYMPTOMS)
    question.carer = health_world.carer
    question.save(update_fields=["carer"])
    return question


def persona_user(world, persona):
    return AnonymousUser() if persona == "anonymous" else getattr(world, persona)


@pytest.mark.parametrize("persona", EXPECTED)
@pytest.mark.parametrize("permission", PERMISSIONS)
def test_permission_per_persona_on_a_question(health_world, question, persona, permission):
    user = persona_user(health_world, persona)
    assert allowed(user, permission, question) is (permission in EXPECTED[persona])


@pytest.mark.parametrize("persona", PAGES)
def test_the_question_and_its_thread_per_persona(client, health_world, question, persona):
    do_answer_question(health_world.clinician, question, ANSWER, close=False)
    if persona != "anonymous":
        client.force_login(getattr(health_world, persona))
    own = client.get(f"/en/health/questions/{question.public_id}/")
    office = client.get(f"/en/health/office/questions/{question.public_id}/")
    assert (own.status_code, office.status_code) == PAGES[persona]
    for response in (own, office):
        shown = response.content.decode()
        if response.status_code == 200:
            assert SYMPTOMS in shown and ANSWER in shown
        else:
            assert SYMPTOMS not in shown and ANSWER not in shown


@pytest.mark.parametrize("persona", ["clinician", "other_clinician"])
def test_every_opening_by_a_clinician_is_audited_allowed_or_not(
    client, health_world, question, persona
):
    client.force_login(getattr(health_world, persona))
    client.get(f"/en/health/office/questions/{question.public_id}/")
    entry = AuditEntry.objects.get(action="health.question_opened")
    assert entry.actor == getattr(health_world, persona)


def test_health_content_is_in_no_notification_mail_subject_log_or_search(
    client, health_world, question, caplog, settings, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        do_answer_question(health_world.clinician, question, ANSWER, close=True)
        client.force_login(health_world.other_clinician)
        client.get(f"/en/health/office/questions/{question.public_id}/")
    notices = Notification.objects.filter(event__startswith="health.question")
    assert notices.exists()
    for notice in notices:
        stored = " ".join(str(value) for value in notice.__dict__.values())
        assert SYMPTOMS not in stored and ANSWER not in stored
    reply = Notification.objects.get(
        recipient=health_world.citizen, event="health.question_answered"
    )
    assert "you have a reply" in reply.title.casefold() or "ចម្លើយថ្មី" in reply.title
    told = sorted(m.to[0] for m in mail.outbox if question.reference in m.subject)
    assert told == [health_world.carer.email, health_world.citizen.email]
    for message in mail.outbox:
        assert SYMPTOMS not in message.subject and ANSWER not in message.subject
        assert SYMPTOMS not in message.body and ANSWER not in message.body
    assert SYMPTOMS not in caplog.text and ANSWER not in caplog.text
    for query in ("Wheezing", "paracetamol"):
        found = client.get("/en/search/", {"q": query}).content.decode()
        assert question.reference not in found and SYMPTOMS not in found
