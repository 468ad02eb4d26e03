"""A course as one HTML file for a school or a community centre without a connection: every
lesson's text, the media listed with their sizes (not included), and the quiz questions
with their choices. Self-contained: no link or style from anywhere else."""

from __future__ import annotations

from django.template.loader import render_to_string

from learning.models import Course


def offline_pack(course: Course, language: str) -> str:
    lessons = list(course.lessons().select_related("module").prefetch_related(
        "media", "quiz__questions__choices"
    ))  # fmt: skip
    return render_to_string(
        "learning/offline_pack.html", {"course": course, "lessons": lessons, "language": language}
    )
