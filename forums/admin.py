from __future__ import annotations

from django.contrib import admin

from forums.models import Board, MailReply


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    """Administrators add topic boards and give each its moderating office; posts and
    consultations are changed only through the moderation queue (audited)."""

    list_display = ("title_en", "title_km", "kind", "office")
    list_filter = ("kind",)
    search_fields = ("title_en", "title_km", "slug")
    raw_id_fields = ("area", "office")


@admin.register(MailReply)
class MailReplyAdmin(admin.ModelAdmin):
    """What became of each mail read from the reply mailbox, for operators; read only."""

    list_display = ("received_at", "outcome", "user", "thread")
    list_filter = ("outcome",)
    readonly_fields = ("message_key", "outcome", "thread", "user", "post", "received_at")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
