"""Industrial zones of Lạng Sơn, the plots of land in them and the tenants' projects.

Each rule about what can be true lives twice: in `Meta.constraints`, so the database refuses it
whatever writes, and in `clean()`, so a form shows a friendly message next to the field.
"""

import uuid
from decimal import Decimal
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Self, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage, storages
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Case, Count, F, Max, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portal.links import kept_reverse
from portal.page_cache import catalogue_changed

from .figures import (
    AsOfPrecision,
    FreeBasis,
    FreeLand,
    as_of_label,
    estimate_unit,
    figures_in_prose,
    round_to,
)
from .geo import BBOX, in_province, outline_extent, validate_polygon
from .photos import ALLOWED_FORMATS, process_photo, validate_photo
from .templatetags.zones_tags import ha, pct, vnd
from .validators import validate_document

if TYPE_CHECKING:
    from django.contrib.auth.models import User

M2_PER_HA = Decimal(10_000)
# SQLite stores whole decimals as integers and then divides them as integers: multiply instead.
HA_PER_M2 = Decimal("0.0001")
PER_CENT = Decimal("0.01")
# Free land follows the plots when staff marked the list complete and none of it is sample data.
PLOT_INVENTORY = Q(plots_complete=True, plot_count__gt=0, sample_plot_count=0)
FILL_RATE_REPORTED = Q(fill_rate_pct__isnull=False)
AREA: dict[str, Any] = {"max_digits": 10, "decimal_places": 2}
POSITIVE = [MinValueValidator(Decimal("0.01"))]
PERCENT = [MinValueValidator(0), MaxValueValidator(100)]
# A road distance in km, where one is known.
KM: dict[str, Any] = {
    "max_digits": 6,
    "decimal_places": 1,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(0)],
}


class District(models.TextChoices):
    """The city and districts of Lạng Sơn province."""

    LANG_SON_CITY = "lang-son-city", _("Thành phố Lạng Sơn")
    CAO_LOC = "cao-loc", _("Cao Lộc")
    VAN_LANG = "van-lang", _("Văn Lãng")
    TRANG_DINH = "trang-dinh", _("Tràng Định")
    BINH_GIA = "binh-gia", _("Bình Gia")
    VAN_QUAN = "van-quan", _("Văn Quan")
    BAC_SON = "bac-son", _("Bắc Sơn")
    HUU_LUNG = "huu-lung", _("Hữu Lũng")
    CHI_LANG = "chi-lang", _("Chi Lăng")
    LOC_BINH = "loc-binh", _("Lộc Bình")
    DINH_LAP = "dinh-lap", _("Đình Lập")


_M = TypeVar("_M", bound=models.Model)


class CatalogueQuerySet(models.QuerySet[_M]):
    """The querysets of what public pages and the API show. A save or delete moves the
    catalogue's version by signal (zones/apps.py); a bulk write sends no signal, so these move
    it themselves: no cached page, ETag or Last-Modified outlives the change. (`bulk_update`
    writes through `update`.)"""

    def update(self, **kwargs: Any) -> int:
        rows = super().update(**kwargs)
        catalogue_changed(using=self.db)
        return rows

    def bulk_create(self, *args: Any, **kwargs: Any) -> list[_M]:
        made = super().bulk_create(*args, **kwargs)
        catalogue_changed(using=self.db)
        return made


class TimeStamped(models.Model):
    created = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):  # noqa: N802  (Django's name: get_<field>_display)
        """The chosen value's label, as Django's, found without translating every choice:
        Django hashes each label to build a dict per call (a gettext each, 12 for a district:
        51 µs a call, against 8)."""
        value = getattr(self, field.attname)
        label = next((label for key, label in field.flatchoices if key == value), value)
        return force_str(label, strings_only=True)


class StaleEdit(Exception):
    """Someone else saved the row after this copy of it was loaded."""

    def __init__(self, obj):
        super().__init__(f"{obj._meta.label} {obj.pk} changed since version {obj.version}")
        self.obj = obj


class Versioned(models.Model):
    """Optimistic locking: a save succeeds only if the row still has the version this copy was
    loaded with, so two people editing the same figures never silently overwrite each other."""

    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding:
            return super().save(*args, **kwargs)
        with transaction.atomic(using=kwargs.get("using")):
            claimed = (
                type(self)
                ._base_manager.filter(pk=self.pk, version=self.version)
                .update(version=F("version") + 1)
            )
            if not claimed:
                raise StaleEdit(self)
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
            return super().save(*args, **kwargs)


class FigureChangeNote(models.Model):
    """What a zone's history row adds to the copied columns: whether the officer's source note
    (`history_change_reason`) may be shown on the public page."""

    note_is_public = models.BooleanField(_("công khai ghi chú"), default=False)

    class Meta:
        abstract = True


class DeveloperCompany(TimeStamped):
    """The company that develops and runs a park: an outside account, not provincial staff.
    Its members propose new figures; officers approve them."""

    name = models.CharField(_("tên"), max_length=200)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        blank=True,
        related_name="developer_companies",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("doanh nghiệp phát triển hạ tầng")
        verbose_name_plural = _("doanh nghiệp phát triển hạ tầng")

    def __str__(self):
        return self.name


class Sector(TimeStamped):
    """An industry, welcomed on a plot or carried on by a project."""

    name = models.CharField(_("tên"), max_length=120)
    slug = models.SlugField(_("mã"), max_length=60, unique=True)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("ngành nghề")
        verbose_name_plural = _("ngành nghề")

    def __str__(self):
        return self.name


def manages_only_own_zones(user: "User") -> bool:
    """A zone's named manager who is not a superuser works on their own zones only. One query
    per user object: the answer is kept on it, as Django keeps a user's permissions."""
    if not hasattr(user, "_manages_only_own_zones"):
        # managed_zones is Zone.managers' reverse side, which django-stubs misses (see there).
        user._manages_only_own_zones = (  # type: ignore[attr-defined]
            not user.is_superuser and user.managed_zones.exists()  # type: ignore[attr-defined]
        )
    return user._manages_only_own_zones  # type: ignore[attr-defined]


class ZoneQuerySet(CatalogueQuerySet["Zone"]):
    def published(self) -> Self:
        return self.filter(is_published=True)

    def refresh_plot_totals(self) -> int:
        """Recount the stored plot totals (`plot_count`, `free_plot_count`, `free_plot_m2`,
        `plot_m2`, `sample_plot_count`) of these zones from their plots, in one UPDATE. Every
        save or delete of a plot does it for the plot's zone (see `plot_changed`); a bulk insert
        must call it itself.

        The zones' rows are locked first, and the recount is a statement of its own: on
        PostgreSQL it then sees every plot change committed before the lock was granted, so two
        plots of one zone saved at once never leave a stale total.
        """
        plots = Plot.objects.filter(zone=OuterRef("pk")).order_by().values("zone")
        available = plots.filter(status=Plot.Status.AVAILABLE)
        with transaction.atomic():
            ids = list(self.order_by("pk").select_for_update().values_list("pk", flat=True))
            return Zone.objects.filter(pk__in=ids).update(
                plot_count=Coalesce(Subquery(plots.annotate(n=Count("pk")).values("n")), 0),
                free_plot_count=Coalesce(
                    Subquery(available.annotate(n=Count("pk")).values("n")), 0
                ),
                free_plot_m2=Coalesce(
                    Subquery(available.annotate(s=Sum("area_m2")).values("s")),
                    Value(Decimal(0)),
                    output_field=models.DecimalField(max_digits=14, decimal_places=2),
                ),
                plot_m2=Coalesce(
                    Subquery(plots.annotate(s=Sum("area_m2")).values("s")),
                    Value(Decimal(0)),
                    output_field=models.DecimalField(max_digits=14, decimal_places=2),
                ),
                sample_plot_count=Coalesce(
                    Subquery(plots.filter(is_sample=True).annotate(n=Count("pk")).values("n")), 0
                ),
            )

    def listed_columns(self) -> Self:
        """Only the columns that zone lists, cards and map markers show: sorting 500 zones
        with every description in three languages cost more than the rest of /zones/."""
        return self.only(
            *Zone.LISTED_FIELDS, *(f"parent__{f}" for f in ("slug", *Zone.NAME_FIELDS))
        )

    def with_min_rent(self) -> Self:
        """Annotate `min_rent`: the lowest USD rent among available plots (one query)."""
        rents = (
            Plot.objects.filter(
                zone=OuterRef("pk"), status=Plot.Status.AVAILABLE, rent_currency=Plot.Currency.USD
            )
            .order_by("rent_amount")
            .values("rent_amount")[:1]
        )
        return self.annotate(min_rent=Subquery(rents))

    def for_listing(self) -> Self:
        """Published zones with what the cards and tables show, parks first: one query."""
        return self.published().select_related("parent").order_by("kind_rank", "name")

    def managed_by(self, user: "User") -> Self:
        """The zones `user` may see and edit in the admin: all of them for a superuser or for
        staff who manage none; only their own for a zone's named managers."""
        return self.filter(managers=user) if manages_only_own_zones(user) else self

    def headline_figures(self) -> dict[str, Any]:
        """The province-wide figures of the home page, in one query.

        `zone_count` counts every published zone, as the lists show them; the area sums leave
        economic zones out: the parks inside them are counted already. `free_land` totals the
        zones' free land by the rule of `Zone.free_area_ha`, rounded as its roughest part allows.
        """
        zones = self.for_listing()
        summed = ~Q(kind=Zone.Kind.ECONOMIC_ZONE)
        weighted = summed & Q(fill_rate_shown_pct__isnull=False, total_area_ha__isnull=False)
        Basis = Zone.FreeBasis
        estimated = summed & Q(free_area_basis__in=Basis.estimates())
        figures = zones.aggregate(
            zone_count=Count("pk"),
            cluster_count=Count("pk", filter=Q(kind=Zone.Kind.INDUSTRIAL_CLUSTER)),
            total_ha=Sum("total_area_ha", filter=summed),
            largest_approximate_ha=Max(
                "total_area_ha", filter=summed & Q(total_area_approximate=True)
            ),
            free_ha=Sum("free_area_ha", filter=summed),
            largest_estimate_ha=Max("free_area_ha", filter=estimated),
            upper_bounds=Count("pk", filter=summed & Q(free_area_basis=Basis.UPPER_BOUND)),
            free_unknown=Count("pk", filter=summed & Q(free_area_basis=Basis.UNKNOWN)),
            rated_area_ha=Sum("total_area_ha", filter=weighted),
            rated_area_x_fill=Sum(F("total_area_ha") * F("fill_rate_shown_pct"), filter=weighted),
            fill_rate_approximate=Count("pk", filter=weighted & Q(fill_rate_approximate=True)),
        )
        rated = figures.pop("rated_area_ha")
        product = figures.pop("rated_area_x_fill")
        figures["average_fill_rate_pct"] = (
            Decimal(product) / Decimal(rated) if rated and product is not None else None
        )
        figures["fill_rate_approximate"] = bool(figures["fill_rate_approximate"])
        # A total with an approximate part ("~400 ha") is approximate, rounded as that part.
        largest_approximate = figures.pop("largest_approximate_ha")
        figures["total_area_approximate"] = largest_approximate is not None
        if largest_approximate is not None and figures["total_ha"] is not None:
            figures["total_ha"] = round_to(
                Decimal(figures["total_ha"]), estimate_unit(Decimal(largest_approximate))
            )
        figures["free_land"] = FreeLand.total(
            figures.pop("free_ha"),
            largest_estimate_ha=figures.pop("largest_estimate_ha"),
            upper_bound=bool(figures.pop("upper_bounds")),
        )
        return figures


class Zone(Versioned, TimeStamped):
    """An industrial park (KCN), a local industrial cluster (CCN) or a border-gate economic zone."""

    class Kind(models.TextChoices):
        INDUSTRIAL_PARK = "kcn", _("Khu công nghiệp")
        INDUSTRIAL_CLUSTER = "ccn", _("Cụm công nghiệp")
        ECONOMIC_ZONE = "kkt", _("Khu kinh tế cửa khẩu")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Quy hoạch")
        SITE_CLEARANCE = "site_clearance", _("Giải phóng mặt bằng")
        UNDER_CONSTRUCTION = "under_construction", _("Đang xây dựng hạ tầng")
        OPERATING = "operating", _("Đang hoạt động")

        @property
        def badge(self):
            """Bootstrap colour of the status badge."""
            return {
                "planned": "secondary",
                "site_clearance": "warning",
                "under_construction": "info",
                "operating": "success",
            }[self.value]

        @property
        def colour(self):
            """The colour of the status's markers and legend swatch on the maps."""
            return {
                "planned": "#6c757d",
                "site_clearance": "#d9480f",
                "under_construction": "#0d6efd",
                "operating": "#198754",
            }[self.value]

    FreeBasis = FreeBasis
    AsOfPrecision = AsOfPrecision

    # Changing one of these is a change of the zone's figures: `figures_as_of` moves with it.
    FIGURE_FIELDS = (
        *("total_area_ha", "total_area_approximate", "leasable_area_ha"),
        *("leasable_area_approximate", "fill_rate_pct", "fill_rate_approximate", "status"),
    )
    # What the public history of the figures lists, in this order.
    HISTORY_FIELDS = (
        *("total_area_ha", "leasable_area_ha", "fill_rate_pct", "status", "reported_tenants"),
        *("reported_capital_vnd", "public_investment_vnd"),
    )
    # The text that must speak of the zone, never repeat its figures.
    PROSE_FIELDS = ("description", "infrastructure", "connectivity", "incentives")

    name = models.CharField(_("tên"), max_length=200)
    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True)
    kind = models.CharField(_("loại"), max_length=3, choices=Kind)
    district = models.CharField(_("huyện"), max_length=20, choices=District)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("nằm trong"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Ví dụ: KCN Hồng Phong nằm trong Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn."),
    )
    total_area_ha = models.DecimalField(
        _("tổng diện tích (ha)"), **AREA, null=True, blank=True, validators=POSITIVE
    )
    leasable_area_ha = models.DecimalField(
        _("diện tích đất công nghiệp cho thuê (ha)"),
        **AREA,
        null=True,
        blank=True,
        validators=POSITIVE,
    )
    total_area_approximate = models.BooleanField(
        _("tổng diện tích là số gần đúng (~)"),
        default=False,
        help_text=_("Đánh dấu khi nguồn ghi “khoảng”: trang công khai hiện dấu ~."),
    )
    leasable_area_approximate = models.BooleanField(
        _("diện tích cho thuê là số gần đúng (~)"), default=False
    )
    fill_rate_pct = models.DecimalField(
        _("tỷ lệ lấp đầy (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERCENT,
        help_text=_(
            "Phần trăm diện tích đất công nghiệp đã cho thuê. Để trống nếu chưa có báo cáo."
        ),
    )
    fill_rate_approximate = models.BooleanField(
        _("tỷ lệ lấp đầy là số gần đúng (~)"),
        default=False,
        help_text=_("Đánh dấu khi nguồn ghi “khoảng”: trang công khai hiện dấu ~."),
    )
    status = models.CharField(_("tình trạng"), max_length=20, choices=Status)
    reported_tenants = models.PositiveIntegerField(
        _("số doanh nghiệp đang hoạt động (theo báo cáo)"),
        null=True,
        blank=True,
        help_text=_(
            "Số doanh nghiệp theo báo cáo, khi báo cáo không nêu tên. Khi khu có danh sách dự "
            "án, trang công khai đếm theo danh sách."
        ),
    )
    reported_capital_vnd = models.DecimalField(
        _("tổng vốn đăng ký của các dự án (VND)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    reported_capital_approximate = models.BooleanField(
        _("vốn đăng ký là số gần đúng (~)"), default=False
    )
    public_investment_vnd = models.DecimalField(
        _("ngân sách tỉnh cho giải phóng mặt bằng và hạ tầng (VND)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    public_investment_approximate = models.BooleanField(
        _("ngân sách là số gần đúng (~)"), default=False
    )
    description = models.TextField(_("giới thiệu"), blank=True)
    infrastructure = models.TextField(_("hạ tầng"), blank=True)
    connectivity = models.TextField(_("kết nối giao thông"), blank=True)
    latitude = models.DecimalField(
        _("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    coordinates_are_sample = models.BooleanField(
        _("toạ độ minh hoạ"),
        default=False,
        help_text=_("Toạ độ gần đúng, chưa được cơ quan quản lý xác nhận."),
    )
    managing_body = models.CharField(_("cơ quan quản lý"), max_length=200, blank=True)
    contact_email = models.EmailField(_("email liên hệ"), blank=True)
    contact_phone = models.CharField(_("điện thoại liên hệ"), max_length=40, blank=True)
    figures_as_of = models.DateField(
        _("số liệu tính đến ngày"),
        null=True,
        blank=True,
        help_text=_(
            "Tự cập nhật (ngày hôm nay) khi diện tích, tỷ lệ lấp đầy hoặc tình trạng thay đổi. "
            "Với một năm hay một tháng, nhập ngày đầu của nó và chọn độ chính xác."
        ),
    )
    figures_as_of_precision = models.CharField(
        _("độ chính xác của ngày"),
        max_length=5,
        choices=AsOfPrecision,
        default=AsOfPrecision.DAY,
        help_text=_("Như nguồn ghi: một ngày, một tháng hoặc một năm."),
    )
    figures_as_of_until = models.DateField(
        _("đến (nếu là một khoảng)"),
        null=True,
        blank=True,
        help_text=_("Ví dụ báo cáo 2020–2021: từ 01/01/2020, đến 31/12/2021, độ chính xác năm."),
    )
    source = models.CharField(_("nguồn số liệu"), max_length=300, blank=True)
    is_sample = models.BooleanField(
        _("dữ liệu mẫu"),
        default=False,
        help_text=_("Đánh dấu khi bản ghi là dữ liệu minh hoạ, chưa phải số liệu chính thức."),
    )
    is_published = models.BooleanField(_("hiển thị công khai"), default=True)
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("ngành nghề thu hút"), blank=True, related_name="zones"
    )
    boundary = models.JSONField(
        _("ranh giới (GeoJSON)"),
        null=True,
        blank=True,
        validators=[validate_polygon],
        help_text=_("Dán một GeoJSON Polygon hoặc MultiPolygon, toạ độ [kinh độ, vĩ độ]."),
    )
    # Utilities, with the capacity still free, not only "available".
    power_substation_mva = models.DecimalField(
        _("trạm biến áp (MVA)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    power_spare_mva = models.DecimalField(
        _("công suất điện còn trống (MVA)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    water_m3_day = models.PositiveIntegerField(_("cấp nước (m³/ngày)"), null=True, blank=True)
    water_spare_m3_day = models.PositiveIntegerField(
        _("cấp nước còn trống (m³/ngày)"), null=True, blank=True
    )
    wastewater_m3_day = models.PositiveIntegerField(
        _("xử lý nước thải (m³/ngày)"), null=True, blank=True
    )
    wastewater_spare_m3_day = models.PositiveIntegerField(
        _("xử lý nước thải còn trống (m³/ngày)"), null=True, blank=True
    )
    telecom = models.CharField(_("viễn thông"), max_length=200, blank=True)
    internal_roads = models.CharField(_("đường nội khu"), max_length=200, blank=True)
    # Connectivity, in km by road.
    km_to_huu_nghi_gate = models.DecimalField(_("đến cửa khẩu Hữu Nghị (km)"), **KM)
    km_to_hanoi = models.DecimalField(_("đến Hà Nội (km)"), **KM)
    km_to_noi_bai = models.DecimalField(_("đến sân bay Nội Bài (km)"), **KM)
    km_to_hai_phong_port = models.DecimalField(_("đến cảng Hải Phòng (km)"), **KM)
    km_to_highway = models.DecimalField(_("đến cao tốc gần nhất (km)"), **KM)
    km_to_railway_station = models.DecimalField(_("đến ga đường sắt gần nhất (km)"), **KM)
    incentives = models.TextField(_("ưu đãi riêng của khu"), blank=True)
    details_are_sample = models.BooleanField(
        _("hạ tầng và khoảng cách là dữ liệu mẫu"),
        default=False,
        help_text=_("Bỏ đánh dấu khi công suất hạ tầng và khoảng cách đã được xác nhận."),
    )
    plots_complete = models.BooleanField(
        _("đã nhập đủ các lô"),
        default=False,
        help_text=_(
            "Đánh dấu khi mọi lô của khu đã được nhập: trang quản trị so tỷ lệ lấp đầy báo cáo "
            "với tỷ lệ tính từ diện tích các lô đã cho thuê."
        ),
    )
    # django-stubs cannot name this relation's through model (it can DeveloperCompany.members').
    managers = models.ManyToManyField(  # type: ignore[var-annotated]
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ quản lý"),
        blank=True,
        related_name="managed_zones",
        help_text=_("Cán bộ (không phải quản trị viên) chỉ thấy và sửa các khu mình quản lý."),
    )
    developer = models.ForeignKey(
        DeveloperCompany,
        verbose_name=_("doanh nghiệp phát triển hạ tầng"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="zones",
    )
    # Totals of the zone's plots, kept by `ZoneQuerySet.refresh_plot_totals` whenever a plot is
    # saved or deleted: every listing sorts and sums by free land, and summing 50,000 plots per
    # request cost more than the rest of the page. Never edited, never written by Zone.save.
    plot_count = models.PositiveIntegerField(_("số lô"), default=0, editable=False)
    free_plot_count = models.PositiveIntegerField(_("số lô còn trống"), default=0, editable=False)
    free_plot_m2 = models.DecimalField(
        _("diện tích các lô còn trống (m²)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        editable=False,
    )
    plot_m2 = models.DecimalField(
        _("tổng diện tích các lô (m²)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        editable=False,
    )
    sample_plot_count = models.PositiveIntegerField(_("số lô mẫu"), default=0, editable=False)
    PLOT_TOTALS = ("plot_count", "free_plot_count", "free_plot_m2", "plot_m2", "sample_plot_count")
    # Free land by the one rule every page, the API and the downloads use, computed by the
    # database from the columns above whenever the row changes:
    # - `plot_inventory`: staff marked the zone's plot list complete and none of its plots is
    #   sample data: free land is the area of the available plots, and the fill rate shown
    #   (`fill_rate_shown_pct`) is computed from the plots (reserved plots count as taken);
    # - `reported_fill_rate`: free land is estimated from the reported fill rate and the
    #   leasable area;
    # - `reported_fill_rate_upper_bound`: the leasable area is unknown, so the fill rate's free
    #   share of the total area (roads and green space included) is an upper bound;
    # - `unknown`: no fill rate reported (and no usable plot list): NULL.
    # Stored columns, not annotations: compiling the three CASE expressions into every listing's
    # query cost more CPU than running it (docs/performance.md). `free_area_ha` is unrounded
    # (see `Zone.free_land`).
    free_area_basis = models.GeneratedField(
        expression=Case(
            When(PLOT_INVENTORY, then=Value(FreeBasis.PLOT_INVENTORY.value)),
            When(
                FILL_RATE_REPORTED & Q(leasable_area_ha__isnull=False),
                then=Value(FreeBasis.REPORTED_FILL_RATE.value),
            ),
            When(
                FILL_RATE_REPORTED & Q(total_area_ha__isnull=False),
                then=Value(FreeBasis.UPPER_BOUND.value),
            ),
            default=Value(FreeBasis.UNKNOWN.value),
        ),
        output_field=models.CharField(max_length=40, choices=FreeBasis),
        db_persist=True,
        verbose_name=_("đất trống tính theo"),
    )
    free_area_ha = models.GeneratedField(
        expression=Case(
            When(PLOT_INVENTORY, then=F("free_plot_m2") * HA_PER_M2),
            When(
                FILL_RATE_REPORTED,
                then=Coalesce(F("leasable_area_ha"), F("total_area_ha"))
                * (Value(100) - F("fill_rate_pct"))
                * PER_CENT,
            ),
            default=None,
        ),
        output_field=models.DecimalField(max_digits=16, decimal_places=6, null=True),
        db_persist=True,
        verbose_name=_("đất trống (ha)"),
    )
    # A float division: SQLite divides whole decimals as integers.
    fill_rate_shown_pct = models.GeneratedField(
        expression=Case(
            When(
                PLOT_INVENTORY,
                then=Cast(
                    Cast(F("plot_m2") - F("free_plot_m2"), models.FloatField())
                    * 100
                    / Cast(F("plot_m2"), models.FloatField()),
                    models.DecimalField(max_digits=5, decimal_places=2),
                ),
            ),
            default=F("fill_rate_pct"),
        ),
        output_field=models.DecimalField(max_digits=5, decimal_places=2, null=True),
        db_persist=True,
        verbose_name=_("tỷ lệ lấp đầy hiển thị (%)"),
    )
    # Parks first, then clusters, then economic zones: every list's order.
    kind_rank = models.GeneratedField(
        expression=Case(
            *(When(kind=kind, then=Value(rank)) for rank, kind in enumerate(Kind)),
            default=Value(len(Kind)),
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )
    GENERATED_FIELDS = ("free_area_basis", "free_area_ha", "fill_rate_shown_pct", "kind_rank")
    # The name in every language (modeltranslation): what a list that shows only names loads.
    NAME_FIELDS = ("name", "name_vi", "name_en", "name_zh_hans")
    LISTED_FIELDS = (
        *("slug", *NAME_FIELDS, "kind", "district", "status", "parent", "is_sample"),
        *("total_area_ha", "leasable_area_ha", "fill_rate_pct", "figures_as_of"),
        *("total_area_approximate", "leasable_area_approximate", "fill_rate_approximate"),
        *("figures_as_of_precision", "figures_as_of_until", "plots_complete"),
        *("latitude", "longitude", "coordinates_are_sample", *PLOT_TOTALS, *GENERATED_FIELDS),
    )

    objects = ZoneQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("khu công nghiệp")
        verbose_name_plural = _("khu, cụm công nghiệp")
        constraints = [
            models.CheckConstraint(
                condition=Q(fill_rate_pct__isnull=True)
                | Q(fill_rate_pct__gte=0, fill_rate_pct__lte=100),
                name="zone_fill_rate_0_100",
            ),
            models.CheckConstraint(
                condition=Q(total_area_ha__isnull=True) | Q(total_area_ha__gt=0),
                name="zone_total_area_positive",
            ),
            models.CheckConstraint(
                condition=Q(leasable_area_ha__isnull=True) | Q(leasable_area_ha__gt=0),
                name="zone_leasable_area_positive",
            ),
            models.CheckConstraint(
                condition=Q(leasable_area_ha__isnull=True)
                | Q(total_area_ha__isnull=True)
                | Q(leasable_area_ha__lte=F("total_area_ha")),
                name="zone_leasable_within_total",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True)
                | Q(latitude__gte=BBOX["min_lat"], latitude__lte=BBOX["max_lat"]),
                name="zone_latitude_in_province",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True)
                | Q(longitude__gte=BBOX["min_lng"], longitude__lte=BBOX["max_lng"]),
                name="zone_longitude_in_province",
            ),
            models.CheckConstraint(
                condition=Q(power_spare_mva__isnull=True)
                | Q(power_substation_mva__isnull=True)
                | Q(power_spare_mva__lte=F("power_substation_mva")),
                name="zone_spare_power_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(water_spare_m3_day__isnull=True)
                | Q(water_m3_day__isnull=True)
                | Q(water_spare_m3_day__lte=F("water_m3_day")),
                name="zone_spare_water_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(wastewater_spare_m3_day__isnull=True)
                | Q(wastewater_m3_day__isnull=True)
                | Q(wastewater_spare_m3_day__lte=F("wastewater_m3_day")),
                name="zone_spare_wastewater_within_capacity",
            ),
        ]
        # Listings sort by the zone's name in the visitor's language; the plot search's first
        # page (plots by zone name, then code) walks zones in this order and stops after 20
        # plots instead of sorting every match (22 ms -> 0.1 ms at 50,000 plots).
        indexes = [
            models.Index(fields=["name_vi"], name="zone_name_vi"),
            models.Index(fields=["name_en"], name="zone_name_en"),
            models.Index(fields=["name_zh_hans"], name="zone_name_zh_hans"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self._state.adding and kwargs.get("update_fields") is None:
            # This copy's plot totals may be older than the row's: never write them back (nor,
            # as Django's own save does, the columns this copy did not load).
            skipped = {*self.get_deferred_fields(), *self.PLOT_TOTALS, *self.GENERATED_FIELDS}
            kwargs["update_fields"] = {
                f.attname
                for f in self._meta.concrete_fields
                if not f.primary_key and f.attname not in skipped
            }
        loaded = getattr(self, "_loaded", None)
        if loaded and loaded[0] != self._figures() and loaded[1] == self._as_of():
            # A figure changed and nobody dated it: the figures are as of today, to the day.
            self.figures_as_of = timezone.localdate()
            self.figures_as_of_precision = AsOfPrecision.DAY
            self.figures_as_of_until = None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], *self.AS_OF_FIELDS}
        updating = not self._state.adding
        super().save(*args, **kwargs)
        self._loaded = (self._figures(), self._as_of())
        if updating:
            # An UPDATE returns no columns: the database's new free land is read on first use.
            for name in self.GENERATED_FIELDS:
                self.__dict__.pop(name, None)

    def get_absolute_url(self):
        return kept_reverse("zones:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.parent_id and self.parent_id == self.pk:
            errors["parent"] = _("Một khu không thể nằm trong chính nó.")
        if (
            self.leasable_area_ha is not None
            and self.total_area_ha is not None
            and self.leasable_area_ha > self.total_area_ha
        ):
            errors["leasable_area_ha"] = _(
                "Diện tích cho thuê không thể lớn hơn tổng diện tích (%(total)s ha)."
            ) % {"total": self.total_area_ha}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.")
        elif self.latitude is not None and not in_province(self.longitude, self.latitude):
            errors["latitude"] = _("Toạ độ nằm ngoài tỉnh Lạng Sơn.")
        for spare, capacity in (
            ("power_spare_mva", "power_substation_mva"),
            ("water_spare_m3_day", "water_m3_day"),
            ("wastewater_spare_m3_day", "wastewater_m3_day"),
        ):
            spare_value, capacity_value = getattr(self, spare), getattr(self, capacity)
            if (
                spare_value is not None
                and capacity_value is not None
                and spare_value > capacity_value
            ):
                errors[spare] = _("Phần còn trống không thể lớn hơn tổng công suất.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def from_db(cls, db, field_names, values):
        zone = super().from_db(db, field_names, values)
        # Not when a figure or its date was deferred.
        if {*cls.FIGURE_FIELDS, *cls.AS_OF_FIELDS} <= set(field_names):
            zone._loaded = (zone._figures(), zone._as_of())
        return zone

    AS_OF_FIELDS = ("figures_as_of", "figures_as_of_precision", "figures_as_of_until")

    def _figures(self):
        return {name: self.__dict__.get(name) for name in self.FIGURE_FIELDS}

    def _as_of(self):
        return tuple(self.__dict__.get(name) for name in self.AS_OF_FIELDS)

    @property
    def figures_as_of_label(self) -> str:
        """ "2020–2021", "06/2024" or "15/06/2024": as precise as the source."""
        return as_of_label(
            self.figures_as_of, self.figures_as_of_precision, self.figures_as_of_until
        )

    @property
    def free_land(self) -> FreeLand:
        """The free land by the one rule (`free_area_basis`, `free_area_ha`)."""
        return FreeLand.of(self)

    def figures_in_prose(self) -> dict[str, list[str]]:
        """{column: figures} for every language's description-like text that repeats a figure."""
        found = {}
        for field in self.PROSE_FIELDS:
            for code, _name in settings.LANGUAGES:
                column = f"{field}_{code.replace('-', '_')}"
                if figures := figures_in_prose(getattr(self, column, "") or ""):
                    found[column] = figures
        return found

    @property
    def status_badge(self):
        return self.Status(self.status).badge

    def fill_rate_history(self):
        """(date, fill rate) points from the zone's history, one per date of figures, oldest
        first: one query. A point is dated by the figures' own date, not by when they were typed."""
        return [(day, rate) for day, rate, *_ in self.figure_history()[0]]

    # The approximate flag of each figure that has one.
    APPROXIMATE_FLAGS = {
        "total_area_ha": "total_area_approximate",
        "leasable_area_ha": "leasable_area_approximate",
        "fill_rate_pct": "fill_rate_approximate",
        "reported_capital_vnd": "reported_capital_approximate",
        "public_investment_vnd": "public_investment_approximate",
    }

    def figure_history(self, limit=10):
        """From the zone's history, in one query: the fill rate's points for the chart, one per
        date of figures, oldest first, as (date, rate, date label, rate as text); and the public
        list of changes, newest first: {"as_of", "changed", "changes": [(label, old, new)],
        "note"}, the officer's note only where they ticked "publish this note"."""
        columns = [*self.HISTORY_FIELDS, *self.APPROXIMATE_FLAGS.values(), *self.AS_OF_FIELDS]
        records = self.history.order_by("history_date", "history_id").values(
            *columns, "history_date", "history_change_reason", "note_is_public"
        )
        points: dict = {}
        changes = []
        previous = None
        for record in records:
            label = as_of_label(
                record["figures_as_of"],
                record["figures_as_of_precision"],
                record["figures_as_of_until"],
            )
            if record["fill_rate_pct"] is not None:
                day = record["figures_as_of"] or timezone.localdate(record["history_date"])
                points[day] = (
                    record["fill_rate_pct"],
                    label or date_format(day, "DATE_FORMAT"),
                    self._history_value(record, "fill_rate_pct"),
                )
            if previous is not None:
                changed = [
                    (
                        str(self._meta.get_field(field).verbose_name),
                        self._history_value(previous, field),
                        self._history_value(record, field),
                    )
                    for field in self.HISTORY_FIELDS
                    if self._history_value(previous, field) != self._history_value(record, field)
                ]
                if changed:
                    changes.append(
                        {
                            "as_of": label,
                            "changed": record["history_date"],
                            "changes": changed,
                            "note": record["history_change_reason"]
                            if record["note_is_public"]
                            else "",
                        }
                    )
            previous = record
        chart = [(day, *point) for day, point in sorted(points.items())]
        return chart, changes[::-1][:limit]

    def _history_value(self, record, field):
        """A figure of a history row as the public page shows it ("~60 %", "162 ha")."""
        value = record[field]
        approximate = record.get(self.APPROXIMATE_FLAGS.get(field, ""), False)
        if value is None:
            return "–"
        if field == "status":
            return str(self.Status(value).label)
        if field == "fill_rate_pct":
            return pct(value, approximate)
        if field.endswith("_ha"):
            return ha(value, approximate)
        if field.endswith("_vnd"):
            return f"{'~' if approximate else ''}{vnd(value)}"
        return str(value)

    @property
    def computed_fill_rate_pct(self):
        """Fill rate from the recorded plots: the share of their area not available (the rule
        of `free_area_ha`), from the stored plot totals."""
        if not self.plot_m2:
            return None
        return (self.plot_m2 - self.free_plot_m2) * 100 / self.plot_m2

    @property
    def fill_rate_shown_approximate(self) -> bool:
        """The shown fill rate is the reported one, given as approximate (not from plots)."""
        return self.fill_rate_approximate and (self.free_area_basis != FreeBasis.PLOT_INVENTORY)

    @property
    def plot_inventory_is_real(self) -> bool:
        """Whether free land comes from the plots: complete, and none of them sample."""
        return self.plots_complete and self.plot_count > 0 and not self.sample_plot_count

    @property
    def occupied_area_ha(self):
        """Land taken, from the reported fill rate (None when not reported)."""
        base = self.leasable_area_ha or self.total_area_ha
        if base is None or self.fill_rate_pct is None:
            return None
        return base * self.fill_rate_pct / 100


class PlotQuerySet(CatalogueQuerySet["Plot"]):
    def published(self) -> Self:
        """Plots of the zones shown to the public."""
        return self.filter(zone__is_published=True)

    def available(self) -> Self:
        return self.filter(status=Plot.Status.AVAILABLE)

    def by_reference(self, reference: str) -> Self:
        """The plot named `<zone slug>/<code>` (`Plot.reference`), as a queryset: empty for a
        malformed name. The code may hold a slash, a slug never does."""
        slug, _, code = str(reference).partition("/")
        if not (slug and code) or "\x00" in reference:  # PostgreSQL refuses NUL in text
            return self.none()
        return self.filter(zone__slug=slug, code=code)

    def free_first(self) -> Self:
        """Available plots first, then reserved, then leased; by code within each."""
        order = Case(
            *(When(status=status, then=Value(i)) for i, status in enumerate(Plot.Status)),
            output_field=models.IntegerField(),
        )
        return self.alias(status_order=order).order_by("status_order", "code")


class Plot(Versioned, TimeStamped):
    """A parcel of land in a zone, to lease."""

    # Annotated by the search near a crossing (NearFilterSet). None otherwise, so that a template
    # asking for it finds it: a missing attribute costs the template 26 µs of exceptions a row.
    distance_km_sq: float | None = None

    class Status(models.TextChoices):
        AVAILABLE = "available", _("Còn trống")
        RESERVED = "reserved", _("Đã giữ chỗ")
        LEASED = "leased", _("Đã cho thuê")

        @property
        def badge(self):
            """Bootstrap colour of the status badge."""
            return {"available": "success", "reserved": "warning", "leased": "secondary"}[
                self.value
            ]

        @property
        def colour(self):
            """The colour of the status's plots and legend swatch on the maps."""
            return {"available": "#198754", "reserved": "#d9480f", "leased": "#6c757d"}[self.value]

    class Currency(models.TextChoices):
        VND = "VND", "VND"
        USD = "USD", "USD"

    class RentBasis(models.TextChoices):
        PER_M2_YEAR = "m2_year", _("/m²/năm")
        PER_M2_TERM = "m2_term", _("/m² cho cả thời hạn thuê")

    zone = models.ForeignKey(
        Zone, verbose_name=_("khu"), on_delete=models.CASCADE, related_name="plots"
    )
    code = models.CharField(_("ký hiệu lô"), max_length=20)
    area_m2 = models.DecimalField(
        _("diện tích (m²)"), max_digits=12, decimal_places=2, validators=POSITIVE
    )
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=Status, default=Status.AVAILABLE
    )
    rent_amount = models.DecimalField(
        _("giá thuê tham khảo"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
        help_text=_("Để trống nếu giá thuê theo thoả thuận."),
    )
    rent_currency = models.CharField(
        _("đơn vị tiền"), max_length=3, choices=Currency, default=Currency.USD
    )
    rent_basis = models.CharField(
        _("cách tính giá"), max_length=10, choices=RentBasis, default=RentBasis.PER_M2_TERM
    )
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("ngành nghề được tiếp nhận"), blank=True, related_name="plots"
    )
    description = models.CharField(
        _("mô tả"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: mặt tiền đường nội khu, gần trạm biến áp."),
    )
    shape = models.CharField(
        _("hình dạng"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: gần vuông, khoảng 300 × 400 m; đất đã san nền."),
    )
    road_frontage_m = models.DecimalField(
        _("mặt tiền đường (m)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    utilities_at_edge = models.CharField(
        _("hạ tầng đến chân lô"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: điện 22 kV, nước sạch, thoát nước thải, cáp quang đến ranh lô."),
    )
    lease_term_ends = models.DateField(_("thời hạn thuê đến"), null=True, blank=True)
    rent_quoted_on = models.DateField(_("ngày báo giá"), null=True, blank=True)
    boundary = models.JSONField(
        _("ranh giới (GeoJSON)"),
        null=True,
        blank=True,
        validators=[validate_polygon],
        help_text=_("Dán một GeoJSON Polygon, toạ độ [kinh độ, vĩ độ]."),
    )
    # The outline's extent, kept by save() from `boundary`: a search by map area is then four
    # comparisons in SQL, on SQLite and PostgreSQL alike (no PostGIS here).
    west_lng = models.FloatField(_("kinh độ tây của ranh giới"), null=True, editable=False)
    south_lat = models.FloatField(_("vĩ độ nam của ranh giới"), null=True, editable=False)
    east_lng = models.FloatField(_("kinh độ đông của ranh giới"), null=True, editable=False)
    north_lat = models.FloatField(_("vĩ độ bắc của ranh giới"), null=True, editable=False)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)
    min_part_m2 = models.DecimalField(
        _("phần nhỏ nhất khi chia lô (m²)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
        help_text=_("Để trống nếu lô không chia nhỏ được."),
    )

    objects = PlotQuerySet.as_manager()

    class Meta:
        ordering = ["zone", "code"]
        verbose_name = _("lô đất")
        verbose_name_plural = _("lô đất")
        # Free land per zone is summed from each zone's plots of one status, for every listing.
        indexes = [
            models.Index(fields=["zone", "status", "area_m2"], name="plot_zone_status_area"),
            # Counting the plot search's matches by status reads this index alone (16 -> 6 ms
            # for the 17,000 available plots of 50,000).
            models.Index(fields=["status", "zone"], name="plot_status_zone"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["zone", "code"], name="plot_code_unique_in_zone"),
            models.CheckConstraint(condition=Q(area_m2__gt=0), name="plot_area_positive"),
            models.CheckConstraint(
                condition=Q(min_part_m2__isnull=True)
                | Q(min_part_m2__gt=0, min_part_m2__lt=F("area_m2")),
                name="plot_min_part_within_area",
            ),
            models.CheckConstraint(
                condition=Q(rent_amount__isnull=True) | Q(rent_amount__gt=0),
                name="plot_rent_positive",
            ),
            models.CheckConstraint(
                condition=Q(
                    west_lng__isnull=True,
                    south_lat__isnull=True,
                    east_lng__isnull=True,
                    north_lat__isnull=True,
                )
                | Q(
                    west_lng__isnull=False,
                    south_lat__isnull=False,
                    east_lng__isnull=False,
                    north_lat__isnull=False,
                    west_lng__lte=F("east_lng"),
                    south_lat__lte=F("north_lat"),
                ),
                name="plot_extent_whole",
            ),
        ]

    EXTENT_FIELDS = ("west_lng", "south_lat", "east_lng", "north_lat")

    def __str__(self):
        return f"{self.zone} – {self.code}"

    def save(self, *args, **kwargs):
        extent = outline_extent(self.boundary) or (None, None, None, None)
        for field, value in zip(self.EXTENT_FIELDS, extent, strict=True):
            setattr(self, field, value)
        if (fields := kwargs.get("update_fields")) is not None and "boundary" in fields:
            kwargs["update_fields"] = {*fields, *self.EXTENT_FIELDS}
        return super().save(*args, **kwargs)

    def get_absolute_url(self):
        return kept_reverse("zones:plot", kwargs={"slug": self.zone.slug, "code": self.code})

    @property
    def reference(self):
        """How outsiders name the plot, in links and the API: `<zone slug>/<code>`, never its
        database id (`PlotQuerySet.by_reference` finds it again)."""
        return f"{self.zone.slug}/{self.code}"

    @classmethod
    def from_db(cls, db, field_names, values):
        plot = super().from_db(db, field_names, values)
        # The zone it was loaded in: moving it to another zone recounts both (zones.signals).
        plot._loaded_zone_id = plot.__dict__.get("zone_id")
        return plot

    @property
    def area_ha(self):
        return self.area_m2 / M2_PER_HA

    @property
    def min_part_ha(self):
        return self.min_part_m2 / M2_PER_HA if self.min_part_m2 is not None else None

    def validate_constraints(self, exclude=None):
        # The extent is derived by save() from the outline, so before a save it describes the
        # old one: nothing to check in a form, and no query per plot for it (the database still
        # refuses half an extent).
        super().validate_constraints(exclude={*(exclude or ()), *self.EXTENT_FIELDS})

    def clean(self):
        if self.min_part_m2 is not None and self.area_m2 and self.min_part_m2 >= self.area_m2:
            raise ValidationError(
                {"min_part_m2": _("Phần nhỏ nhất phải nhỏ hơn diện tích của lô.")}
            )

    @property
    def status_badge(self):
        return self.Status(self.status).badge


class Project(Versioned, TimeStamped):
    """A tenant's investment project in a zone, and optionally on one of its plots."""

    class Status(models.TextChoices):
        INVESTMENT_PROCEDURES = "procedures", _("Đang làm thủ tục đầu tư")
        UNDER_CONSTRUCTION = "construction", _("Đang xây dựng")
        OPERATING = "operating", _("Đang sản xuất kinh doanh")
        SUSPENDED = "suspended", _("Tạm dừng")
        WITHDRAWN = "withdrawn", _("Đã rút")

        @property
        def badge(self):
            return {
                "procedures": "info",
                "construction": "primary",
                "operating": "success",
                "suspended": "warning",
                "withdrawn": "secondary",
            }[self.value]

    zone = models.ForeignKey(
        Zone, verbose_name=_("khu"), on_delete=models.CASCADE, related_name="projects"
    )
    plot = models.ForeignKey(
        Plot,
        verbose_name=_("lô đất"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
    )
    investor_name = models.CharField(_("nhà đầu tư"), max_length=200)
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("ngành nghề"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    registered_capital_vnd = models.DecimalField(
        _("vốn đăng ký (VND)"),
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    area_ha = models.DecimalField(
        _("diện tích (ha)"), **AREA, null=True, blank=True, validators=POSITIVE
    )
    status = models.CharField(_("tình trạng"), max_length=20, choices=Status)
    description = models.CharField(_("mô tả dự án"), max_length=300, blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["zone", "investor_name"]
        verbose_name = _("dự án")
        verbose_name_plural = _("dự án")
        constraints = [
            models.CheckConstraint(
                condition=Q(registered_capital_vnd__isnull=True) | Q(registered_capital_vnd__gt=0),
                name="project_capital_positive",
            ),
            models.CheckConstraint(
                condition=Q(area_ha__isnull=True) | Q(area_ha__gt=0),
                name="project_area_positive",
            ),
        ]

    def __str__(self):
        return f"{self.investor_name} ({self.zone})"

    def clean(self):
        if self.plot_id and self.zone_id and self.plot.zone_id != self.zone_id:
            raise ValidationError({"plot": _("Lô đất này không thuộc khu đã chọn.")})

    @property
    def status_badge(self):
        return self.Status(self.status).badge


class Indicator(TimeStamped):
    """A province-wide figure: industrial growth, production value, land planned."""

    class Unit(models.TextChoices):
        PERCENT = "percent", "%"
        BILLION_VND = "billion_vnd", _("tỷ đồng")
        HECTARE = "ha", _("ha")
        COUNT = "count", _("khu/cụm")

    slug = models.SlugField(_("mã"), max_length=80, unique=True)
    name = models.CharField(_("chỉ tiêu"), max_length=200)
    value = models.DecimalField(_("giá trị"), max_digits=16, decimal_places=2)
    is_approximate = models.BooleanField(
        _("số gần đúng (~)"),
        default=False,
        help_text=_("Đánh dấu khi nguồn ghi “khoảng”: trang công khai hiện dấu ~."),
    )
    unit = models.CharField(_("đơn vị"), max_length=12, choices=Unit)
    period = models.CharField(_("thời kỳ"), max_length=20, help_text=_("Ví dụ: 2020, 2016–2020."))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    source = models.CharField(_("nguồn"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("chỉ tiêu của tỉnh")
        verbose_name_plural = _("chỉ tiêu của tỉnh")

    def __str__(self):
        return f"{self.name} ({self.period})"

    @property
    def value_vnd(self):
        """The value in đồng, for a money indicator (None for any other unit)."""
        return self.value * 10**9 if self.unit == self.Unit.BILLION_VND else None


def private_storage():
    """Files with no public URL: served only by a view that checks who asks.
    STORAGES["private"]: PRIVATE_MEDIA_ROOT on disk, or a private bucket (MEDIA_STORAGE=s3)."""
    return storages["private"]


def proposal_document_path(instance, filename):
    """Uploads are stored under a generated name: never the name the uploader chose."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"proposals/{uuid.uuid4().hex}.{extension}"


class Proposal(TimeStamped):
    """New figures for a zone proposed by its developer, waiting for an officer's decision.
    Nothing changes on the public site until an officer approves."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Bị từ chối")

    zone = models.ForeignKey(
        Zone, verbose_name=_("khu"), on_delete=models.CASCADE, related_name="proposals"
    )
    company = models.ForeignKey(
        DeveloperCompany,
        verbose_name=_("doanh nghiệp"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đề xuất"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    fill_rate_pct = models.DecimalField(
        _("tỷ lệ lấp đầy đề xuất (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERCENT,
    )
    note = models.TextField(_("ghi chú"), max_length=2000, blank=True)
    document = models.FileField(
        _("tài liệu kèm theo"),
        upload_to=proposal_document_path,
        storage=private_storage,
        blank=True,
        validators=[FileExtensionValidator(["pdf", "png", "jpg", "jpeg"]), validate_document],
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người quyết định"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decided_proposals",
    )
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    rejection_reason = models.TextField(_("lý do từ chối"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("đề xuất cập nhật số liệu")
        verbose_name_plural = _("đề xuất cập nhật số liệu")
        constraints = [
            models.CheckConstraint(
                condition=Q(fill_rate_pct__isnull=True)
                | Q(fill_rate_pct__gte=0, fill_rate_pct__lte=100),
                name="proposal_fill_rate_0_100",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="proposal_rejection_has_reason",
            ),
        ]

    def __str__(self):
        return f"#{self.pk} {self.zone} ({self.get_status_display()})"

    def clean(self):
        if self.status == self.Status.REJECTED and not self.rejection_reason.strip():
            raise ValidationError(
                {"rejection_reason": _("Hãy ghi lý do từ chối để doanh nghiệp biết.")}
            )


class ProposalPlotChange(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="plot_changes")
    plot = models.ForeignKey(Plot, verbose_name=_("lô đất"), on_delete=models.CASCADE)
    status = models.CharField(_("tình trạng đề xuất"), max_length=10, choices=Plot.Status)

    class Meta:
        verbose_name = _("thay đổi lô đất")
        verbose_name_plural = _("thay đổi lô đất")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "plot"], name="proposal_plot_once")
        ]

    def __str__(self):
        return f"{self.plot.code} → {self.get_status_display()}"


class ProposalProjectChange(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="project_changes")
    project = models.ForeignKey(Project, verbose_name=_("dự án"), on_delete=models.CASCADE)
    status = models.CharField(_("tình trạng đề xuất"), max_length=20, choices=Project.Status)

    class Meta:
        verbose_name = _("thay đổi dự án")
        verbose_name_plural = _("thay đổi dự án")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "project"], name="proposal_project_once")
        ]

    def __str__(self):
        return f"{self.project} → {self.get_status_display()}"


def photo_upload_path(instance, filename):
    """A random name under photos/uploads/, never the one the uploader gave; process_photo
    names the cleaned file it stores by the photo's real format, so the extension is right."""
    extension = PurePath(filename).suffix.lower()
    if extension.removeprefix(".") not in ALLOWED_FORMATS.values():
        extension = ""
    return f"photos/uploads/{uuid.uuid4().hex}{extension}"


class ZonePhoto(TimeStamped):
    """A photo of a zone, shown in its gallery as resized WebP renditions; a photo of one of its
    plots names the plot too, and shows on the plot's page as well (one model, so plot photos
    go through the same upload checks, processing and permissions as the zone's)."""

    zone = models.ForeignKey(
        Zone, verbose_name=_("khu"), on_delete=models.CASCADE, related_name="photos"
    )
    plot = models.ForeignKey(
        "Plot",
        verbose_name=_("lô đất"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="photos",
        help_text=_("Để trống nếu là ảnh của cả khu."),
    )
    image = models.ImageField(
        _("ảnh"),
        upload_to=photo_upload_path,
        width_field="width",
        height_field="height",
        validators=[validate_photo],
        help_text=_("JPEG, PNG hoặc WebP. Thông tin EXIF (kể cả vị trí GPS) sẽ được xoá."),
    )
    alt_text = models.CharField(
        _("mô tả ảnh cho người khiếm thị"),
        max_length=200,
        help_text=_("Ảnh cho thấy gì, trong một câu. Bắt buộc."),
    )
    caption = models.CharField(_("chú thích"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    renditions = models.JSONField(default=dict, editable=False)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["zone", "position", "pk"]
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="photo_alt_text_required"),
        ]

    def __str__(self):
        return self.alt_text

    def save(self, *args, **kwargs):
        self._zone_from_plot()
        if self.image and (self._state.adding or not self.renditions or self._image_changed()):
            self.width, self.height, self.renditions = process_photo(self)
        super().save(*args, **kwargs)

    def clean(self):
        self._zone_from_plot()
        if self.plot_id and self.zone_id and self.plot.zone_id != self.zone_id:
            raise ValidationError({"plot": _("Lô đất này không thuộc khu đã chọn.")})

    def _zone_from_plot(self):
        """A photo added on a plot's page is a photo of that plot's zone."""
        if self.plot_id and not self.zone_id:
            self.zone_id = self.plot.zone_id

    def _image_changed(self):
        stored = type(self)._base_manager.filter(pk=self.pk).values_list("image", flat=True)
        return stored.first() != self.image.name

    @property
    def srcset(self):
        return ", ".join(
            f"{default_storage.url(name)} {width}w"
            for width, name in sorted(self.renditions.items(), key=lambda item: int(item[0]))
        )

    @property
    def src(self):
        """The middle rendition: the fallback for browsers without srcset."""
        names = [name for _, name in sorted(self.renditions.items(), key=lambda i: int(i[0]))]
        return default_storage.url(names[len(names) // 2]) if names else self.image.url


class CostItem(TimeStamped):
    """One price an occupant pays: a zone's, or a plot's where it differs from its zone's.
    No figure without its unit and basis; no amount means "on request"."""

    class Kind(models.TextChoices):
        LAND_RENT = "land_rent", _("Tiền thuê đất")
        MANAGEMENT_FEE = "management_fee", _("Phí hạ tầng, phí quản lý")
        POWER = "power", _("Giá điện")
        WATER = "water", _("Giá nước sạch")
        WASTEWATER = "wastewater", _("Giá xử lý nước thải")
        VAT = "vat", _("Thuế giá trị gia tăng")
        DEPOSIT = "deposit", _("Đặt cọc")

    class Basis(models.TextChoices):
        PER_M2_YEAR = "m2_year", _("/m²/năm")
        PER_M2_TERM = "m2_term", _("/m² cho cả thời hạn thuê")
        PER_KWH = "kwh", _("/kWh")
        PER_M3 = "m3", _("/m³")
        PERCENT = "percent", _("%")
        MONTHS_OF_RENT = "months", _("tháng tiền thuê")

    class TimeOfDay(models.TextChoices):
        ALL_DAY = "", _("cả ngày")
        PEAK = "peak", _("giờ cao điểm")
        NORMAL = "normal", _("giờ bình thường")
        OFF_PEAK = "off_peak", _("giờ thấp điểm")

    # Bases whose amount is a count, not money.
    WITHOUT_CURRENCY = (Basis.PERCENT, Basis.MONTHS_OF_RENT)

    zone = models.ForeignKey(
        Zone, verbose_name=_("khu"), on_delete=models.CASCADE, related_name="costs"
    )
    plot = models.ForeignKey(
        Plot,
        verbose_name=_("riêng cho lô"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="costs",
        help_text=_("Để trống nếu áp dụng cho cả khu."),
    )
    kind = models.CharField(_("khoản"), max_length=20, choices=Kind)
    time_of_day = models.CharField(
        _("khung giờ"), max_length=10, choices=TimeOfDay, blank=True, default=""
    )
    amount = models.DecimalField(
        _("mức"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
        help_text=_("Để trống nếu chỉ báo khi có yêu cầu."),
    )
    currency = models.CharField(
        _("đơn vị tiền"), max_length=3, choices=Plot.Currency, blank=True, default=""
    )
    basis = models.CharField(_("cách tính"), max_length=10, choices=Basis)
    term_ends_year = models.PositiveSmallIntegerField(
        _("thời hạn thuê đến năm"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2150)],
    )
    note = models.CharField(
        _("ghi chú"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: trả một lần khi ký hợp đồng; giá chưa gồm VAT."),
    )
    as_of = models.DateField(_("tính đến ngày"), null=True, blank=True)
    source = models.CharField(_("nguồn"), max_length=300, blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["zone", "kind", "time_of_day", "pk"]
        verbose_name = _("chi phí")
        verbose_name_plural = _("chi phí")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gt=0), name="cost_amount_positive"
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True)
                | Q(basis__in=["percent", "months"])
                | ~Q(currency=""),
                name="cost_money_has_currency",
            ),
        ]

    def __str__(self):
        return f"{self.zone} – {self.get_kind_display()}"

    def clean(self):
        if (
            self.amount is not None
            and self.basis not in self.WITHOUT_CURRENCY
            and not self.currency
        ):
            raise ValidationError({"currency": _("Hãy chọn đơn vị tiền cho mức giá này.")})
        if self.plot_id and self.zone_id and self.plot.zone_id != self.zone_id:
            raise ValidationError({"plot": _("Lô đất này không thuộc khu đã chọn.")})


class ExchangeRate(TimeStamped):
    """What one unit of a foreign currency is worth in đồng, as staff set it, with its date:
    the cost calculator shows its sums in VND, USD and CNY at these rates."""

    class Currency(models.TextChoices):
        USD = "USD", "USD"
        CNY = "CNY", "CNY"

    currency = models.CharField(_("ngoại tệ"), max_length=3, choices=Currency, unique=True)
    vnd_per_unit = models.DecimalField(
        _("số đồng cho một đơn vị"), max_digits=12, decimal_places=2, validators=POSITIVE
    )
    as_of = models.DateField(_("tỷ giá ngày"))
    source = models.CharField(
        _("nguồn"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: tỷ giá bán của Vietcombank."),
    )
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        ordering = ["currency"]
        verbose_name = _("tỷ giá")
        verbose_name_plural = _("tỷ giá")
        constraints = [
            models.CheckConstraint(condition=Q(vnd_per_unit__gt=0), name="rate_positive"),
        ]

    def __str__(self):
        return f"1 {self.currency} = {self.vnd_per_unit} VND ({self.as_of})"


class BuildingQuerySet(CatalogueQuerySet["Building"]):
    def published(self) -> Self:
        return self.filter(zone__is_published=True)


class Building(TimeStamped):
    """A ready-built factory or warehouse to rent in a zone, beside its land."""

    class Kind(models.TextChoices):
        FACTORY = "factory", _("Nhà xưởng")
        WAREHOUSE = "warehouse", _("Nhà kho")

    zone = models.ForeignKey(
        Zone, verbose_name=_("khu"), on_delete=models.CASCADE, related_name="buildings"
    )
    code = models.SlugField(_("ký hiệu"), max_length=40)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind)
    floor_area_m2 = models.DecimalField(
        _("diện tích sàn (m²)"), max_digits=10, decimal_places=1, validators=POSITIVE
    )
    clear_height_m = models.DecimalField(
        _("chiều cao thông thuỷ (m)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    floor_load_t_m2 = models.DecimalField(
        _("tải trọng sàn (tấn/m²)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    crane_t = models.DecimalField(
        _("cầu trục (tấn)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    power_kva = models.PositiveIntegerField(_("công suất điện (kVA)"), null=True, blank=True)
    dock_doors = models.PositiveSmallIntegerField(_("số cửa xuất nhập hàng"), null=True, blank=True)
    year_built = models.PositiveSmallIntegerField(
        _("năm xây dựng"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    rent_usd_m2_month = models.DecimalField(
        _("giá thuê (USD/m²/tháng)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=POSITIVE,
        help_text=_("Để trống nếu giá thuê theo thoả thuận."),
    )
    available_from = models.DateField(_("sẵn sàng từ ngày"), null=True, blank=True)
    rent_quoted_on = models.DateField(_("ngày báo giá"), null=True, blank=True)
    is_sample = models.BooleanField(_("dữ liệu mẫu"), default=False)

    objects = BuildingQuerySet.as_manager()

    class Meta:
        ordering = ["zone", "code"]
        verbose_name = _("nhà xưởng, kho xây sẵn")
        verbose_name_plural = _("nhà xưởng, kho xây sẵn")
        constraints = [
            models.UniqueConstraint(fields=["zone", "code"], name="building_code_unique_in_zone"),
            models.CheckConstraint(condition=Q(floor_area_m2__gt=0), name="building_area_positive"),
            models.CheckConstraint(
                condition=Q(rent_usd_m2_month__isnull=True) | Q(rent_usd_m2_month__gt=0),
                name="building_rent_positive",
            ),
        ]

    def __str__(self):
        return f"{self.zone} – {self.code}"

    def get_absolute_url(self):
        return reverse("zones:building", kwargs={"slug": self.zone.slug, "code": self.code})

    @property
    def monthly_rent_usd(self):
        """The whole building's rent a month, where a rate per m² is given."""
        if self.rent_usd_m2_month is None:
            return None
        return self.rent_usd_m2_month * self.floor_area_m2


class ContactPointQuerySet(CatalogueQuerySet["ContactPoint"]):
    def published(self) -> Self:
        return self.filter(Q(zone__isnull=True) | Q(zone__is_published=True), is_published=True)

    def provincial(self) -> Self:
        """The bodies that serve every zone: the promotion body and the management board."""
        return self.published().filter(zone__isnull=True)

    def of_zone(self, zone: "Zone") -> Self:
        """The zone's own managing body and developer."""
        return self.published().filter(zone=zone).order_by("-kind", "position")


class ContactPoint(TimeStamped):
    """Where an investor reaches a body that answers for the land: kept by staff, with history.

    The source report names the bodies but gives no address, telephone or e-mail: entries
    shipped with such details are sample (`is_sample`) and shown so until staff set the real ones.
    """

    class Kind(models.TextChoices):
        PROMOTION = "promotion", _("Cơ quan xúc tiến đầu tư")
        ZONE_BOARD = "zone_board", _("Ban quản lý khu kinh tế")
        MANAGING_BODY = "managing_body", _("Cơ quan quản lý khu")
        DEVELOPER = "developer", _("Doanh nghiệp phát triển hạ tầng")

    ZONE_KINDS = (Kind.MANAGING_BODY, Kind.DEVELOPER)

    kind = models.CharField(_("loại"), max_length=20, choices=Kind)
    zone = models.ForeignKey(
        Zone,
        verbose_name=_("khu"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_points",
        help_text=_("Bắt buộc với cơ quan quản lý khu và doanh nghiệp phát triển hạ tầng."),
    )
    name = models.CharField(_("tên"), max_length=200)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    working_hours = models.CharField(_("giờ làm việc"), max_length=200, blank=True)
    languages = models.CharField(
        _("ngôn ngữ giao tiếp"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: “Tiếng Việt, tiếng Anh, tiếng Trung”."),
    )
    latitude = models.DecimalField(
        _("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    is_sample = models.BooleanField(
        _("dữ liệu mẫu"),
        default=False,
        help_text=_("Địa chỉ, điện thoại, email minh hoạ: bỏ đánh dấu khi đã nhập thông tin thật."),
    )
    is_published = models.BooleanField(_("hiển thị công khai"), default=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = ContactPointQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("đầu mối liên hệ")
        verbose_name_plural = _("đầu mối liên hệ")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind__in=["managing_body", "developer"]) | Q(zone__isnull=False),
                name="contactpoint_zone_body_has_zone",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="contactpoint_position_both_or_neither",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind in self.ZONE_KINDS and self.zone_id is None:
            raise ValidationError({"zone": _("Chọn khu mà cơ quan này quản lý hoặc phát triển.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Nhập cả vĩ độ và kinh độ, hoặc để trống cả hai."))

    @property
    def map_url(self):
        if self.latitude is None:
            return ""
        return (
            "https://www.openstreetmap.org/?mlat="
            f"{self.latitude}&mlon={self.longitude}#map=16/{self.latitude}/{self.longitude}"
        )
