"""Bulk update by spreadsheet (django-import-export, CSV and XLSX).

A file is previewed row by row before anything is applied, and applied whole or not at all
(IMPORT_EXPORT_USE_TRANSACTIONS). Each row carries the `version` it was exported with: a row
whose record someone changed since is refused, as in the admin form. A zone's named manager
imports rows about their zones only, as in the admin (the admin passes `user` to `import_data`).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from .models import Plot, Project, Sector, Zone, manages_only_own_zones


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


class ManagedZonesResource(VersionedResource):
    """Rows about the zones the importing user manages, and nothing else: a row about another
    zone (its record is there, or the row would put it there) is refused with its zone named."""

    zone_attribute = "zone_id"  # where a record says which zone it is about
    managed_zone_ids = None  # set by before_import: None for no limit

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        user = kwargs.get("user")
        self.managed_zone_ids = (
            set(Zone.objects.managed_by(user).values_list("pk", flat=True))
            if user is not None and manages_only_own_zones(user)
            else None  # no limit: a superuser, staff who manage no zone, a command
        )

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        if not new:  # the zone its record is in now
            self.refuse_other_zone(getattr(instance, self.zone_attribute), kwargs["row_number"])

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        # The zone the row would put it in.
        self.refuse_other_zone(getattr(instance, self.zone_attribute), kwargs["row_number"])

    def refuse_other_zone(self, zone_id, row_number):
        if self.managed_zone_ids is None or zone_id is None or zone_id in self.managed_zone_ids:
            return
        zone = Zone.objects.filter(pk=zone_id).first()
        raise ValidationError(
            _(
                "Dòng %(row)s: %(zone)s không do bạn quản lý. Bạn chỉ nhập được số liệu của các "
                "khu bạn quản lý; tệp chưa được áp dụng."
            )
            % {"row": row_number, "zone": zone}
        )


class ZoneResource(ManagedZonesResource):
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

    zone_attribute = "pk"  # a zone row is about the zone itself

    def after_init_instance(self, instance, new, row, **kwargs):
        if new and self.managed_zone_ids is not None:
            raise ValidationError(
                _(
                    "Dòng %(row)s: khu mới “%(slug)s”. Bạn chỉ sửa được các khu bạn quản lý, "
                    "không thêm được khu mới; tệp chưa được áp dụng."
                )
                % {"row": kwargs["row_number"], "slug": row.get("slug", "")}
            )
        super().after_init_instance(instance, new, row, **kwargs)


class PlotResource(ManagedZonesResource):
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


class ProjectResource(ManagedZonesResource):
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
