from __future__ import annotations

from django.contrib import admin

from core.admin import ReadOnlyAdmin
from documents.models import DocumentTemplate, IssuedDocument


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "title_km", "title_en", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["key", "title_km", "title_en"]


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(ReadOnlyAdmin):
    """Read-only: a document changes only by being revoked (documents.issuing)."""

    list_display = ["code", "kind", "title_en", "holder_name", "office", "issued_at", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["code", "holder_name"]
    date_hierarchy = "issued_at"
