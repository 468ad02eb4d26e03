from __future__ import annotations

from typing import cast

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.models import (
    Invitation,
    OfficeMembership,
    Organisation,
    OrganisationMember,
    Role,
    User,
)
from accounts.profiles import PROFILE_FIELDS


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Administrators close accounts here: filter on "closure requested" to find requests."""

    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (
            _("Profile"),
            {
                "fields": (
                    *PROFILE_FIELDS,
                    "mobile_verified",
                    "identity_verified_at",
                    "closure_requested_at",
                    "sign_in_locked_until",
                )
            },
        ),
    )
    list_display = ("username", "email", "name_km", "name_latin", "is_staff", "is_active")
    list_filter = (*BaseUserAdmin.list_filter, "closure_requested_at")
    search_fields = (*BaseUserAdmin.search_fields, "name_km", "name_latin", "mobile")
    raw_id_fields = ("home_area",)
    readonly_fields = ("identity_verified_at", "closure_requested_at")


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ("code", "name_km", "name_en", "position")
    ordering = ("position",)


@admin.register(OfficeMembership)
class OfficeMembershipAdmin(admin.ModelAdmin):
    """Administrators grant officer roles here (heads of office have their own page)."""

    list_display = ("user", "office", "role", "granted_at", "granted_by", "ended_at")
    list_filter = ("role", "ended_at")
    search_fields = ("user__username", "user__email", "office__name_en", "office__code")
    raw_id_fields = ("user", "office")
    readonly_fields = ("granted_by", "granted_at", "ended_by")

    def save_model(self, request: HttpRequest, obj: OfficeMembership, form, change: bool) -> None:
        user = cast(User, request.user)  # the admin site lets in signed-in staff only
        if not change:
            obj.granted_by = user
        if "ended_at" in form.changed_data and obj.ended_at:
            obj.ended_by = user
        super().save_model(request, obj, form, change)


class OrganisationMemberInline(admin.TabularInline):
    model = OrganisationMember
    raw_id_fields = ("user", "added_by")
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_km", "registration_number", "created_at")
    search_fields = ("name_en", "name_km", "registration_number")
    readonly_fields = ("created_by",)
    inlines = [OrganisationMemberInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("organisation", "email", "mobile", "role", "created_at", "accepted_at")
    readonly_fields = ("token", "invited_by", "accepted_by", "accepted_at")
    raw_id_fields = ("organisation",)
