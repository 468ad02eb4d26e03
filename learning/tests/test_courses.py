"""Publishing: who sees which course, lesson pages light and without outside content, media
sizes shown before opening, and a lesson removed while a learner is in it."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import create_user, grant
from geo.tests.factories import create_facility, create_tree
from learning.models import Audience, LessonMedia, LessonProgress
from learning.progress import do_complete_lesson, do_enrol
from learning.tests.factories import create_course

pytestmark = pytest.mark.django_db


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(f"learning:{name}", kwargs=kwargs)


def test_a_public_course_and_its_lessons_are_open_to_visitors(client):
    small = create_course()
    catalogue = client.get(url("courses"))
    assert "Using the portal safely" in catalogue.text
    lesson = client.get(small.lessons[0].get_absolute_url())
    assert lesson.status_code == 200
    assert "Use a long password." in lesson.text
    assert "Start the course from its page" in lesson.text


def test_a_lesson_page_is_light_and_embeds_nothing_from_elsewhere(client):
    small = create_course()
    lesson = small.lessons[0]
    lesson.body_en = (
        '<p>Read this.</p><iframe src="https://video.example/x"></iframe>'
        '<img src="https://tracker.example/p.gif"><script>alert(1)</script>'
    )
    lesson.video_url = "https://video.example/watch/1"
    lesson.video_minutes = 4
    lesson.save()
    response = client.get(url("lesson", slug="safe-online", lesson_id=lesson.pk))
    assert len(response.content) < 100_000
    assert "<iframe" not in response.text and "tracker.example" not in response.text
    assert "alert(1)" not in response.text
    assert 'href="https://video.example/watch/1"' in response.text
    assert "4 minutes; video uses a lot of data" in response.text


def test_media_show_their_size_before_they_are_opened(client):
    small = create_course()
    LessonMedia.objects.create(
        lesson=small.lessons[0], kind="file", file=ContentFile(b"x" * 2048, name="guide.pdf"),
        title_km="មគ្គុទ្ទេសក៍", title_en="The guide",
    )  # fmt: skip
    page = client.get(small.lessons[0].get_absolute_url())
    assert "The guide" in page.text and "(2 KB)" in page.text
    media = LessonMedia.objects.get()
    assert client.get(media.get_absolute_url()).getvalue() == b"x" * 2048
    with translation.override("km"):
        khmer = client.get(small.lessons[0].get_absolute_url())
    assert "(២ KB)" in khmer.text


def test_a_civil_servants_course_is_only_for_officers():
    small = create_course(audience=Audience.CIVIL_SERVANTS)
    from django.test import Client

    visitor, citizen, officer = Client(), Client(), Client()
    citizen.force_login(create_user("citizen"))
    clerk = create_user("clerk")
    grant(clerk, create_facility(create_tree().commune), "clerk")
    officer.force_login(clerk)
    address = small.course.get_absolute_url()
    assert visitor.get(address).status_code == 302  # asked to sign in
    assert citizen.get(address).status_code == 403
    assert officer.get(address).status_code == 200
    assert "Using the portal safely" not in citizen.get(url("courses")).text
    assert "Using the portal safely" in officer.get(url("courses")).text


def test_an_unpublished_course_is_not_found(client):
    small = create_course(is_published=False)
    assert client.get(small.course.get_absolute_url()).status_code == 404


def test_a_lesson_removed_while_a_learner_is_in_it_says_so_and_keeps_progress(client):
    small = create_course()
    learner = create_user("learner")
    client.force_login(learner)
    enrolment = do_enrol(learner, small.course)
    do_complete_lesson(learner, enrolment, small.lessons[0])
    reading = small.lessons[1]
    address, reading_id = reading.get_absolute_url(), reading.pk
    reading.delete()

    with translation.override("en"):
        page = client.get(address)
        done = client.post(url("complete", slug="safe-online", lesson_id=reading_id))
    assert page.status_code == 410
    assert "This lesson was removed" in page.text
    assert "1 of 2 lessons done" in page.text
    assert done.status_code == 410
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1
