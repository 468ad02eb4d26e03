from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from geo.jurisdiction import log_jurisdiction_set
from geo.models import (
    Area,
    Facility,
    FacilityClosure,
    FacilityType,
    Institution,
    JurisdictionArea,
    OpeningHours,
    PublicHoliday,
)


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    """Areas come from the gazetteer (`manage.py load_gazetteer`): read-only here."""

    list_display = ("code", "name_km", "name_en", "level", "is_current")
    list_filter = ("level", "is_current")
    search_fields = ("code", "name_km", "name_en")
    readonly_fields = ("code", "level", "parent", "path", "name_km", "name_en", "is_current")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Area | None = None) -> bool:
        return False


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ("code", "name_km", "name_en")
    search_fields = ("code", "name_km", "name_en")


@admin.register(FacilityType)
class FacilityTypeAdmin(admin.ModelAdmin):
    list_display = ("code", "name_km", "name_en", "schema_type", "is_office", "position")
    list_editable = ("position",)


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class FacilityClosureInline(admin.TabularInline):
    model = FacilityClosure
    extra = 0


class JurisdictionAreaInline(admin.TabularInline):
    model = JurisdictionArea
    extra = 0
    autocomplete_fields = ("area",)


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    list_display = ("code", "name_km", "name_en", "type", "area", "is_active")
    list_filter = ("type", "is_active", "area__level")
    search_fields = ("code", "name_km", "name_en", "area__name_en", "area__name_km")
    autocomplete_fields = ("area", "institution")
    list_select_related = ("type", "area")
    inlines = (OpeningHoursInline, FacilityClosureInline, JurisdictionAreaInline)

    def save_formset(self, request, form, formset, change) -> None:
        super().save_formset(request, form, formset, change)
        if formset.model is JurisdictionArea and formset.has_changed():
            # The admin saves in one transaction: the entry goes with the change.
            log_jurisdiction_set(request.user, form.instance)


@admin.register(PublicHoliday)
class PublicHolidayAdmin(admin.ModelAdmin):
    list_display = ("date", "name_km", "name_en")
    date_hierarchy = "date"
