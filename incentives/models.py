"""Investment incentives as data kept by staff: location classes, which district falls in which,
the rules (what an investor gets and on what conditions) and the licensing steps.

The facts and their confidence come from the shared sources (INCENTIVES.md); every rule below
H reaches the investor as "verify with the authority". Nothing computed from these rules is
binding: the Investment Registration Certificate (IRC) is.
"""

import datetime
import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zones.models import District, Sector

# The new CIT law is in force from this day: for projects licensed from it, an industrial-park
# location alone earns nothing.
NEW_CIT_LAW = datetime.date(2025, 10, 1)
STANDARD_CIT_PCT = Decimal(20)
MONEY: dict = {"max_digits": 14, "decimal_places": 2, "null": True, "blank": True}


class Confidence(models.TextChoices):
    """How sure the sources are (INCENTIVES.md): below H, the investor is told to verify."""

    HIGH = "H", _("Cao (văn bản chính thức hoặc hai nguồn khớp nhau)")
    MEDIUM = "M", _("Trung bình (một nguồn thứ cấp uy tín)")
    LOW = "L", _("Thấp (chưa được xác nhận)")
    NOT_FOUND = "X", _("Chưa tìm thấy văn bản hướng dẫn")

    @property
    def rank(self) -> int:
        return {"H": 3, "M": 2, "L": 1, "X": 0}[self.value]

    @property
    def badge(self) -> str:
        return {"H": "success", "M": "info", "L": "warning", "X": "danger"}[self.value]

    @classmethod
    def weakest(cls, *values: str) -> "Confidence":
        return min((cls(v) for v in values), key=lambda c: c.rank)


class TimeStamped(models.Model):
    created = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class Sourced(TimeStamped):
    source = models.CharField(_("nguồn"), max_length=300, blank=True)
    confidence = models.CharField(
        _("độ tin cậy"), max_length=1, choices=Confidence, default=Confidence.LOW
    )

    class Meta:
        abstract = True

    @property
    def confidence_choice(self) -> Confidence:
        return Confidence(self.confidence)


class LocationClass(Sourced):
    """A kind of place the law rewards: an economic zone, an area with especially difficult or
    difficult socio-economic conditions, an industrial park."""

    ECONOMIC_ZONE = "economic-zone"
    ESPECIALLY_DIFFICULT = "especially-difficult"
    DIFFICULT = "difficult"
    INDUSTRIAL_PARK = "industrial-park"

    slug = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    rank = models.PositiveSmallIntegerField(
        _("thứ tự"), default=0, help_text=_("Nhỏ hơn: ưu đãi hơn; dùng để sắp xếp.")
    )

    class Meta:
        ordering = ["rank", "slug"]
        verbose_name = _("loại địa bàn ưu đãi")
        verbose_name_plural = _("loại địa bàn ưu đãi")

    def __str__(self):
        return self.name


class DistrictClass(Sourced):
    """Which former district (and so its communes, Decree 239/2025) is an incentive area."""

    district = models.CharField(_("huyện"), max_length=20, choices=District, unique=True)
    location_class = models.ForeignKey(
        LocationClass, verbose_name=_("loại địa bàn"), on_delete=models.PROTECT
    )

    class Meta:
        ordering = ["district"]
        verbose_name = _("địa bàn ưu đãi theo huyện")
        verbose_name_plural = _("địa bàn ưu đãi theo huyện")

    def __str__(self):
        return f"{self.get_district_display()}: {self.location_class}"


class IncentiveRuleQuerySet(models.QuerySet["IncentiveRule"]):
    def active(self):
        return self.filter(is_active=True)

    def for_estimate(self):
        """Active rules with their conditions: three queries."""
        return self.active().prefetch_related("location_classes", "sectors")


class IncentiveRule(Sourced):
    """One incentive (or warning) and the conditions under which a project gets it."""

    class Kind(models.TextChoices):
        CIT = "cit", _("Thuế thu nhập doanh nghiệp")
        LAND_RENT = "land_rent", _("Tiền thuê đất")
        IMPORT_DUTY = "import_duty", _("Thuế nhập khẩu")
        WARNING = "warning", _("Lưu ý")

    kind = models.CharField(_("loại"), max_length=12, choices=Kind)
    title = models.CharField(_("tên ưu đãi"), max_length=200)
    summary = models.TextField(_("nội dung"), blank=True)
    # What it gives.
    cit_rate_pct = models.DecimalField(
        _("thuế suất ưu đãi (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(STANDARD_CIT_PCT)],
        help_text=_("Chỉ với thuế TNDN. Để trống: thuế suất phổ thông 20 %."),
    )
    cit_rate_years = models.PositiveSmallIntegerField(
        _("số năm hưởng thuế suất ưu đãi"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(99)],
        help_text=_("Để trống: không giới hạn thời gian."),
    )
    exempt_years = models.PositiveSmallIntegerField(
        _("số năm miễn thuế"), default=0, validators=[MaxValueValidator(99)]
    )
    reduction_years = models.PositiveSmallIntegerField(
        _("số năm giảm 50 %"), default=0, validators=[MaxValueValidator(99)]
    )
    exempt_years_other = models.PositiveSmallIntegerField(
        _("số năm miễn (tiền thuê đất, thuế nhập khẩu)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(99)],
    )
    # On what conditions: an empty condition holds for every project.
    location_classes = models.ManyToManyField(
        LocationClass,
        verbose_name=_("địa bàn"),
        blank=True,
        help_text=_("Dự án ở một trong các địa bàn này. Để trống: mọi địa bàn."),
    )
    sectors = models.ManyToManyField(  # type: ignore[var-annotated]
        Sector,
        verbose_name=_("ngành nghề"),
        blank=True,
        help_text=_("Để trống: mọi ngành nghề."),
    )
    min_capital_vnd_bn = models.DecimalField(_("vốn đầu tư tối thiểu (tỷ đồng)"), **MONEY)
    min_jobs = models.PositiveIntegerField(
        _("số lao động tối thiểu"),
        null=True,
        blank=True,
        help_text=_("Nếu có cả doanh thu tối thiểu: chỉ cần đạt một trong hai (dự án quy mô lớn)."),
    )
    min_revenue_vnd_bn = models.DecimalField(_("doanh thu năm tối thiểu (tỷ đồng)"), **MONEY)
    max_revenue_vnd_bn = models.DecimalField(
        _("doanh thu năm dưới (tỷ đồng)"),
        **MONEY,
        help_text=_("Doanh nghiệp nhỏ và vừa: doanh thu năm dưới mức này."),
    )
    licensed_from = models.DateField(_("áp dụng cho dự án cấp phép từ ngày"), null=True, blank=True)
    licensed_before = models.DateField(
        _("áp dụng cho dự án cấp phép trước ngày"), null=True, blank=True
    )
    large_group = models.BooleanField(
        _("chỉ tập đoàn doanh thu hợp nhất ≥ 750 triệu EUR"),
        default=False,
        help_text=_("Cảnh báo thuế tối thiểu toàn cầu."),
    )
    bites_below_cit_pct = models.DecimalField(
        _("chỉ khi thuế suất thực tế có năm dưới (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Ví dụ 15: cảnh báo chỉ khi mức ưu đãi đưa thuế suất xuống dưới 15 %."),
    )
    # Where it comes from.
    legal_document = models.CharField(_("văn bản pháp luật"), max_length=200)
    legal_article = models.CharField(_("điều khoản"), max_length=100, blank=True)
    verify_with_authority = models.BooleanField(
        _("cần xác minh với cơ quan có thẩm quyền"),
        default=True,
        help_text=_("Luôn bật khi độ tin cậy dưới mức Cao."),
    )
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    objects = IncentiveRuleQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "order", "pk"]
        verbose_name = _("quy tắc ưu đãi")
        verbose_name_plural = _("quy tắc ưu đãi")
        constraints = [
            models.CheckConstraint(
                condition=Q(confidence="H") | Q(verify_with_authority=True),
                name="incentive_rule_verify_below_high",
            ),
            models.CheckConstraint(
                condition=Q(licensed_from__isnull=True)
                | Q(licensed_before__isnull=True)
                | Q(licensed_from__lt=models.F("licensed_before")),
                name="incentive_rule_licence_window",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.confidence != Confidence.HIGH and not self.verify_with_authority:
            errors["verify_with_authority"] = _(
                "Quy tắc có độ tin cậy dưới mức Cao phải nhắc nhà đầu tư xác minh."
            )
        if (
            self.licensed_from
            and self.licensed_before
            and self.licensed_from >= self.licensed_before
        ):
            errors["licensed_before"] = _("Ngày kết thúc phải sau ngày bắt đầu.")
        if (
            self.kind == self.Kind.CIT
            and self.cit_rate_pct is None
            and not (self.exempt_years or self.reduction_years)
        ):
            errors["cit_rate_pct"] = _("Ưu đãi thuế TNDN cần thuế suất hoặc số năm miễn, giảm.")
        if errors:
            raise ValidationError(errors)

    @property
    def legal_basis(self) -> str:
        return ", ".join(p for p in (self.legal_article, self.legal_document) if p)


class LicensingStep(Sourced):
    """One step of the licensing procedure for a project in a Lạng Sơn industrial zone."""

    order = models.PositiveSmallIntegerField(_("thứ tự"), unique=True)
    title = models.CharField(_("tên bước"), max_length=200)
    what = models.TextField(_("nội dung"), blank=True)
    who_decides = models.CharField(_("cơ quan quyết định"), max_length=300, blank=True)
    contact = models.CharField(_("đầu mối liên hệ"), max_length=300, blank=True)
    documents = models.TextField(_("hồ sơ"), blank=True)
    time_limit = models.CharField(_("thời hạn theo luật"), max_length=200, blank=True)
    fees = models.CharField(_("phí, lệ phí"), max_length=200, blank=True)
    parallel = models.CharField(_("có thể làm song song với"), max_length=300, blank=True)
    min_capital_vnd_bn = models.DecimalField(
        _("chỉ khi vốn đầu tư từ (tỷ đồng)"),
        **MONEY,
        help_text=_("Để trống: mọi dự án. Ví dụ: chấp thuận chủ trương đầu tư chỉ khi cần."),
    )
    is_active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("bước thủ tục đầu tư")
        verbose_name_plural = _("bước thủ tục đầu tư")

    def __str__(self):
        return f"{self.order}. {self.title}"

    def applies_to(self, capital_vnd_bn: Decimal | None) -> bool:
        if self.min_capital_vnd_bn is None:
            return True
        return capital_vnd_bn is not None and capital_vnd_bn >= self.min_capital_vnd_bn


class Estimate(TimeStamped):
    """An estimate an investor chose to send with an inquiry: what they typed and what the
    portal answered then (rules change; this is the answer they saw)."""

    token = models.UUIDField(_("mã"), default=uuid.uuid4, unique=True, editable=False)
    inputs = models.JSONField(_("thông tin nhập"))
    answer = models.JSONField(_("kết quả"))

    class Meta:
        ordering = ["-created"]
        verbose_name = _("ước tính ưu đãi")
        verbose_name_plural = _("ước tính ưu đãi")

    def __str__(self):
        return str(self.inputs.get("zone_name") or self.inputs.get("district") or self.token)
