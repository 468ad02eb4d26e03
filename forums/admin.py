from __future__ import annotations

from django.contrib import admin

from forums.models import Board


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    """Administrators add topic boards and give each its moderating office; posts and
    consultations are changed only through the moderation queue (audited)."""

    list_display = ("title_en", "title_km", "kind", "office")
    list_filter = ("kind",)
    search_fields = ("title_en", "title_km", "slug")
    raw_id_fields = ("area", "office")
