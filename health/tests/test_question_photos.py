"""Photos with a health question: checked like application attachments (real type,
size, pixel count), at most three, kept private; the person, their carer and the
clinicians of the centre see them (a clinician's opening audited), nobody else; never
in notifications."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from audit.models import AuditEntry
from health.models import Question, QuestionPhoto
from health.tests.test_question_permissions import persona_user
from health.tests.test_questions import QUESTION, clear_screen
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def picture(name: str = "rash.jpg", kind: str = "JPEG", size=(40, 30)) -> SimpleUploadedFile:
    data = io.BytesIO()
    Image.new("RGB", size, (200, 80, 80)).save(data, kind)
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/jpeg")


def bomb_png() -> SimpleUploadedFile:
    """A tiny PNG whose header claims 100,000 x 100,000 pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
    return SimpleUploadedFile("huge.png", data + chunk(b"IEND", b""), content_type="image/png")


def ask(client, health_world, photos, language="en"):
    client.force_login(health_world.citizen)
    clear_screen(client)
    return client.post(
        f"/{language}/health/ask/",
        {**QUESTION, "office": health_world.centre.pk, "photos": photos},
    )


def test_a_question_with_photos_shows_them_to_the_person_and_the_clinician(client, health_world):
    response = ask(client, health_world, [picture(), picture("arm.png", "PNG")])
    question = Question.objects.get()
    assert response["Location"] == question.get_absolute_url()
    photos = list(question.photos.all())
    assert [p.content_type for p in photos] == ["image/jpeg", "image/png"]
    page = client.get(question.get_absolute_url()).content.decode()
    assert photos[0].get_absolute_url() in page and photos[1].get_absolute_url() in page
    shown = client.get(photos[0].get_absolute_url())
    assert shown.status_code == 200 and shown["Content-Type"] == "image/jpeg"
    assert "private" in shown["Cache-Control"] and "no-store" in shown["Cache-Control"]
    assert b"".join(shown.streaming_content)[:2] == b"\xff\xd8"
    client.force_login(health_world.clinician)
    assert photos[0].get_absolute_url() in client.get(question.get_office_url()).content.decode()
    # Nothing of the photos in what the clinicians were told.
    notice = Notification.objects.get(recipient=health_world.clinician)
    assert "photo" not in str(notice.context).lower()


def test_a_file_that_is_not_a_picture_is_refused_and_the_form_kept(client, health_world):
    fake = SimpleUploadedFile("rash.jpg", b"%PDF-1.4 not a photo", content_type="image/jpeg")
    response = ask(client, health_world, [fake], language="km")
    assert response.status_code == 400
    page = response.content.decode()
    assert "rash.jpg" in page and "JPEG, PNG, WebP" in page
    assert QUESTION["symptoms"] in page  # what was typed is still there
    assert not Question.objects.exists() and not QuestionPhoto.objects.exists()


@pytest.mark.parametrize(
    ("photos", "message"),
    [
        (lambda: [bomb_png()], "too large to open"),
        (lambda: [picture(f"p{n}.jpg") for n in range(4)], "at most 3 files"),
        (
            lambda: [SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024))],
            "5 MB or less",
        ),
    ],
)
def test_dangerous_or_too_many_photos_are_refused(client, health_world, photos, message):
    response = ask(client, health_world, photos())
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_a_follow_up_may_carry_a_photo(client, health_world):
    ask(client, health_world, [])
    question = Question.objects.get()
    assert not question.photos.exists()
    client.post(
        question.get_absolute_url(), {"body": "Here is the rash now.", "photos": [picture()]}
    )
    photo = question.photos.get()
    assert photo.message.body == "Here is the rash now."
    client.force_login(health_world.clinician)
    assert photo.get_absolute_url() in client.get(question.get_office_url()).content.decode()


# persona: status of the photo's address
PHOTO = {
    "anonymous": 302,
    "citizen": 200,
    "carer": 200,
    "other_citizen": 404,
    "clinician": 200,
    "other_clinician": 404,
    "ministry": 404,
    "case_officer": 404,
    "admin": 404,
}


@pytest.mark.parametrize("persona", PHOTO)
def test_who_may_see_a_photo(client, health_world, persona):
    ask(client, health_world, [picture()])
    question = Question.objects.get()
    question.carer = health_world.carer
    question.save(update_fields=["carer"])
    photo = question.photos.get()
    client.logout()
    user = persona_user(health_world, persona)
    if user.is_authenticated:
        client.force_login(user)
    AuditEntry.objects.all().delete()
    assert client.get(photo.get_absolute_url()).status_code == PHOTO[persona]
    opened = AuditEntry.objects.filter(action="health.question_photo_opened")
    if persona in ("citizen", "carer", "anonymous"):
        assert not opened.exists()
    else:  # every health worker's opening and every other try is on record
        assert opened.get().actor == user
        assert opened.get().allowed is (persona == "clinician")
