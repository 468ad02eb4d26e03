from __future__ import annotations

import json

from django.contrib import admin

from cases.models import Case, CaseEvent, ServiceWorkflow
from cases.workflow import DEFAULT_WORKFLOW


@admin.register(ServiceWorkflow)
class ServiceWorkflowAdmin(admin.ModelAdmin):
    """A service's own workflow; start from the default shown in the help text."""

    list_display = ["service"]
    autocomplete_fields = ["service"]

    def get_changeform_initial_data(self, request):
        return {"definition": json.dumps(DEFAULT_WORKFLOW, ensure_ascii=False, indent=2)}


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "transition", "from_state", "to_state", "actor", "text", "ip",
                       "created_at"]  # fmt: skip

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    """Cases are changed through the back office's workflow only; read-only here."""

    list_display = ["reference", "service", "office", "state", "due_date", "received_at"]
    list_filter = ["state", "service"]
    search_fields = ["reference"]
    inlines = [CaseEventInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False
