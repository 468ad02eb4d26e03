"""For institutions: per course, enrolments, completions and average quiz scores, and per
lesson how many learners finished it and how many stopped there (it is the first lesson
they have not finished, and the course is not complete). Counts only, no names. A course
editor sees the reports of their own institution's courses (an office of the course's
institution); administrators see every course's."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Avg
from django.shortcuts import get_object_or_404

from accounts.officers import active_memberships
from accounts.permissions import is_administrator
from learning.models import Course, Enrolment, LessonProgress, QuizAttempt
from learning.rules import COURSE_EDITOR


@dataclass(frozen=True)
class LessonRow:
    position: int
    title: str
    finished: int
    stopped_here: int
    average_score: int | None
    attempts: int


@dataclass(frozen=True)
class CourseReport:
    course: Course
    enrolments: int
    completed: int
    average_score: int | None
    lessons: list[LessonRow]

    @property
    def completion_percent(self) -> int:
        return round(100 * self.completed / self.enrolments) if self.enrolments else 0


def may_see_report(user, course: Course) -> bool:
    return is_administrator(user) or (
        active_memberships(user, [COURSE_EDITOR])
        .filter(office__institution_id=course.institution_id)
        .exists()
    )


def access_course_report(user, slug: str) -> Course:
    """The course whose report `user` may see; 404 for no such course, else 403."""
    course = get_object_or_404(Course.objects.select_related("institution"), slug=slug)
    if not may_see_report(user, course):
        raise PermissionDenied
    return course


def _rounded(value: float | None) -> int | None:
    return None if value is None else round(value)


def course_report(course: Course) -> CourseReport:
    lessons = list(course.lessons().select_related("quiz"))
    enrolments = list(Enrolment.objects.filter(course=course))
    done: dict[int, set[int]] = {e.pk: set() for e in enrolments}
    for enrolment_id, lesson_id in LessonProgress.objects.filter(
        enrolment__course=course, lesson__isnull=False
    ).values_list("enrolment_id", "lesson_id"):
        done[enrolment_id].add(lesson_id)
    stopped = dict.fromkeys((lesson.pk for lesson in lessons), 0)
    for enrolment in enrolments:
        if enrolment.completed_at is not None:
            continue
        first_open = next((x for x in lessons if x.pk not in done[enrolment.pk]), None)
        if first_open is not None:
            stopped[first_open.pk] += 1
    attempts = QuizAttempt.objects.filter(enrolment__course=course)
    rows = []
    for position, lesson in enumerate(lessons, start=1):
        quiz = getattr(lesson, "quiz", None)
        of_quiz = attempts.filter(quiz=quiz) if quiz else attempts.none()
        rows.append(
            LessonRow(
                position=position,
                title=lesson.title,
                finished=sum(1 for ids in done.values() if lesson.pk in ids),
                stopped_here=stopped[lesson.pk],
                average_score=_rounded(of_quiz.aggregate(a=Avg("score"))["a"]) if quiz else None,
                attempts=of_quiz.count(),
            )
        )
    return CourseReport(
        course=course,
        enrolments=len(enrolments),
        completed=sum(1 for e in enrolments if e.completed_at is not None),
        average_score=_rounded(attempts.aggregate(a=Avg("score"))["a"]),
        lessons=rows,
    )


def report_csv(report: CourseReport) -> str:
    """The per-lesson table as CSV (UTF-8 with a byte-order mark, for spreadsheets)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(
        ["course", "enrolments", "completed", "lesson_position", "lesson", "finished",
         "stopped_here", "quiz_attempts", "quiz_average_score"]
    )  # fmt: skip
    for row in report.lessons:
        writer.writerow(
            [report.course.slug, report.enrolments, report.completed, row.position, row.title,
             row.finished, row.stopped_here, row.attempts,
             "" if row.average_score is None else row.average_score]
        )  # fmt: skip
    return out.getvalue()
