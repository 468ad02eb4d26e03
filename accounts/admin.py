from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Administrators close accounts here: filter on "closure requested" to find requests."""

    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (
            _("Profile"),
            {
                "fields": (
                    "name_km",
                    "name_latin",
                    "date_of_birth",
                    "sex",
                    "national_id",
                    "mobile",
                    "home_area",
                    "preferred_language",
                    "identity_verified_at",
                    "closure_requested_at",
                )
            },
        ),
    )
    list_display = ("username", "email", "name_km", "name_latin", "is_staff", "is_active")
    list_filter = (*BaseUserAdmin.list_filter, "closure_requested_at")
    search_fields = (*BaseUserAdmin.search_fields, "name_km", "name_latin", "mobile")
    raw_id_fields = ("home_area",)
    readonly_fields = ("identity_verified_at", "closure_requested_at")
