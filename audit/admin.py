from __future__ import annotations

from django.contrib import admin

from audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the log is never edited, not even by an administrator."""

    list_display = ("created_at", "action", "object_repr", "actor", "actor_address", "allowed")
    list_filter = ("action", "allowed")
    search_fields = ("action", "object_repr", "object_id", "request_id")
    date_hierarchy = "created_at"
    list_select_related = ("actor",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
