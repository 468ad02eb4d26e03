"""Report categories, reports (read-only) and Open311 keys in the Django admin. A new key
is shown once, in the message after saving; only its hash is kept."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from reports.keys import do_issue_key, do_revoke_key
from reports.models import ApiKey, Category, Report


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("code", "name_km", "name_en", "service", "position", "is_active")
    list_editable = ("position", "is_active")


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("reference", "category", "area", "status", "office", "created_at")
    list_filter = ("status", "category")
    search_fields = ("reference",)
    readonly_fields = [field.name for field in Report._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ("name", "prefix", "created_at", "revoked_at")
    fields = ("name",)
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        return ("name",) if obj else ()

    def save_model(self, request, obj, form, change) -> None:
        if change:
            return
        key, raw = do_issue_key(request.user, obj.name)
        obj.pk = key.pk
        messages.warning(
            request,
            _("The key for %(name)s is %(key)s. Copy it now: it will not be shown again.")
            % {"name": key.name, "key": raw},
        )

    @admin.action(description=_("Revoke the selected keys"))
    def revoke(self, request, queryset) -> None:
        for key in queryset:
            do_revoke_key(request.user, key)
