"""Who edits courses (django-rules): officers with the course-editor role, in the office of
any institution (the course names its institution), and administrators. Edited in the
Django admin (learning/admin.py)."""

from __future__ import annotations

import rules

from accounts.officers import active_memberships
from accounts.permissions import is_administrator

COURSE_EDITOR = "course-editor"
MODELS = ("course", "module", "lesson", "lessonmedia", "quiz", "question", "choice")


@rules.predicate
def is_course_editor(user) -> bool:
    return active_memberships(user, [COURSE_EDITOR]).exists()


may_edit_courses = is_course_editor | is_administrator
rules.add_perm("learning", may_edit_courses)
for _model in MODELS:
    for _verb in ("view", "add", "change", "delete"):
        rules.add_perm(f"learning.{_verb}_{_model}", may_edit_courses)
