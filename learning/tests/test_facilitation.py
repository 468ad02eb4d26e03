"""Assisted learning: a facilitator adds a learner without a phone, records attendance and a
paper quiz result; each record names who entered it; others cannot."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import create_user, grant
from audit.models import AuditEntry
from geo.tests.factories import create_facility, create_tree
from learning.models import AssistedLearner, Enrolment, LessonProgress, QuizAttempt
from learning.tests.factories import create_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(client):
    small = create_course()
    hall = create_facility(create_tree().commune)
    teacher = create_user("teacher", name_km="លោកគ្រូ សុខ", name_latin="Teacher Sok")
    grant(teacher, hall, "facilitator")
    client.force_login(teacher)
    return small, hall, teacher


def en(name, *args):
    with translation.override("en"):
        return reverse(f"learning:{name}", args=args)


def test_a_facilitator_records_a_learner_without_a_phone(client, world):
    small, hall, teacher = world
    with translation.override("en"):
        client.post(en("facilitate"), {"name_km": "ចាន់ ធីតា", "office": hall.pk})
    learner = AssistedLearner.objects.get()
    assert learner.user.name_km == "ចាន់ ធីតា" and not learner.user.has_usable_password()
    page_url = en("facilitate_course", learner.pk, "safe-online")
    with translation.override("en"):
        for lesson in small.lessons[:2]:
            client.post(page_url, {"lesson": lesson.pk})
        bad = client.post(page_url, {"quiz": small.quiz.pk, "score": "120"})
        client.post(page_url, {"quiz": small.quiz.pk, "score": "៨០"})
        page = client.get(page_url)
    assert bad.status_code == 400
    assert "Write the score as a whole number from 0 to 100." in bad.text
    assert 'value="120"' in bad.text
    assert LessonProgress.objects.filter(entered_by=teacher).count() == 3
    attempt = QuizAttempt.objects.get()
    assert (attempt.score, attempt.passed, attempt.entered_by) == (80, True, teacher)
    assert Enrolment.objects.get(user=learner.user).completed_at is not None
    assert "Entered by លោកគ្រូ សុខ" in page.text
    assert AuditEntry.objects.filter(action="learning.quiz_result_entered").exists()


def test_only_facilitators_of_the_office_record(client, world):
    small, hall, _teacher = world
    client.post(en("facilitate"), {"name_km": "ចាន់ ធីតា", "office": hall.pk})
    learner = AssistedLearner.objects.get()
    other = create_user("other")
    grant(other, create_facility(hall.area, code="other-hall"), "facilitator")
    client.force_login(other)
    response = client.post(
        en("facilitate_course", learner.pk, "safe-online"), {"lesson": small.lessons[0].pk}
    )
    assert response.status_code == 403
    client.force_login(create_user("citizen"))
    assert client.get(en("facilitate")).status_code == 403
    assert not LessonProgress.objects.exists()


def test_the_facilitator_prints_the_certificate_of_a_learner_who_finished(client, world):
    small, hall, teacher = world
    client.post(en("facilitate"), {"name_km": "ចាន់ ធីតា", "office": hall.pk})
    learner = AssistedLearner.objects.get()
    page_url = en("facilitate_course", learner.pk, "safe-online")
    print_url = en("facilitate_certificate", learner.pk, "safe-online")
    client.post(page_url, {"lesson": small.lessons[0].pk})
    with translation.override("en"):
        refused = client.post(print_url, follow=True)
    assert "Finish every lesson of the course to get its certificate." in refused.text
    assert Enrolment.objects.get().certificate is None
    client.post(page_url, {"lesson": small.lessons[1].pk})
    client.post(page_url, {"quiz": small.quiz.pk, "score": "90"})
    with translation.override("en"):
        assert "Download the certificate to print (PDF)" in client.get(page_url).text
    response = client.post(print_url)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    document = Enrolment.objects.get().certificate
    assert document.holder == learner.user
    entry = AuditEntry.objects.get(action="learning.certificate_printed")
    assert (entry.actor, entry.person) == (teacher, learner.user)

    other = create_user("other")
    grant(other, create_facility(hall.area, code="other-hall"), "facilitator")
    client.force_login(other)
    assert client.post(print_url).status_code == 403
    client.force_login(learner.user)
    assert client.post(print_url).status_code == 403
    assert AuditEntry.objects.filter(action="learning.certificate_printed").count() == 1
