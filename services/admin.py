"""Back office for the catalogue and the form definitions (Django admin).

A form definition is JSON edited in a large text box; saving checks it
(`services.definitions.definition_errors`) and shows every reason it is refused. A
published version cannot be edited: "Copy into a new draft" makes the next version.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from services.models import Application, Attachment, FormVersion, LifeEvent, Service, Topic
from services.versions import do_copy_form_version, do_publish_form_version


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_km", "slug", "position"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(LifeEvent)
class LifeEventAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_km", "slug", "position"]
    prepopulated_fields = {"slug": ["name_en"]}


class FormVersionInline(admin.TabularInline):
    model = FormVersion
    fields = ("number", "status", "published_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_km", "institution", "processing_level", "channel", "status"]
    list_filter = ["status", "processing_level", "channel", "institution", "topics"]
    search_fields = ["name_en", "name_km", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["topics", "life_events"]
    inlines = [FormVersionInline]


class FormVersionForm(forms.ModelForm):
    class Meta:
        model = FormVersion
        fields = ["service", "number", "definition"]
        widgets = {"definition": forms.Textarea(attrs={"rows": 40, "cols": 120})}


@admin.register(FormVersion)
class FormVersionAdmin(admin.ModelAdmin):
    form = FormVersionForm
    list_display = ["service", "number", "status", "published_at"]
    list_filter = ["status"]
    search_fields = ["service__name_en", "service__slug"]
    actions = ["publish", "copy_into_new_draft"]
    formfield_overrides = {models.JSONField: {"widget": forms.Textarea(attrs={"rows": 40})}}

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != FormVersion.Status.DRAFT:
            return ["service", "number", "definition", "status", "published_at"]
        return ["status", "published_at"]

    def get_changeform_initial_data(self, request):
        # The admin takes any value as initial data; the stub types only the query string's.
        initial = cast("dict[str, Any]", super().get_changeform_initial_data(request))
        if service_id := initial.get("service"):
            latest = FormVersion.objects.filter(service_id=service_id).aggregate(Max("number"))
            initial["number"] = (latest["number__max"] or 0) + 1
        return initial

    @admin.action(description=_("Publish (the version can no longer be changed)"))
    def publish(self, request, queryset) -> None:
        published = 0
        for version in queryset.filter(status=FormVersion.Status.DRAFT):
            do_publish_form_version(request.user, version)
            published += 1
        self.message_user(
            request,
            ngettext("%(count)d version published.", "%(count)d versions published.", published)
            % {"count": published},
            messages.SUCCESS,
        )

    @admin.action(description=_("Copy into a new draft version"))
    def copy_into_new_draft(self, request, queryset) -> None:
        for version in queryset:
            copy = do_copy_form_version(version)
            self.message_user(
                request,
                _("Draft %(version)s created.") % {"version": copy},
                messages.SUCCESS,
            )


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ("original_name", "content_type", "size", "uploaded_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only: applications change only through the portal (and the cases app)."""

    list_display = ["reference", "service", "user", "state", "submitted_at", "updated_at"]
    list_filter = ["state", "service"]
    search_fields = ["reference", "user__username"]
    inlines = [AttachmentInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False
