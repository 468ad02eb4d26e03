"""Payment requests in the Django admin: read-only (they change only through
`payments.requesting`, each change audited)."""

from __future__ import annotations

from django.contrib import admin

from payments.models import PaymentRequest


@admin.register(PaymentRequest)
class PaymentRequestAdmin(admin.ModelAdmin):
    list_display = ["reference", "amount", "currency", "status", "expires_at", "paid_at"]
    list_filter = ["status", "currency"]
    search_fields = ["reference", "md5", "transaction_hash"]
    readonly_fields = [f.name for f in PaymentRequest._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
