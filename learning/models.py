"""Learning: courses made of modules and lessons, quizzes, enrolments and certificates.

Courses are plain models edited in the Django admin, not Wagtail pages (ADR 0037): a
learner's progress, quiz attempts and certificates point at lessons and questions, which
must keep their identity while editors work. A course is in Khmer and English side by side
(`*_km`, `*_en`), for everyone or for civil servants only (officers holding one of its
roles, or any role when it names none).

Nothing is embedded from another origin: video lives elsewhere and is a link; images,
audio and files are uploaded, served by `learning.views.media` after the same access check
as their lesson, and their size is shown before they are opened.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.languages import in_language
from core.models import user_reference
from learning.richtext import clean_lesson_html
from learning.sizes import size_label


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    CIVIL_SERVANTS = "civil-servants", _("Civil servants only")


class CourseQuerySet(models.QuerySet):
    def published(self) -> CourseQuerySet:
        return self.filter(is_published=True)

    def public(self) -> CourseQuerySet:
        return self.published().filter(audience=Audience.EVERYONE)


class Course(models.Model):
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    title_km = models.CharField(_("title in Khmer"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    summary_km = models.TextField(_("summary in Khmer"))
    summary_en = models.TextField(_("summary in English"))
    institution = models.ForeignKey(
        "geo.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    officer_roles = models.ManyToManyField(
        "accounts.Role",
        verbose_name=_("officer roles"),
        blank=True,
        related_name="+",
        help_text=_("For civil servants only: the roles that may take it (none: any role)."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    position = models.PositiveIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:course", kwargs={"slug": self.slug})

    @property
    def title(self) -> str:
        return in_language(self.title_km, self.title_en)

    @property
    def summary(self) -> str:
        return in_language(self.summary_km, self.summary_en)

    def lessons(self) -> models.QuerySet[Lesson]:
        return Lesson.objects.filter(module__course=self).order_by(
            "module__position", "module_id", "position", "pk"
        )


class Module(models.Model):
    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="modules"
    )
    title_km = models.CharField(_("title in Khmer"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_km, self.title_en)


class Lesson(models.Model):
    """A lesson's text is sanitised HTML (learning.richtext) kept in both languages."""

    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.CASCADE, related_name="lessons"
    )
    title_km = models.CharField(_("title in Khmer"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    body_km = models.TextField(_("text in Khmer"))
    body_en = models.TextField(_("text in English"))
    video_url = models.URLField(
        _("video elsewhere"),
        blank=True,
        help_text=_("A link to the video on another site; it is never embedded."),
    )
    video_minutes = models.PositiveIntegerField(_("video length in minutes"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.body_km = clean_lesson_html(self.body_km)
        self.body_en = clean_lesson_html(self.body_en)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "learning:lesson", kwargs={"slug": self.module.course.slug, "lesson_id": self.pk}
        )

    @property
    def title(self) -> str:
        return in_language(self.title_km, self.title_en)

    @property
    def body(self) -> str:
        return in_language(self.body_km, self.body_en)


class MediaKind(models.TextChoices):
    IMAGE = "image", _("Image")
    AUDIO = "audio", _("Audio")
    FILE = "file", _("File to download")


class LessonMedia(models.Model):
    lesson = models.ForeignKey(
        Lesson, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="media"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MediaKind.choices)
    file = models.FileField(_("file"), upload_to="learning/%Y/%m/")
    size_bytes = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    title_km = models.CharField(_("title in Khmer"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    description_km = models.TextField(
        _("description in Khmer"), blank=True, help_text=_("For an image: what it shows.")
    )
    description_en = models.TextField(_("description in English"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("lesson media")
        verbose_name_plural = _("lesson media")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.file:
            self.size_bytes = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("learning:media", kwargs={"media_id": self.pk})

    @property
    def title(self) -> str:
        return in_language(self.title_km, self.title_en)

    @property
    def description(self) -> str:
        return in_language(self.description_km, self.description_en)

    @property
    def size(self) -> str:
        return size_label(self.size_bytes)


class Quiz(models.Model):
    """The questions at the end of a lesson; passing it completes the lesson."""

    lesson = models.OneToOneField(
        Lesson, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="quiz"
    )
    pass_mark = models.PositiveIntegerField(
        _("pass mark (percent)"), default=70, help_text=_("The share of points needed to pass.")
    )
    max_attempts = models.PositiveIntegerField(
        _("attempts allowed"), default=0, help_text=_("0: as many as the learner wants.")
    )

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self) -> str:
        return str(self.lesson)


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One answer")
    MULTIPLE = "multiple", _("Several answers")
    TRUE_FALSE = "true-false", _("True or false")
    NUMBER = "number", _("A number")
    TEXT = "text", _("A short text")


class Question(models.Model):
    quiz = models.ForeignKey(
        Quiz, verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=QuestionKind.choices)
    prompt_km = models.TextField(_("question in Khmer"))
    prompt_en = models.TextField(_("question in English"))
    # A number question: the answer and how far from it still counts.
    number_answer = models.DecimalField(
        _("the number"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    number_tolerance = models.DecimalField(
        _("tolerance"), max_digits=14, decimal_places=2, default=Decimal(0)
    )
    # A short-text question: accepted answers, one a line (compared without case or spaces).
    accepted_km = models.TextField(_("accepted answers in Khmer"), blank=True)
    accepted_en = models.TextField(_("accepted answers in English"), blank=True)
    feedback_right_km = models.TextField(_("feedback when right, in Khmer"), blank=True)
    feedback_right_en = models.TextField(_("feedback when right, in English"), blank=True)
    feedback_wrong_km = models.TextField(_("feedback when wrong, in Khmer"), blank=True)
    feedback_wrong_en = models.TextField(_("feedback when wrong, in English"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.prompt

    @property
    def prompt(self) -> str:
        return in_language(self.prompt_km, self.prompt_en)


class Choice(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="choices"
    )
    text_km = models.CharField(_("answer in Khmer"), max_length=300)
    text_en = models.CharField(_("answer in English"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback_km = models.TextField(_("feedback in Khmer"), blank=True)
    feedback_en = models.TextField(_("feedback in English"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return in_language(self.text_km, self.text_en)

    @property
    def feedback(self) -> str:
        return in_language(self.feedback_km, self.feedback_en)


class Enrolment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="enrolments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    certificate = models.OneToOneField(
        "documents.IssuedDocument",
        verbose_name=_("certificate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["course", "user"], name="learning_one_enrolment")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.course.slug}"


class LessonProgress(models.Model):
    """A lesson finished. The lesson's titles are copied: if editors remove the lesson,
    the learner's record of it stays."""

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="progress"
    )
    lesson = models.ForeignKey(
        Lesson,
        verbose_name=_("lesson"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="progress",
    )
    lesson_title_km = models.CharField(_("lesson in Khmer"), max_length=200)
    lesson_title_en = models.CharField(_("lesson in English"), max_length=200)
    completed_at = models.DateTimeField(_("completed"), auto_now_add=True)
    entered_by = user_reference(_("entered by"))

    class Meta:
        verbose_name = _("lesson done")
        verbose_name_plural = _("lessons done")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="learning_lesson_done_once"
            )
        ]

    def __str__(self) -> str:
        return in_language(self.lesson_title_km, self.lesson_title_en)


class QuizAttempt(models.Model):
    """One submitted try at a quiz. `token` comes from the form the learner was shown, so
    the same form sent twice (a double tap, two tabs) is one attempt."""

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="attempts"
    )
    quiz = models.ForeignKey(
        Quiz, verbose_name=_("quiz"), null=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    token = models.UUIDField(_("form token"))
    number = models.PositiveIntegerField(_("attempt"))
    # {question id: [choice ids] | "text"} as answered; feedback is recomputed from it.
    answers = models.JSONField(_("answers"), default=dict)
    score = models.PositiveIntegerField(_("score (percent)"))
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    entered_by = user_reference(_("entered by"))

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "token"], name="learning_attempt_once"),
            models.UniqueConstraint(
                fields=["enrolment", "quiz", "number"], name="learning_attempt_number_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} #{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("learning:attempt", kwargs={"attempt_id": self.pk})


class AssistedLearner(models.Model):
    """A learner without a phone, followed by a facilitator (a commune officer, a teacher)
    of an office. The learner gets an account without a password, so their progress,
    results and certificate are the same records as everyone's, each marked with the
    facilitator who entered it (`entered_by`)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="assisted_learner",
    )
    office = models.ForeignKey(
        "geo.Facility", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    added_by = user_reference(_("added by"), on_delete=models.PROTECT)
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("learner without a phone")
        verbose_name_plural = _("learners without a phone")
        ordering = ["-added_at"]

    def __str__(self) -> str:
        return self.user.display_name
