"""Enrolling and progress: each finished lesson is saved as it is finished; a course is
complete when every lesson it has now is done (a lesson removed later no longer counts,
and the record of having done it stays)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.log import log_action
from learning.models import Course, Enrolment, Lesson, LessonProgress


@transaction.atomic
def do_enrol(user: Any, course: Course) -> Enrolment:
    """Enrol the user (once: enrolling again returns the enrolment they have)."""
    existing = Enrolment.objects.filter(user=user, course=course).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(user=user, course=course)
    except IntegrityError:  # enrolled at the same moment in another tab
        return Enrolment.objects.get(user=user, course=course)
    log_action(user, "learning.enrolled", enrolment, {"course": course.slug}, person=user)
    return enrolment


def done_lesson_ids(enrolment: Enrolment) -> set[int]:
    return set(enrolment.progress.exclude(lesson=None).values_list("lesson_id", flat=True))


@transaction.atomic
def do_complete_lesson(actor: Any, enrolment: Enrolment, lesson: Lesson) -> LessonProgress:
    """Mark a lesson done (once); `actor` is the learner, or the facilitator entering it."""
    progress, created = LessonProgress.objects.get_or_create(
        enrolment=enrolment,
        lesson=lesson,
        defaults={
            "lesson_title_km": lesson.title_km,
            "lesson_title_en": lesson.title_en,
            "entered_by": actor if actor != enrolment.user else None,
        },
    )
    if created:
        log_action(
            actor,
            "learning.lesson_completed",
            progress,
            {"course": enrolment.course.slug, "lesson": lesson.pk},
            person=enrolment.user,
        )
        _complete_course_if_done(enrolment)
    return progress


def _complete_course_if_done(enrolment: Enrolment) -> None:
    locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if locked.completed_at is None and summary_of(locked).complete:
        locked.completed_at = timezone.now()
        locked.save(update_fields=["completed_at"])
        enrolment.completed_at = locked.completed_at
        log_action(
            enrolment.user,
            "learning.course_completed",
            locked,
            {"course": locked.course.slug},
            person=enrolment.user,
        )


@dataclass(frozen=True)
class Summary:
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def summary_of(enrolment: Enrolment) -> Summary:
    current = set(enrolment.course.lessons().values_list("pk", flat=True))
    return Summary(done=len(current & done_lesson_ids(enrolment)), total=len(current))


def next_lesson(enrolment: Enrolment) -> Lesson | None:
    """The first lesson of the course not yet done."""
    done = done_lesson_ids(enrolment)
    return next((lesson for lesson in enrolment.course.lessons() if lesson.pk not in done), None)
