import copy

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Building,
    ContactPoint,
    CostItem,
    DeveloperCompany,
    ExchangeRate,
    Indicator,
    Plot,
    Project,
    Proposal,
    ProposalPlotChange,
    ProposalProjectChange,
    Sector,
    StaleEdit,
    Zone,
    ZonePhoto,
    manages_only_own_zones,
)
from .photos import PhotoFormField
from .resources import PlotResource, ProjectResource, ZoneResource
from .services import ProposalAlreadyDecided, proposal_approve, proposal_reject
from .templatetags.zones_tags import num, vnd

FILL_RATE_WARNING_POINTS = 5


# Figures in the admin as staff read them, in their language: money with its currency and the
# unit people count it in, areas with their unit (the raw Decimal is in the change form).
def area_ha(value):
    return "—" if value is None else f"{num(value, 2)}\u00a0ha"


def area_m2(value):
    return "—" if value is None else f"{num(value, 0)}\u00a0m²"


def money_vnd(amount):
    """1.700 tỷ đồng, with the exact sum under it: 1.700.000.000.000 ₫."""
    if amount is None:
        return "—"
    return format_html('{}<br><span class="quiet">{}\u00a0₫</span>', vnd(amount), num(amount, 0))


def plot_rent(plot):
    if plot.rent_amount is None:
        return _("theo thoả thuận")
    return f"{num(plot.rent_amount, 2)}\u00a0{plot.rent_currency}{plot.get_rent_basis_display()}"


class VersionedForm(forms.ModelForm):
    """Optimistic locking in the admin: the form carries the version it was opened at, and a
    save over someone else's newer change is refused with their change shown."""

    loaded_version = forms.IntegerField(
        label=_("Phiên bản số liệu lúc mở trang"), widget=forms.HiddenInput, required=False
    )
    change_note = forms.CharField(
        label=_("Ghi chú nguồn số liệu"),
        required=False,
        max_length=100,
        help_text=_("Ví dụ: Báo cáo quý 3/2026 của Ban quản lý. Lưu vào lịch sử thay đổi."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if self.instance.pk and loaded is not None:
            current = type(self.instance)._base_manager.get(pk=self.instance.pk)
            if current.version != loaded:
                raise ValidationError(self._conflict_message(current))
            self.instance.version = loaded
        self.instance._change_reason = cleaned.get("change_note") or None
        return cleaned

    def _conflict_message(self, current):
        latest = current.history.select_related("history_user").first()
        who = (latest and latest.history_user) or _("Một cán bộ khác")
        when = timezone.localtime(latest.history_date) if latest else None
        changed = [
            f"{self.fields[name].label}: {getattr(current, name)}"
            for name in self.changed_data
            if name in self.fields and hasattr(current, name) and name not in ("loaded_version",)
        ] or [
            f"{field.verbose_name}: {getattr(current, field.name)}"
            for field in type(current)._meta.concrete_fields
            if field.name in self.initial
            and self.initial[field.name] != getattr(current, field.name)
        ]
        return _(
            "%(who)s đã lưu bản ghi này lúc %(when)s, sau khi bạn mở trang. Thay đổi của bạn "
            "chưa được lưu để không ghi đè lên họ. Giá trị hiện tại: %(values)s. Hãy tải lại "
            "trang, xem lại và nhập lại thay đổi của bạn."
        ) % {
            "who": who,
            "when": when.strftime("%H:%M %d/%m/%Y") if when else "?",
            "values": "; ".join(changed) or "—",
        }


class ZoneForm(VersionedForm):
    """The zone's figures, each with whether the source gives it as approximate, and the date
    as precise as the source; the source note may be published with the change."""

    publish_change_note = forms.BooleanField(
        label=_("Công khai ghi chú này"),
        required=False,
        help_text=_(
            "Hiện ghi chú nguồn số liệu trong lịch sử số liệu trên trang công khai của khu."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "figures_as_of_precision" in self.fields:
            # Left out (as in a form that predates it): the date keeps its precision.
            self.fields["figures_as_of_precision"].required = False

    def clean_figures_as_of_precision(self):
        return (
            self.cleaned_data.get("figures_as_of_precision")
            or self.instance.figures_as_of_precision
            or Zone.AsOfPrecision.DAY
        )

    def clean(self):
        cleaned = super().clean()
        self.instance._publish_change_note = bool(cleaned.get("publish_change_note"))
        start, until = cleaned.get("figures_as_of"), cleaned.get("figures_as_of_until")
        if until and (start is None or until < start):
            self.add_error("figures_as_of_until", _("Ngày cuối của khoảng phải sau ngày đầu."))
        return cleaned


class StaleEditGuard:
    """A save that loses the race after its form was checked ends as a message, not a 500."""

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except StaleEdit:
            self.message_user(
                request,
                _("Bản ghi vừa được người khác sửa. Hãy tải lại trang và nhập lại thay đổi."),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def changelist_view(self, request, *args, **kwargs):
        try:
            return super().changelist_view(request, *args, **kwargs)
        except StaleEdit:
            self.message_user(
                request,
                _("Một dòng vừa được người khác sửa; không dòng nào được lưu. Hãy tải lại trang."),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())


def limit_to_managed_zones(db_field, request, kwargs):
    """A foreign key to a zone, or to a plot or project in one, offers a zone's named manager
    only theirs: another zone's id is then "Select a valid choice", next to the field."""
    model = db_field.related_model
    if model not in (Zone, Plot, Project) or not manages_only_own_zones(request.user):
        return kwargs
    managed = Zone.objects.managed_by(request.user)
    queryset = kwargs.get("queryset", model._default_manager.all())
    if model is Zone:
        kwargs["queryset"] = queryset.filter(pk__in=managed.values("pk"))
    else:
        kwargs["queryset"] = queryset.filter(zone__in=managed.values("pk"))
    return kwargs


class OwnRowsInlineFormSet(BaseInlineFormSet):
    """An inline row's id must be one of the rows it was given: Django looks a posted id up among
    all rows and, not finding it in the zone, silently skips the row and says "saved"."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if index is not None and index < self.initial_form_count():
            form.fields[self._pk_field.name].queryset = self.get_queryset()


class OutOfReachMixin:
    """What `get_queryset` leaves out for a user is out of their reach: 403 by direct URL (the
    change, delete and history pages) and no object-level permission on it."""

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and self.exists(object_id):
            raise PermissionDenied
        return obj

    def exists(self, object_id):
        """Whether any row has this id from the address (a malformed one: none, not a 500)."""
        try:
            pk = self.model._meta.pk.to_python(object_id)
        except ValidationError:
            return False
        return self.model._default_manager.filter(pk=pk).exists()

    def in_reach(self, request, obj):
        """Whether `obj` is one of those `request.user` may see and change here."""
        if obj is None or not manages_only_own_zones(request.user):
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_reach(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.in_reach(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.in_reach(request, obj)

    def history_view(self, request, object_id, extra_context=None):
        # The history of another's zone is theirs too; of no row, "does not exist".
        if self.get_object(request, object_id) is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if self.get_object(request, object_id) is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


class ManagedZonesMixin(OutOfReachMixin):
    """A zone's named managers (who are not superusers) see and edit only their zones and what
    is in them; anyone else's is 403, in the list, the change page and by direct URL, and no
    foreign key they fill in can point into another zone."""

    zone_lookup = "zone"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not manages_only_own_zones(request.user):
            return queryset  # no subquery for those who see every zone
        if not self.zone_lookup:
            return queryset.managed_by(request.user)
        zones = Zone.objects.managed_by(request.user)
        return queryset.filter(**{f"{self.zone_lookup}__in": zones}).distinct()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs = limit_to_managed_zones(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PlotInline(TranslationTabularInline):
    """A compact list of the zone's plots (code, area, status, rent): the rest of a plot,
    translated texts and all, is edited on its own page, which each row links to. With every
    field inline, the zone's page was 2,475 px wide."""

    model = Plot
    form = VersionedForm
    formset = OwnRowsInlineFormSet
    extra = 0
    fields = ("code", "area_m2", "status", "rent", "is_sample", "loaded_version")
    readonly_fields = ("rent",)
    show_change_link = True

    @admin.display(description=_("giá thuê tham khảo"))
    def rent(self, plot):
        return plot_rent(plot) if plot.pk else "—"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in ("code", "area_m2"):
            field.widget.attrs["size"] = 10
            field.widget.attrs["style"] = "width: 8em"
        return field


class ProjectInline(admin.TabularInline):
    """The zone's projects, compact like its plots: the investor's Vietnamese name, the status,
    and the figures as read-only text; other languages and the rest on the project's page."""

    model = Project
    form = VersionedForm
    formset = OwnRowsInlineFormSet
    extra = 0
    fields = ("investor_name_vi", "status", "capital", "area", "is_sample", "loaded_version")
    readonly_fields = ("capital", "area")
    show_change_link = True

    @admin.display(description=_("vốn đăng ký"))
    def capital(self, project):
        return money_vnd(project.registered_capital_vnd)

    @admin.display(description=_("diện tích"))
    def area(self, project):
        return area_ha(project.area_ha)


class ZonePhotoForm(forms.ModelForm):
    def __init__(self, *args, plots=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plots is not None and "plot" in self.fields:
            self.fields["plot"].queryset = plots


class ZonePhotoFormSet(OwnRowsInlineFormSet):
    """A photo's plot is one of the zone's (none before the zone is saved), in every row and
    in the blank one that "Add another" copies."""

    def get_form_kwargs(self, index):
        plots = Plot.objects.filter(zone_id=self.instance.pk)
        return {**super().get_form_kwargs(index), "plots": plots}


class PhotoInline(TranslationTabularInline):
    """Photos, with the zone photos' upload checks and a preview of the processed image."""

    model = ZonePhoto
    form = ZonePhotoForm
    extra = 0
    formfield_overrides = {
        models.ImageField: {"form_class": PhotoFormField, "widget": AdminFileWidget}
    }
    readonly_fields = ("preview",)

    @admin.display(description=_("xem trước"))
    def preview(self, photo):
        if not photo.pk or not photo.renditions:
            return "—"
        return format_html('<img src="{}" alt="" width="120">', photo.src)


class ZonePhotoInline(PhotoInline):
    """The zone's photos; one that shows a plot names it, and shows on the plot's page too."""

    formset = ZonePhotoFormSet
    fields = ("image", "alt_text", "caption", "plot", "position", "is_sample", "preview")


class PlotPhotoInline(PhotoInline):
    """The plot's photos, on the plot's page: the same photos, checks and processing as the
    zone's (each is one of its zone's photos, naming the plot)."""

    formset = OwnRowsInlineFormSet
    fields = ("image", "alt_text", "caption", "position", "is_sample", "preview")
    verbose_name = _("ảnh của lô")
    verbose_name_plural = _("ảnh của lô")


class PortalAdmin(StaleEditGuard, ImportExportMixin, SimpleHistoryAdmin, TranslationAdmin):
    """Translated fields side by side, history, spreadsheets and optimistic locking."""

    form = VersionedForm
    formats = [CSV, XLSX]

    def export_action(self, request):
        # The export narrows by the list's filters in its address; one it does not understand
        # is refused with a message, as the list does, not a server error.
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            unknown = ", ".join(sorted(request.GET))
            self.message_user(
                request,
                _(
                    "Địa chỉ trang xuất có bộ lọc không hợp lệ (%(params)s). Hãy lọc lại danh "
                    "sách rồi bấm Xuất."
                )
                % {"params": unknown},
                messages.ERROR,
            )
            return HttpResponseRedirect(request.path)


@admin.register(Zone)
class ZoneAdmin(ManagedZonesMixin, PortalAdmin):
    resource_classes = [ZoneResource]
    form = ZoneForm
    zone_lookup = ""
    # Fits 1,366 px beside the admin's menu and filters: kind and district under the name, narrow
    # inputs for the two columns edited in the list.
    list_display = (
        "name_kind_district",
        "total_area",
        "fill_rate_pct",
        "status",
        "as_of",
        "sample",
        "published",
    )
    list_display_links = ("name_kind_district",)
    list_editable = ("fill_rate_pct", "status")
    list_filter = ("kind", "status", "district", "is_sample", "is_published")
    list_select_related = ("parent",)
    search_fields = ("name_vi", "name_en", "name_zh_hans", "slug")
    prepopulated_fields = {"slug": ("name_vi",)}
    autocomplete_fields = ("parent",)
    filter_horizontal = ("managers", "sectors")
    readonly_fields = ("computed_fill_rate", "plots_link", "created", "updated")
    inlines = (PlotInline, ProjectInline, ZonePhotoInline)
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "district", "parent", "is_published")}),
        (
            _("Số liệu"),
            {
                "fields": (
                    ("total_area_ha", "total_area_approximate"),
                    ("leasable_area_ha", "leasable_area_approximate"),
                    ("fill_rate_pct", "fill_rate_approximate"),
                    "computed_fill_rate",
                    "plots_complete",
                    "plots_link",
                    "status",
                    "reported_tenants",
                    ("reported_capital_vnd", "reported_capital_approximate"),
                    ("public_investment_vnd", "public_investment_approximate"),
                    ("figures_as_of", "figures_as_of_precision", "figures_as_of_until"),
                    "source",
                    ("change_note", "publish_change_note"),
                    "loaded_version",
                )
            },
        ),
        (
            _("Giới thiệu"),
            {
                "fields": (
                    "description",
                    "infrastructure",
                    "connectivity",
                    "incentives",
                    "sectors",
                )
            },
        ),
        (
            _("Hạ tầng và khoảng cách"),
            {
                "fields": (
                    ("power_substation_mva", "power_spare_mva"),
                    ("water_m3_day", "water_spare_m3_day"),
                    ("wastewater_m3_day", "wastewater_spare_m3_day"),
                    "telecom",
                    "internal_roads",
                    ("km_to_huu_nghi_gate", "km_to_hanoi", "km_to_noi_bai"),
                    ("km_to_hai_phong_port", "km_to_highway", "km_to_railway_station"),
                    "details_are_sample",
                )
            },
        ),
        (
            _("Vị trí và liên hệ"),
            {
                "fields": (
                    "latitude",
                    "longitude",
                    "coordinates_are_sample",
                    "boundary",
                    "managing_body",
                    "contact_email",
                    "contact_phone",
                )
            },
        ),
        (_("Quyền"), {"fields": ("managers", "developer")}),
        (_("Dữ liệu mẫu và lịch sử"), {"fields": ("is_sample", "created", "updated")}),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name == "fill_rate_pct":
            field.widget.attrs["style"] = "width: 4.5em"  # a percentage, in the list too
        elif field is not None and db_field.name == "status":
            field.widget.attrs["style"] = "max-width: 11em"
        return field

    @admin.display(description=_("tên"), ordering="name")
    def name_kind_district(self, zone):
        return format_html(
            '{}<br><span class="quiet">{} · {}</span>',
            zone.name,
            zone.get_kind_display(),
            zone.get_district_display(),
        )

    @admin.display(description=_("diện tích"), ordering="total_area_ha")
    def total_area(self, zone):
        return area_ha(zone.total_area_ha)

    # Short headings: the admin never wraps a column's heading.
    @admin.display(description=_("tính đến"), ordering="figures_as_of")
    def as_of(self, zone):
        return zone.figures_as_of_label or "—"  # as precise as the source: 2020–2021, 11/2026

    @admin.display(description=_("mẫu"), boolean=True, ordering="is_sample")
    def sample(self, zone):
        return zone.is_sample

    @admin.display(description=_("công khai"), boolean=True, ordering="is_published")
    def published(self, zone):
        return zone.is_published

    @admin.display(description=_("lô đất"))
    def plots_link(self, zone):
        if not zone.pk:
            return "—"
        url = reverse("admin:zones_plot_changelist") + f"?zone__id__exact={zone.pk}"
        return format_html(
            '<a href="{}">{}</a>', url, _("Danh sách đầy đủ các lô của khu, với bộ lọc")
        )

    def has_add_permission(self, request):
        # A zone's named manager keeps their zones; new zones are the province's to add.
        return super().has_add_permission(request) and not manages_only_own_zones(request.user)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        parent = form.base_fields.get("parent")
        if parent and obj and obj.parent_id and manages_only_own_zones(request.user):
            # The zone it already lies in stays, even if they do not manage that one.
            parent.queryset = Zone.objects.filter(
                Q(pk__in=parent.queryset.values("pk")) | Q(pk=obj.parent_id)
            )
        return form

    @admin.display(description=_("tỷ lệ lấp đầy tính từ các lô"))
    def computed_fill_rate(self, zone):
        computed = zone.computed_fill_rate_pct if zone.pk else None
        if computed is None or not zone.plots_complete:
            return _("— (chỉ tính khi đã nhập đủ các lô)")
        if zone.sample_plot_count:
            return format_html(
                '<strong class="errornote">{}</strong>',
                _(
                    "%(count)s lô là dữ liệu mẫu: đất còn trống vẫn ước tính từ tỷ lệ lấp đầy "
                    "báo cáo cho đến khi mọi lô là số liệu thật."
                )
                % {"count": zone.sample_plot_count},
            )
        text = _("%(rate)s %% — trang công khai dùng tỷ lệ này") % {"rate": f"{computed:.1f}"}
        if (
            zone.fill_rate_pct is not None
            and abs(computed - zone.fill_rate_pct) > FILL_RATE_WARNING_POINTS
        ):
            return format_html(
                '<strong class="errornote">{} — {}</strong>',
                text,
                _("lệch hơn %(points)s điểm so với tỷ lệ báo cáo (%(reported)s %%)")
                % {"points": FILL_RATE_WARNING_POINTS, "reported": zone.fill_rate_pct},
            )
        return text

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        for column, figures in obj.figures_in_prose().items():
            field, _sep, language = column.partition("_")
            label = f"{Zone._meta.get_field(field).verbose_name} ({language})"
            self.message_user(
                request,
                _(
                    "%(field)s có số liệu trong lời văn (%(figures)s). Số liệu nên nằm ở các ô "
                    "số liệu, để trang công khai không tự mâu thuẫn khi số liệu thay đổi."
                )
                % {"field": label, "figures": ", ".join(figures)},
                messages.WARNING,
            )


@admin.register(Plot)
class PlotAdmin(ManagedZonesMixin, PortalAdmin):
    resource_classes = [PlotResource]
    inlines = (PlotPhotoInline,)
    list_display = ("code", "zone", "area", "status", "rent", "is_sample")
    list_editable = ("status",)
    list_filter = ("status", "zone", "is_sample", "sectors")
    list_select_related = ("zone",)
    search_fields = ("code", "zone__name_vi", "zone__name_en")
    autocomplete_fields = ("zone", "sectors")
    readonly_fields = ("created", "updated")

    @admin.display(description=_("diện tích"), ordering="area_m2")
    def area(self, plot):
        return area_m2(plot.area_m2)

    @admin.display(description=_("giá thuê tham khảo"), ordering="rent_amount")
    def rent(self, plot):
        return plot_rent(plot)


@admin.register(Project)
class ProjectAdmin(ManagedZonesMixin, PortalAdmin):
    resource_classes = [ProjectResource]
    list_display = (
        "investor_name",
        "zone",
        "sector",
        "registered_capital",
        "area",
        "status",
        "is_sample",
    )
    list_editable = ("status",)
    list_filter = ("status", "zone", "sector", "is_sample")
    list_select_related = ("zone", "sector")
    search_fields = ("investor_name_vi", "investor_name_en", "investor_name_zh_hans")
    autocomplete_fields = ("zone", "plot", "sector")
    readonly_fields = ("created", "updated")

    @admin.display(description=_("vốn đăng ký"), ordering="registered_capital_vnd")
    def registered_capital(self, project):
        return money_vnd(project.registered_capital_vnd)

    @admin.display(description=_("diện tích"), ordering="area_ha")
    def area(self, project):
        return area_ha(project.area_ha)


@admin.register(Sector)
class SectorAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_vi", "name_en", "name_zh_hans", "slug")
    prepopulated_fields = {"slug": ("name_vi",)}


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin):
    list_display = ("name", "period", "value", "is_approximate", "unit", "position")
    list_editable = ("value", "position")
    search_fields = ("name_vi", "name_en", "slug")


@admin.register(DeveloperCompany)
class DeveloperCompanyAdmin(admin.ModelAdmin):
    list_display = ("name",)
    search_fields = ("name",)
    filter_horizontal = ("members",)


@admin.register(ContactPoint)
class ContactPointAdmin(ManagedZonesMixin, SimpleHistoryAdmin, TranslationAdmin):
    """The addresses, telephones and hours investors see on the contact page and zone pages;
    every change is kept in the history. A zone's named managers keep their zones' entries."""

    list_display = ("name", "kind", "zone", "phone", "email", "is_sample", "is_published")
    list_filter = ("kind", "is_sample", "is_published", "zone")
    list_editable = ("is_published",)
    list_select_related = ("zone",)
    search_fields = ("name_vi", "name_en", "phone", "email")
    autocomplete_fields = ("zone",)
    fieldsets = (
        (None, {"fields": ("kind", "zone", "name", "position", "is_published")}),
        (
            _("Liên hệ"),
            {"fields": ("address", "phone", "email", "working_hours", "languages", "is_sample")},
        ),
        (_("Vị trí trên bản đồ"), {"fields": ("latitude", "longitude")}),
    )


class ProposalPlotChangeInline(admin.TabularInline):
    model = ProposalPlotChange
    changed = "plot"
    extra = 0
    readonly_fields = ("plot", "current_status", "status")
    fields = readonly_fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        # Each row names its plot (and the plot its zone) and shows the plot's status.
        return super().get_queryset(request).select_related(f"{self.changed}__zone")

    @admin.display(description=_("tình trạng hiện tại"))
    def current_status(self, change):
        return change.plot.get_status_display()


class ProposalProjectChangeInline(ProposalPlotChangeInline):
    model = ProposalProjectChange  # type: ignore[assignment]  # the same inline, other changes
    changed = "project"
    readonly_fields = ("project", "current_status", "status")
    fields = readonly_fields

    @admin.display(description=_("tình trạng hiện tại"))
    def current_status(self, change):
        return change.project.get_status_display()


class RejectionForm(forms.Form):
    """The reason an officer gives for rejecting a proposal; proposal_reject judges it."""

    rejection_reason = forms.CharField(
        label=capfirst(Proposal._meta.get_field("rejection_reason").verbose_name),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        required=False,
        max_length=Proposal._meta.get_field("rejection_reason").max_length,
    )


@admin.register(Proposal)
class ProposalAdmin(ManagedZonesMixin, admin.ModelAdmin):
    """Officers approve (applied in one transaction) or reject (with a reason) proposals."""

    change_form_template = "admin/zones/proposal/change_form.html"
    list_display = (
        "__str__",
        "zone",
        "company",
        "submitted_by",
        "fill_rate_pct",
        "status",
        "created",
    )
    list_filter = ("status", "zone")
    list_select_related = ("zone", "company", "submitted_by")
    readonly_fields = (
        "zone",
        "company",
        "submitted_by",
        "current_fill_rate",
        "fill_rate_pct",
        "note",
        "document_link",
        "status",
        "decided_by",
        "decided_at",
        "created",
    )
    fields = readonly_fields + ("rejection_reason",)
    inlines = (ProposalPlotChangeInline, ProposalProjectChangeInline)

    def has_add_permission(self, request):
        return False  # proposals come from developers

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/document/", view(self.document_view), name="zones_proposal_document"),
            # Decisions are taken by a POST only, never by following a link.
            path(
                "<int:pk>/approve/",
                view(require_POST(self.approve_view)),
                name="zones_proposal_approve",
            ),
            path(
                "<int:pk>/reject/",
                view(require_POST(self.reject_view)),
                name="zones_proposal_reject",
            ),
            *super().get_urls(),
        ]

    def document_view(self, request, pk):
        """The proposal's document, for staff who may see the proposal: as an attachment,
        never rendered, so a file that is also HTML cannot run as a page."""
        proposal = self.get_object(request, str(pk))
        if proposal is None or not proposal.document:
            raise Http404
        if not self.has_view_permission(request, proposal):
            raise PermissionDenied
        response = FileResponse(
            proposal.document.open("rb"),
            as_attachment=True,
            filename=proposal.document.name.rsplit("/", 1)[-1],
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response

    @admin.display(description=_("tài liệu kèm theo"))
    def document_link(self, proposal):
        if not proposal.document:
            return "—"
        url = reverse("admin:zones_proposal_document", args=[proposal.pk])
        return format_html('<a href="{}">{}</a>', url, _("Tải tài liệu"))

    @admin.display(description=_("tỷ lệ lấp đầy hiện tại (%)"))
    def current_fill_rate(self, proposal):
        return proposal.zone.fill_rate_pct

    @staticmethod
    def zones_elsewhere(proposal):
        """Zones other than the proposal's own that its plots and projects have moved to since it
        was sent: approving would change them on the word of another zone's developer."""
        return (
            Zone.objects.filter(
                Q(plots__proposalplotchange__proposal=proposal)
                | Q(projects__proposalprojectchange__proposal=proposal)
            )
            .exclude(pk=proposal.zone_id)
            .distinct()
        )

    def get_fields(self, request, obj=None):
        if obj and obj.status == Proposal.Status.PENDING:
            return self.readonly_fields  # the reason is asked for beside the decision buttons
        return self.fields

    def get_readonly_fields(self, request, obj=None):
        return self.fields  # decisions go through proposal_approve and proposal_reject only

    def save_model(self, request, obj, form, change):
        """Nothing on the change form is editable; saving the copy read at the start of the
        request could undo a decision another officer took meanwhile."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "rejection_form": RejectionForm(),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def _decidable(self, request, pk):
        proposal = self.get_object(request, str(pk))
        if proposal is None:
            raise Http404
        if not self.has_change_permission(request, proposal):
            raise PermissionDenied
        return proposal

    def _back_to(self, proposal):
        return HttpResponseRedirect(reverse("admin:zones_proposal_change", args=[proposal.pk]))

    def _decided_first(self, request, proposal):
        when = timezone.localtime(proposal.decided_at) if proposal.decided_at else None
        self.message_user(
            request,
            _(
                "%(who)s đã quyết định đề xuất này trước bạn: %(status)s lúc %(when)s. "
                "Quyết định của bạn không được ghi."
            )
            % {
                "who": proposal.decided_by or _("Một cán bộ khác"),
                "status": proposal.get_status_display(),
                "when": when.strftime("%H:%M %d/%m/%Y") if when else "?",
            },
            messages.WARNING,
        )
        return self._back_to(proposal)

    def approve_view(self, request, pk):
        proposal = self._decidable(request, pk)
        if elsewhere := self.zones_elsewhere(proposal):
            self.message_user(
                request,
                _(
                    "Đề xuất này thay đổi lô đất hoặc dự án nay thuộc khu khác (%(zones)s): "
                    "không áp dụng. Hãy từ chối để doanh nghiệp gửi lại đề xuất mới."
                )
                % {"zones": ", ".join(str(zone) for zone in elsewhere)},
                messages.ERROR,
            )
            return self._back_to(proposal)
        try:
            proposal_approve(proposal=proposal, officer=request.user)
        except ProposalAlreadyDecided as decided:
            return self._decided_first(request, decided.proposal)
        self.message_user(request, _("Đã duyệt và áp dụng đề xuất."), messages.SUCCESS)
        return self._back_to(proposal)

    def reject_view(self, request, pk):
        proposal = self._decidable(request, pk)
        form = RejectionForm(request.POST)
        if form.is_valid():
            try:
                proposal_reject(
                    proposal=proposal,
                    officer=request.user,
                    reason=form.cleaned_data["rejection_reason"],
                )
            except ProposalAlreadyDecided as decided:
                return self._decided_first(request, decided.proposal)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, _("Đã từ chối đề xuất."), messages.WARNING)
                return self._back_to(proposal)
        # The change page as a GET shows it, with the reason given and why it was refused.
        page_request = copy.copy(request)
        page_request.method = "GET"
        return self.change_view(page_request, str(pk), extra_context={"rejection_form": form})


@admin.register(CostItem)
class CostItemAdmin(ManagedZonesMixin, TranslationAdmin):
    list_display = (
        "zone",
        "plot",
        "kind",
        "time_of_day",
        "amount",
        "currency",
        "basis",
        "as_of",
        "is_sample",
    )
    list_filter = ("kind", "zone", "is_sample")
    list_select_related = ("zone", "plot")
    search_fields = ("zone__name_vi", "plot__code")
    autocomplete_fields = ("zone", "plot")
    readonly_fields = ("created", "updated")


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ("currency", "vnd_per_unit", "as_of", "source")
    readonly_fields = ("created", "updated")


@admin.register(Building)
class BuildingAdmin(ManagedZonesMixin, admin.ModelAdmin):
    list_display = (
        "code",
        "zone",
        "kind",
        "floor_area_m2",
        "rent_usd_m2_month",
        "available_from",
        "is_sample",
    )
    list_filter = ("kind", "zone", "is_sample")
    list_select_related = ("zone",)
    search_fields = ("code", "zone__name_vi")
    autocomplete_fields = ("zone",)
    readonly_fields = ("created", "updated")
