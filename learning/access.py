"""Who may open a course: published courses for everyone are public; courses for civil
servants need an active office role (one the course names, or any when it names none)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.officers import active_memberships
from learning.models import Audience, Course, Enrolment, LessonMedia


def may_take(user: Any, course: Course) -> bool:
    if not course.is_published:
        return False
    if course.audience == Audience.EVERYONE:
        return True
    roles = list(course.officer_roles.values_list("code", flat=True))
    return active_memberships(user, roles or None).exists()


def courses_for(user: Any):
    """The published courses this user may take, in their order."""
    courses = Course.objects.published().select_related("institution")
    return [course for course in courses if may_take(user, course)]


def access_course(user: Any, slug: str) -> Course:
    """Return the course, 404 if unpublished, 403 for a civil servants' course the user may
    not take (signed out: the view asks them to sign in first)."""
    course = Course.objects.published().select_related("institution").filter(slug=slug).first()
    if course is None:
        raise Http404
    if not may_take(user, course):
        raise PermissionDenied
    return course


def enrolment_of(user: Any, course: Course) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course=course).first()


def access_media(user: Any, media_id: int) -> LessonMedia:
    media = LessonMedia.objects.select_related("lesson__module__course").filter(pk=media_id).first()
    if media is None or not media.lesson.module.course.is_published:
        raise Http404
    if not may_take(user, media.lesson.module.course):
        raise PermissionDenied
    return media
