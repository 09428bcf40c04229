from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import Indicator, Plot, Project, Sector, Zone


class PlotInline(TranslationTabularInline):
    model = Plot
    extra = 0
    fields = (
        "code",
        "area_m2",
        "status",
        "rent_amount",
        "rent_currency",
        "rent_basis",
        "is_sample",
    )
    show_change_link = True


class ProjectInline(TranslationTabularInline):
    model = Project
    extra = 0
    fields = (
        "investor_name",
        "sector",
        "plot",
        "registered_capital_vnd",
        "area_ha",
        "status",
        "is_sample",
    )
    autocomplete_fields = ("sector",)
    show_change_link = True

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only the zone's own plots can be chosen for its projects.
        if db_field.name == "plot" and (zone_id := request.resolver_match.kwargs.get("object_id")):
            kwargs["queryset"] = Plot.objects.filter(zone_id=zone_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Zone)
class ZoneAdmin(TranslationAdmin):
    list_display = (
        "name",
        "kind",
        "district",
        "total_area_ha",
        "fill_rate_pct",
        "status",
        "figures_as_of",
        "is_sample",
        "is_published",
    )
    list_display_links = ("name",)
    list_editable = ("fill_rate_pct", "status")
    list_filter = ("kind", "status", "district", "is_sample", "is_published")
    list_select_related = ("parent",)
    search_fields = ("name_vi", "name_en", "name_zh_hans", "slug")
    prepopulated_fields = {"slug": ("name_vi",)}
    autocomplete_fields = ("parent",)
    readonly_fields = ("created", "updated")
    inlines = (PlotInline, ProjectInline)
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "district", "parent", "is_published")}),
        (
            _("Số liệu"),
            {
                "fields": (
                    "total_area_ha",
                    "leasable_area_ha",
                    "fill_rate_pct",
                    "status",
                    "reported_tenants",
                    "figures_as_of",
                )
            },
        ),
        (
            _("Giới thiệu"),
            {"fields": ("description", "infrastructure", "connectivity", "source")},
        ),
        (
            _("Vị trí và liên hệ"),
            {
                "fields": (
                    "latitude",
                    "longitude",
                    "coordinates_are_sample",
                    "managing_body",
                    "contact_email",
                    "contact_phone",
                )
            },
        ),
        (_("Dữ liệu mẫu và lịch sử"), {"fields": ("is_sample", "created", "updated")}),
    )


@admin.register(Plot)
class PlotAdmin(TranslationAdmin):
    list_display = (
        "code",
        "zone",
        "area_m2",
        "status",
        "rent_amount",
        "rent_currency",
        "is_sample",
    )
    list_editable = ("status",)
    list_filter = ("status", "zone", "is_sample", "sectors")
    list_select_related = ("zone",)
    search_fields = ("code", "zone__name_vi", "zone__name_en")
    autocomplete_fields = ("zone", "sectors")
    readonly_fields = ("created", "updated")


@admin.register(Project)
class ProjectAdmin(TranslationAdmin):
    list_display = (
        "investor_name",
        "zone",
        "sector",
        "registered_capital_vnd",
        "area_ha",
        "status",
        "is_sample",
    )
    list_editable = ("status",)
    list_filter = ("status", "zone", "sector", "is_sample")
    list_select_related = ("zone", "sector")
    search_fields = ("investor_name_vi", "investor_name_en", "investor_name_zh_hans")
    autocomplete_fields = ("zone", "plot", "sector")
    readonly_fields = ("created", "updated")


@admin.register(Sector)
class SectorAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_vi", "name_en", "name_zh_hans", "slug")
    prepopulated_fields = {"slug": ("name_vi",)}


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin):
    list_display = ("name", "period", "value", "unit", "position")
    list_editable = ("value", "position")
    search_fields = ("name_vi", "name_en", "slug")
