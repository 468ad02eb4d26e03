"""Lesson media are checked by their content in the admin: a file whose bytes are not the
kind chosen, or too large, is refused with a clear message and nothing is kept."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.tests.factories import create_user
from learning.models import LessonMedia
from learning.tests.factories import create_course

pytestmark = pytest.mark.django_db


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "PNG")
    return out.getvalue()


def save_lesson_with_media(client, lesson, kind, name, content):
    data = {
        "module": lesson.module_id, "title_km": lesson.title_km, "title_en": lesson.title_en,
        "body_km": lesson.body_km, "body_en": lesson.body_en, "video_url": "",
        "video_minutes": "", "position": lesson.position,
        "media-TOTAL_FORMS": "1", "media-INITIAL_FORMS": "0",
        "media-MIN_NUM_FORMS": "0", "media-MAX_NUM_FORMS": "1000",
        "media-0-kind": kind, "media-0-title_km": "រូបភាព", "media-0-title_en": "Picture",
        "media-0-file": SimpleUploadedFile(name, content),
    }  # fmt: skip
    return client.post(reverse("admin:learning_lesson_change", args=[lesson.pk]), data)


@pytest.fixture
def lesson(client):
    client.force_login(create_user("root", is_superuser=True, is_staff=True))
    client.cookies["sala_language"] = "en"
    return create_course().lessons[0]


def test_a_real_picture_is_kept_with_its_size(client, lesson):
    response = save_lesson_with_media(client, lesson, "image", "screen.png", png())
    assert response.status_code == 302
    assert LessonMedia.objects.get().size_bytes == len(png())


def test_a_file_that_is_not_what_its_name_says_is_refused(client, lesson):
    response = save_lesson_with_media(
        client, lesson, "image", "screen.png", b"MZ\x90\x00 not a picture"
    )
    assert response.status_code == 200
    assert "“screen.png” is not an allowed file. The file must be JPEG, PNG, WebP." in response.text
    # A picture is not accepted as the PDF to download either.
    response = save_lesson_with_media(client, lesson, "file", "guide.pdf", png())
    assert "“guide.pdf” is not an allowed file. The file must be PDF." in response.text
    assert not LessonMedia.objects.exists()


def test_a_picture_over_the_size_limit_is_refused(client, lesson):
    big = png() + b"\0" * (2 * 1024 * 1024)
    response = save_lesson_with_media(client, lesson, "image", "big.png", big)
    assert "“big.png” is too large. Choose a file of 2 MB or less." in response.text
    assert not LessonMedia.objects.exists()
