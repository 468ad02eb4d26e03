"""Back office for danger-sign tables: a draft is edited here; publishing and copying go
through `health.triage` (health-ministry role), so a published table is never edited."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from health import triage
from health.models import DangerSign, DangerSignTable, FacilityService


class DangerSignInline(admin.TabularInline):
    model = DangerSign
    extra = 0
    fields = ("group", "code", "question_km", "question_en", "position")

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return _is_draft(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return _is_draft(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return _is_draft(obj) and super().has_delete_permission(request, obj)


def _is_draft(table: DangerSignTable | None) -> bool:
    return table is None or table.status == DangerSignTable.Status.DRAFT


@admin.register(DangerSignTable)
class DangerSignTableAdmin(admin.ModelAdmin):
    list_display = ("version", "status", "published_at", "published_by")
    readonly_fields = ("version", "status", "published_at", "published_by", "created_at")
    fields = ("version", "status", "source", "published_at", "published_by", "created_at")
    inlines = [DangerSignInline]
    actions = ["publish", "copy_as_draft"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # new versions start as a copy ("Copy as a new draft")

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return _is_draft(obj) and super().has_change_permission(request, obj)

    @admin.action(description=_("Publish the selected draft"))
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        for table in queryset:
            try:
                triage.do_publish_table(request.user, table)
            except (PermissionDenied, ValidationError) as error:
                message = getattr(error, "messages", [_("Only the health ministry may publish.")])
                self.message_user(request, " ".join(map(str, message)), messages.ERROR)
            else:
                self.message_user(request, _("Version %s is published.") % table.version)

    @admin.action(description=_("Copy as a new draft"))
    def copy_as_draft(self, request: HttpRequest, queryset: QuerySet) -> None:
        for table in queryset:
            try:
                draft = triage.do_copy_table(request.user, table)
            except PermissionDenied:
                self.message_user(
                    request, _("Only the health ministry may publish."), messages.ERROR
                )
            else:
                self.message_user(request, _("Draft version %s created.") % draft.version)


@admin.register(FacilityService)
class FacilityServiceAdmin(admin.ModelAdmin):
    """The health services each facility offers, shown by the health finder."""

    list_display = ("facility", "service")
    list_filter = ("service",)
    search_fields = ("facility__name_en", "facility__name_km", "facility__code")
    autocomplete_fields = ("facility",)
