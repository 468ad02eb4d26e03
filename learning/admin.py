"""Back office for courses: a course with its modules, a lesson with its media and quiz, a
quiz with its questions and their answers. Lesson text is cleaned
when saved (Lesson.save, learning.richtext); an uploaded media file is checked by its
content and size (learning.uploads)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from learning.models import Choice, Course, Lesson, LessonMedia, Module, Question, Quiz
from learning.uploads import check_media


class ModuleInline(admin.TabularInline):
    model = Module
    extra = 0
    fields = ("title_km", "title_en", "position")
    show_change_link = True


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ("title_en", "title_km", "institution", "audience", "is_published")
    list_filter = ("audience", "is_published", "institution")
    search_fields = ("title_en", "title_km", "slug")
    filter_horizontal = ("officer_roles",)
    inlines = [ModuleInline]


class LessonInline(admin.TabularInline):
    model = Lesson
    extra = 0
    fields = ("title_km", "title_en", "position")
    show_change_link = True


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ("title_en", "course", "position")
    list_filter = ("course",)
    inlines = [LessonInline]


class MediaForm(forms.ModelForm):
    """A newly uploaded file must really be the kind chosen, within its size limit."""

    class Meta:
        model = LessonMedia
        fields = ("kind", "file", "title_km", "title_en", "description_km", "description_en")

    def clean(self):
        data = super().clean() or {}
        upload, kind = data.get("file"), data.get("kind")
        if isinstance(upload, UploadedFile) and kind:
            try:
                check_media(upload, kind)
            except ValidationError as error:
                self.add_error("file", error)
        return data


class MediaInline(admin.TabularInline):
    model = LessonMedia
    form = MediaForm
    extra = 0
    fields = ("kind", "file", "title_km", "title_en", "description_km", "description_en")


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ("title_en", "module", "position")
    list_filter = ("module__course",)
    search_fields = ("title_en", "title_km")
    inlines = [MediaInline]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0
    fields = ("text_km", "text_en", "is_correct", "feedback_km", "feedback_en", "position")


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("prompt_en", "kind", "quiz")
    inlines = [ChoiceInline]


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    show_change_link = True


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ("lesson", "pass_mark", "max_attempts")
    inlines = [QuestionInline]
