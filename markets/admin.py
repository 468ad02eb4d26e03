from __future__ import annotations

from django.contrib import admin

from markets.models import Category, Commodity, FollowedCommodity, Grade, PriceImport, Unit, Variety


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_km", "name_en", "position"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name_km", "name_en", "kg"]


@admin.register(Grade)
class GradeAdmin(admin.ModelAdmin):
    list_display = ["code", "name_km", "name_en", "position"]


class VarietyInline(admin.TabularInline):
    model = Variety
    extra = 0


@admin.register(Commodity)
class CommodityAdmin(admin.ModelAdmin):
    list_display = ["code", "name_km", "name_en", "category", "unit", "price_type"]
    list_filter = ["category"]
    inlines = [VarietyInline]


@admin.register(FollowedCommodity)
class FollowedCommodityAdmin(admin.ModelAdmin):
    list_display = ["market", "commodity", "price_type"]
    raw_id_fields = ["market"]


@admin.register(PriceImport)
class PriceImportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "imported_by", "imported_at", "rows", "imported", "refused"]
    readonly_fields = ["file_name", "imported_by", "imported_at", "rows", "imported", "refused"]
