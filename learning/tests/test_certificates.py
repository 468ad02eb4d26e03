"""The certificate: refused for an unfinished course, issued once through documents with a
QR that /verify/ checks; the Open Badges 3.0 credential, signed and checked."""

from __future__ import annotations

import copy
import json
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import create_user
from documents.issuing import verify_document
from learning import badges, quizzes
from learning.certificates import do_issue_certificate
from learning.models import Enrolment
from learning.progress import do_complete_lesson, do_enrol
from learning.tests.factories import create_course
from learning.tests.test_progress_and_quizzes import _right

pytestmark = pytest.mark.django_db


def finished(user):
    small = create_course()
    enrolment = do_enrol(user, small.course)
    for lesson in small.lessons[:2]:
        do_complete_lesson(user, enrolment, lesson)
    quizzes.do_submit_attempt(user, enrolment, small.quiz, _right(small), uuid.uuid4())
    return Enrolment.objects.get(pk=enrolment.pk)


def test_a_certificate_is_refused_for_an_unfinished_course(client):
    learner = create_user("learner", name_km="សុខ ដារា", name_latin="SOK DARA")
    small = create_course()
    enrolment = do_enrol(learner, small.course)
    do_complete_lesson(learner, enrolment, small.lessons[0])
    with pytest.raises(ValidationError):
        do_issue_certificate(learner, enrolment)
    client.force_login(learner)
    with translation.override("en"):
        response = client.post(reverse("learning:certificate", args=["safe-online"]), follow=True)
    assert "Finish every lesson of the course to get its certificate." in response.text
    assert Enrolment.objects.get().certificate is None


def test_a_finished_course_gets_one_verifiable_certificate(client):
    learner = create_user("learner", name_km="សុខ ដារា", name_latin="SOK DARA")
    enrolment = finished(learner)
    client.force_login(learner)
    with translation.override("en"):
        client.post(reverse("learning:certificate", args=["safe-online"]))
        client.post(reverse("learning:certificate", args=["safe-online"]))
        page = client.get(enrolment.course.get_absolute_url())
    enrolment.refresh_from_db()
    document = enrolment.certificate
    assert document.kind == "certificate" and document.template_key == "learning-certificate"
    assert document.holder == learner
    assert "Download the certificate (PDF)" in page.text
    check = verify_document(document.code)
    assert check.authentic and check.status == "valid"
    facts = {fact["label_en"]: fact["value_en"] for fact in document.facts}
    assert facts["Course"] == "Using the portal safely"
    with translation.override("km"):
        verified = client.get(reverse("documents:verify_code", args=[document.code]))
    assert "ប្រើវិបផតថលដោយសុវត្ថិភាព" in verified.text
    pdf = client.get(reverse("documents:download", args=[document.code]))
    assert pdf.status_code == 200 and pdf.getvalue().startswith(b"%PDF")


def test_the_badge_is_an_open_badges_3_credential_that_checks(client):
    learner = create_user("learner", name_km="សុខ ដារា", name_latin="SOK DARA")
    finished(learner)
    client.force_login(learner)
    with translation.override("en"):
        client.post(reverse("learning:certificate", args=["safe-online"]))
        download = client.get(reverse("learning:badge", args=["safe-online"]))
    badge = json.loads(download.getvalue())
    assert "attachment" in download["Content-Disposition"]
    assert badge["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert badge["credentialSubject"]["achievement"]["name"] == "Using the portal safely"
    assert badge["proof"]["cryptosuite"] == "eddsa-jcs-2022"
    assert badges.verify_badge(badge)
    changed = copy.deepcopy(badge)
    changed["credentialSubject"]["name"] = "Someone else"
    assert not badges.verify_badge(changed)
    issuer = client.get("/learning/issuer.json").json()
    assert badge["proof"]["verificationMethod"] in [m["id"] for m in issuer["verificationMethod"]]

    with translation.override("en"):
        genuine = client.post(
            reverse("learning:check_badge"),
            {"badge": SimpleUploadedFile("badge.json", json.dumps(badge).encode())},
        )
        forged = client.post(
            reverse("learning:check_badge"),
            {"badge": SimpleUploadedFile("badge.json", json.dumps(changed).encode())},
        )
        junk = client.post(
            reverse("learning:check_badge"),
            {"badge": SimpleUploadedFile("badge.json", b"not json")},
        )
    assert "This badge is genuine" in genuine.text
    assert "This badge is not genuine" in forged.text
    assert "This file is not a badge: it is not JSON." in junk.text


def test_the_learner_is_told_once_with_the_verification_link():
    from notifications.models import Notification

    learner = create_user("learner", preferred_language="en")
    enrolment = finished(learner)
    document = do_issue_certificate(learner, enrolment)
    do_issue_certificate(learner, Enrolment.objects.get(pk=enrolment.pk))
    [told] = Notification.objects.filter(recipient=learner, event="learning.certificate_issued")
    assert told.title == "Your certificate for “Using the portal safely” is ready"
    assert document.code in told.body
    assert told.url == f"/en/verify/{document.code}/"
