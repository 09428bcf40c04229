"""Bulk update by spreadsheet (django-import-export, CSV and XLSX).

A file is previewed row by row before anything is applied, and applied whole or not at all
(IMPORT_EXPORT_USE_TRANSACTIONS). Each row carries the `version` it was exported with: a row
whose record someone changed since is refused, as in the admin form.
"""

from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from .models import Plot, Project, Sector, Zone


class VersionedResource(resources.ModelResource):
    def import_data(self, dataset, dry_run=False, **kwargs):
        """All or nothing: a file with any invalid row applies no row at all."""
        if not dry_run:
            trial = super().import_data(dataset, dry_run=True, **kwargs)
            if trial.has_errors() or trial.has_validation_errors():
                return trial
        return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.pk:
            current = (
                type(instance)
                ._base_manager.filter(pk=instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current is not None and instance.version != current:
                errors["version"] = _(
                    "Bản ghi đã được sửa sau khi tệp được xuất (phiên bản %(file)s, hiện tại "
                    "%(current)s). Hãy xuất lại tệp mới nhất rồi nhập lại."
                ) % {"file": instance.version, "current": current}
        super().validate_instance(instance, errors, validate_unique)


class ZoneResource(VersionedResource):
    class Meta:
        model = Zone
        import_id_fields = ("slug",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        fields = (
            "slug",
            "name_vi",
            "name_en",
            "name_zh_hans",
            "kind",
            "district",
            "total_area_ha",
            "leasable_area_ha",
            "fill_rate_pct",
            "status",
            "reported_tenants",
            "figures_as_of",
            "is_sample",
            "is_published",
            "version",
        )
        export_order = fields


class PlotResource(VersionedResource):
    zone = fields.Field(
        column_name="zone", attribute="zone", widget=widgets.ForeignKeyWidget(Zone, "slug")
    )
    sectors = fields.Field(
        column_name="sectors",
        attribute="sectors",
        widget=widgets.ManyToManyWidget(Sector, separator="|", field="slug"),
    )

    class Meta:
        model = Plot
        import_id_fields = ("zone", "code")
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        fields = (
            "zone",
            "code",
            "area_m2",
            "status",
            "rent_amount",
            "rent_currency",
            "rent_basis",
            "sectors",
            "is_sample",
            "version",
        )
        export_order = fields


class ProjectResource(VersionedResource):
    zone = fields.Field(
        column_name="zone", attribute="zone", widget=widgets.ForeignKeyWidget(Zone, "slug")
    )
    sector = fields.Field(
        column_name="sector", attribute="sector", widget=widgets.ForeignKeyWidget(Sector, "slug")
    )

    class Meta:
        model = Project
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        fields = (
            "id",
            "zone",
            "investor_name_vi",
            "investor_name_en",
            "investor_name_zh_hans",
            "sector",
            "registered_capital_vnd",
            "area_ha",
            "status",
            "is_sample",
            "version",
        )
        export_order = fields
