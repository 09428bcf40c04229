"""Expressions of interest from investors, the staff's follow-up, and the mail about them."""

import datetime
from typing import TYPE_CHECKING, Self
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from phonenumber_field.modelfields import PhoneNumberField

from zones.models import Plot, Sector, Zone, manages_only_own_zones

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django_stubs_ext import StrPromise


# Site visits happen in Lạng Sơn: their times are told in its time zone, whatever the server's.
LANG_SON = ZoneInfo("Asia/Ho_Chi_Minh")


def add_working_days(start: datetime.datetime, days: int) -> datetime.datetime:
    """`start` moved on by `days` working days (Monday to Friday), in local time.

    Public holidays are not counted out: the promise errs on the side of the investor.
    """
    moment = timezone.localtime(start)
    while days > 0:
        moment += datetime.timedelta(days=1)
        if moment.weekday() < 5:
            days -= 1
    return moment


def start_quarter_label(value: str) -> "str | StrPromise":
    if not value:
        return _("Chưa xác định")
    year, quarter = value.split("-Q")
    return _("Quý %(quarter)s/%(year)s") % {"quarter": quarter, "year": year}


class InquiryQuerySet(models.QuerySet["Inquiry"]):
    def overdue(self, now: datetime.datetime | None = None) -> Self:
        """Inquiries still waiting for a first response after their due time."""
        return self.filter(
            first_responded_at__isnull=True,
            first_response_due__lt=now or timezone.now(),
            status=Inquiry.Status.NEW,
        )

    def visible_to(self, user: "User") -> Self:
        """The inquiries `user` may read: every one for superusers and for staff who manage no
        zone; for a zone's named managers, those about one of their zones. Every admin page that
        shows inquiry data goes through this. Lazy: one subquery, no duplicate rows."""
        if not manages_only_own_zones(user):
            return self
        about_theirs = Inquiry.zones.through.objects.filter(
            zone__in=Zone.objects.managed_by(user)
        ).values("inquiry_id")
        return self.filter(pk__in=about_theirs)

    def for_admin_list(self) -> Self:
        return self.select_related("sector", "assignee", "plot__zone").prefetch_related("zones")


class Inquiry(models.Model):
    """An investor's expression of interest in land in one or more zones."""

    class Status(models.TextChoices):
        NEW = "new", _("Mới")
        CONTACTED = "contacted", _("Đã liên hệ")
        SITE_VISIT = "site_visit", _("Khảo sát thực địa")
        NEGOTIATING = "negotiating", _("Đang đàm phán")
        WON = "won", _("Thành công")
        LOST = "lost", _("Không thành")
        SPAM = "spam", _("Thư rác")

        @property
        def public_label(self):
            """What the investor is told on the status page: no internal verdicts."""
            return {
                "new": _("Đã tiếp nhận"),
                "contacted": _("Đang xem xét"),
                "site_visit": _("Khảo sát thực địa"),
                "negotiating": _("Đang đàm phán"),
            }.get(self.value, _("Đã kết thúc"))

    CLOSED = (Status.WON, Status.LOST, Status.SPAM)

    class Currency(models.TextChoices):
        VND = "VND", "VND"
        USD = "USD", "USD"
        CNY = "CNY", "CNY"

    reference = models.CharField(_("mã hồ sơ"), max_length=20, unique=True, editable=False)
    submission_token = models.UUIDField(unique=True, editable=False)

    company_name = models.CharField(_("tên doanh nghiệp"), max_length=200)
    contact_name = models.CharField(_("người liên hệ"), max_length=120)
    email = models.EmailField(_("email"), max_length=254)
    phone = PhoneNumberField(_("điện thoại"), blank=True)
    country = CountryField(_("quốc gia"))
    sector = models.ForeignKey(
        Sector, verbose_name=_("ngành nghề"), on_delete=models.PROTECT, related_name="inquiries"
    )
    area_needed_ha = models.DecimalField(
        _("diện tích cần (ha)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.01), MaxValueValidator(10_000)],
    )
    zones = models.ManyToManyField(
        Zone, verbose_name=_("khu quan tâm"), blank=True, related_name="inquiries"
    )
    plot = models.ForeignKey(
        Plot,
        verbose_name=_("lô đất quan tâm"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
    )
    estimate = models.OneToOneField(
        "incentives.Estimate",
        verbose_name=_("ước tính ưu đãi kèm theo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiry",
    )
    capital_amount = models.DecimalField(
        _("vốn đầu tư dự kiến"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10**16)],
    )
    capital_currency = models.CharField(
        _("đơn vị tiền"), max_length=3, choices=Currency, default=Currency.USD
    )
    jobs_expected = models.PositiveIntegerField(
        _("số lao động dự kiến"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1_000_000)],
    )
    start_quarter = models.CharField(
        _("dự kiến bắt đầu"),
        max_length=7,
        blank=True,
        help_text=_("Năm và quý, ví dụ 2027-Q3; để trống: chưa xác định."),
    )
    message = models.TextField(_("nội dung"), max_length=5000, blank=True)
    language = models.CharField(_("ngôn ngữ"), max_length=10, choices=settings.LANGUAGES)
    consent_at = models.DateTimeField(_("đồng ý điều khoản lúc"))
    privacy_notice_version = models.CharField(_("phiên bản thông báo bảo mật"), max_length=20)

    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ phụ trách"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_inquiries",
        limit_choices_to={"is_staff": True},
    )
    first_response_due = models.DateTimeField(_("hạn phản hồi đầu tiên"))
    first_responded_at = models.DateTimeField(_("phản hồi đầu tiên lúc"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("ẩn danh hoá lúc"), null=True, blank=True)
    created = models.DateTimeField(_("nhận lúc"), default=timezone.now, db_index=True)
    updated = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("đăng ký đầu tư")
        verbose_name_plural = _("đăng ký đầu tư")
        constraints = [
            models.CheckConstraint(
                condition=Q(reference__regex=r"^EOI-[0-9]{4}-[0-9]{5}$"),
                name="inquiry_reference_format",
            ),
            models.CheckConstraint(
                condition=Q(area_needed_ha__isnull=True) | Q(area_needed_ha__gt=0),
                name="inquiry_area_positive",
            ),
            models.CheckConstraint(
                condition=Q(capital_amount__isnull=True) | Q(capital_amount__gt=0),
                name="inquiry_capital_positive",
            ),
            models.CheckConstraint(
                condition=Q(start_quarter="") | Q(start_quarter__regex=r"^[0-9]{4}-Q[1-4]$"),
                name="inquiry_start_quarter_format",
            ),
        ]

    def __str__(self):
        return f"{self.reference} – {self.company_name}"

    def save(self, *args, **kwargs):
        if self.first_responded_at is None and self.status != self.Status.NEW:
            self.first_responded_at = timezone.now()
        super().save(*args, **kwargs)

    def get_admin_url(self):
        return settings.SITE_URL + reverse("admin:investors_inquiry_change", args=[self.pk])

    @property
    def is_overdue(self):
        return (
            self.first_responded_at is None
            and self.status == self.Status.NEW
            and self.first_response_due < timezone.now()
        )

    @property
    def start_display(self):
        """ "Quý 3/2027", or "not decided"."""
        return start_quarter_label(self.start_quarter)

    @property
    def public_status(self):
        return self.Status(self.status).public_label

    @property
    def officer_public_name(self):
        return officer_public_name(self.assignee)

    @property
    def public_stage(self) -> "InquiryEvent.Stage | None":
        """The stage investors are told of for the current status; None for new and spam."""
        return InquiryEvent.STAGE_OF_STATUS.get(self.status)  # type: ignore[call-overload]


def officer_public_name(user: "User | None") -> "str | StrPromise":
    """An officer as investors see them: their profile's display name, else the team; never a
    username nor an account's name, which staff never chose to publish."""
    profile = getattr(user, "officer_profile", None)
    return (profile and profile.display_name) or _("Nhóm xúc tiến đầu tư")


class InquiryEvent(models.Model):
    """A step of an inquiry that the investor is told of, by mail and on the status page's
    timeline: never an internal note nor an internal verdict (spam, won or lost read "closed")."""

    class Stage(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận")
        ASSIGNED = "assigned", _("Đã giao cán bộ phụ trách")
        CONTACTED = "contacted", _("Đã liên hệ")
        VISIT_SCHEDULED = "visit_scheduled", _("Đã hẹn khảo sát thực địa")
        PROPOSAL_SENT = "proposal_sent", _("Đã gửi đề xuất")
        CLOSED = "closed", _("Đã kết thúc")

        @property
        def next_step(self):
            """What happens next, as the investor is told; "" when nothing more is promised."""
            return {
                "received": _("Một cán bộ xúc tiến đầu tư sẽ liên hệ với quý vị."),
                "assigned": _("Cán bộ phụ trách sẽ liên hệ với quý vị."),
                "contacted": _("Cán bộ phụ trách sẽ đề xuất khảo sát thực địa hoặc gửi đề xuất."),
                "visit_scheduled": _("Cán bộ phụ trách sẽ xác nhận lịch khảo sát thực địa."),
                "proposal_sent": _("Cán bộ phụ trách sẽ trao đổi với quý vị về đề xuất."),
            }.get(self.value, "")

        @property
        def working_days(self) -> int | None:
            """Within how many working days the next step is promised."""
            return {
                "received": settings.INQUIRY_FIRST_RESPONSE_WORKING_DAYS,
                "assigned": settings.INQUIRY_FIRST_RESPONSE_WORKING_DAYS,
                "contacted": 10,
                "visit_scheduled": 5,
                "proposal_sent": 10,
            }.get(self.value)

    STAGE_OF_STATUS = {
        Inquiry.Status.CONTACTED: Stage.CONTACTED,
        Inquiry.Status.SITE_VISIT: Stage.VISIT_SCHEDULED,
        Inquiry.Status.NEGOTIATING: Stage.PROPOSAL_SENT,
        Inquiry.Status.WON: Stage.CLOSED,
        Inquiry.Status.LOST: Stage.CLOSED,
    }

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="events")
    stage = models.CharField(_("giai đoạn"), max_length=20, choices=Stage)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ phụ trách"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    next_step_due = models.DateTimeField(_("hạn bước tiếp theo"), null=True, blank=True)
    # The confirmed visit a "visit scheduled" step announces; none while a request waits.
    site_visit = models.ForeignKey(
        "SiteVisit",
        verbose_name=_("buổi khảo sát"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(_("lúc"), default=timezone.now)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("mốc công khai")
        verbose_name_plural = _("mốc công khai")

    def __str__(self):
        return f"{self.inquiry.reference} – {self.get_stage_display()}"

    @property
    def confirmed_visit(self) -> "SiteVisit | None":
        """The confirmed visit this step announces, while it stands."""
        visit = self.site_visit
        return visit if visit and visit.status == SiteVisit.Status.CONFIRMED else None

    @property
    def next_step(self):
        """What happens next. A scheduled visit gives its date, place and officer once
        confirmed; "will confirm" only while no date is confirmed; a cancelled one, nothing."""
        if self.site_visit_id and self.stage == self.Stage.VISIT_SCHEDULED:
            if visit := self.confirmed_visit:
                return format_lazy(
                    "{} {}",
                    visit.confirmed_text,
                    _("Lịch hẹn (tệp .ics) đã được gửi kèm thư xác nhận."),
                )
            return ""
        return self.Stage(self.stage).next_step

    @property
    def officer_public_name(self):
        return officer_public_name(self.officer)


class ReferenceSequence(models.Model):
    """The last reference number given in a year: EOI-2026-00001, EOI-2026-00002, …"""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("dãy số mã hồ sơ")
        verbose_name_plural = _("dãy số mã hồ sơ")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class InquiryNote(models.Model):
    """Staff's internal note on an inquiry; never shown to the investor."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người viết"), on_delete=models.PROTECT
    )
    text = models.TextField(_("ghi chú"), max_length=5000)
    created = models.DateTimeField(_("lúc"), default=timezone.now)

    class Meta:
        ordering = ["created"]
        verbose_name = _("ghi chú nội bộ")
        verbose_name_plural = _("ghi chú nội bộ")

    def __str__(self):
        return f"{self.inquiry.reference} – {self.author} – {self.created:%Y-%m-%d %H:%M}"


class OfficerProfileQuerySet(models.QuerySet["OfficerProfile"]):
    def public(self) -> Self:
        """Profiles investors may see: a display name chosen, an active staff account."""
        return self.exclude(display_name="").filter(user__is_active=True, user__is_staff=True)

    def covering(self, zone: Zone) -> Self:
        return self.public().filter(zones=zone)


def validate_language_codes(value):
    """A list of OfficerProfile.Language codes, each once."""
    if not isinstance(value, list):
        raise ValidationError(_("Chọn ngôn ngữ trong danh sách."), code="not_a_list")
    unknown = [str(code) for code in value if code not in OfficerProfile.Language.values]
    if unknown or len(set(value)) != len(value):
        raise ValidationError(
            _("Ngôn ngữ không có trong danh sách: %(codes)s"),
            code="unknown_language",
            params={"codes": ", ".join(unknown) or "–"},
        )


def language_list(names: "list[str | StrPromise]") -> str:
    """Names as a list in the active language: "Tiếng Việt, Tiếng Trung", "越南语、中文"."""
    separator = "、" if (get_language() or "").startswith("zh") else ", "
    return separator.join(str(name) for name in names)


class OfficerProfile(models.Model):
    """How an investment officer is presented to investors: office details, never private ones.
    The title has a column per language (investors/translation.py); the languages spoken are
    codes from a fixed list, named in the visitor's language."""

    class Language(models.TextChoices):
        VIETNAMESE = "vi", _("Tiếng Việt")
        ENGLISH = "en", _("Tiếng Anh")
        CHINESE = "zh", _("Tiếng Trung")
        KOREAN = "ko", _("Tiếng Hàn")
        JAPANESE = "ja", _("Tiếng Nhật")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="officer_profile"
    )
    display_name = models.CharField(
        _("tên hiển thị"),
        max_length=120,
        blank=True,
        help_text=_(
            "Tên nhà đầu tư thấy trên trang tra cứu hồ sơ, ví dụ “Bà Nguyễn Thị Lan”. Để trống: "
            "hiển thị “Nhóm xúc tiến đầu tư”."
        ),
    )
    title = models.CharField(_("chức danh"), max_length=120, blank=True)
    office_email = models.EmailField(_("email cơ quan"), blank=True)
    office_phone = models.CharField(_("điện thoại cơ quan"), max_length=40, blank=True)
    photo = models.ImageField(_("ảnh"), upload_to="officers/", blank=True)
    # A JSON list of Language codes: one column that SQLite and PostgreSQL both read the same.
    languages = models.JSONField(
        _("ngôn ngữ giao tiếp"),
        default=list,
        blank=True,
        validators=[validate_language_codes],
    )
    zones = models.ManyToManyField(
        Zone,
        verbose_name=_("khu phụ trách"),
        blank=True,
        related_name="officer_profiles",
        help_text=_("Trang của các khu này giới thiệu cán bộ làm đầu mối (khi có tên hiển thị)."),
    )

    objects = OfficerProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("thông tin cán bộ")
        verbose_name_plural = _("thông tin cán bộ")

    def __str__(self):
        return self.display_name or str(self.user)

    @property
    def language_names(self) -> str:
        """The languages spoken, by name in the active language, in the fixed list's order."""
        spoken = set(self.languages or ())
        return language_list([label for code, label in self.Language.choices if code in spoken])


class OutboxMessageQuerySet(models.QuerySet["OutboxMessage"]):
    def due(self, now: datetime.datetime | None = None) -> Self:
        now = now or timezone.now()
        return self.filter(status=OutboxMessage.Status.PENDING, next_attempt_at__lte=now)

    def visible_to(self, user):
        """The mail `user` may read: that about the inquiries they may read, and for a zone's
        named managers nothing else (mail about no inquiry is the province's)."""
        if not manages_only_own_zones(user):
            return self
        return self.filter(inquiry__in=Inquiry.objects.visible_to(user))


class OutboxMessage(models.Model):
    """An e-mail stored with the change that caused it and sent after commit, retried until it
    goes or is marked failed. A mail server that is down never loses an inquiry or a message."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi thất bại")

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, null=True, blank=True, related_name="messages"
    )
    kind = models.CharField(_("loại"), max_length=40)
    to = models.JSONField(_("người nhận"))
    subject = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"))
    # [{"filename": ..., "content": ..., "mimetype": ...}]: text attachments such as a calendar
    # invitation, stored with the message so a retry sends the same.
    attachments = models.JSONField(_("tệp đính kèm"), default=list, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("số lần thử"), default=0)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(_("thử lại lúc"), default=timezone.now)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    created = models.DateTimeField(_("tạo lúc"), default=timezone.now)

    objects = OutboxMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("thư đi")
        verbose_name_plural = _("thư đi")

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.get_status_display()})"


class SiteVisit(models.Model):
    """An investor's request to see the land, and the date and officer staff confirm for it."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Chờ xác nhận")
        CONFIRMED = "confirmed", _("Đã xác nhận")
        CANCELLED = "cancelled", _("Đã huỷ")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="site_visits")
    zone = models.ForeignKey(
        Zone,
        verbose_name=_("khu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="site_visits",
    )
    preferred_from = models.DateField(_("từ ngày"))
    preferred_to = models.DateField(_("đến ngày"))
    people = models.PositiveSmallIntegerField(
        _("số người"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    languages = models.CharField(_("ngôn ngữ"), max_length=120, blank=True)
    interpreter_needed = models.BooleanField(_("cần phiên dịch"), default=False)
    message = models.TextField(_("ghi chú của nhà đầu tư"), max_length=2000, blank=True)

    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status, default=Status.REQUESTED
    )
    starts_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("thời lượng (phút)"), default=180, validators=[MinValueValidator(30)]
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ dẫn đoàn"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="site_visits",
        limit_choices_to={"is_staff": True},
    )
    created = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    updated = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("khảo sát thực địa")
        verbose_name_plural = _("khảo sát thực địa")
        constraints = [
            models.CheckConstraint(
                condition=Q(preferred_to__gte=F("preferred_from")),
                name="sitevisit_preferred_dates_in_order",
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed")
                | Q(starts_at__isnull=False, officer__isnull=False),
                name="sitevisit_confirmed_has_date_and_officer",
            ),
            models.UniqueConstraint(
                fields=["officer", "starts_at"],
                condition=Q(status="confirmed"),
                name="sitevisit_officer_not_double_booked",
                violation_error_message=_("Cán bộ này đã có một buổi khảo sát khác vào giờ này."),
            ),
        ]

    def __str__(self):
        return f"{self.inquiry.reference} – {self.get_status_display()}"

    @property
    def ends_at(self):
        return self.starts_at and self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def confirmed_text(self) -> str:
        """The confirmed visit in one sentence of the active language: date, time in Lạng
        Sơn, place and the officer's public name."""
        if self.starts_at is None:
            return ""
        local = timezone.localtime(self.starts_at, LANG_SON)
        return _(
            "Khảo sát thực địa vào %(date)s lúc %(time)s (giờ Việt Nam) tại %(place)s, cán bộ "
            "dẫn đoàn: %(officer)s."
        ) % {
            "date": date_format(local, "DATE_FORMAT"),
            "time": time_format(local, "TIME_FORMAT"),
            "place": self.zone.name if self.zone else _("Lạng Sơn"),
            "officer": officer_public_name(self.officer),
        }

    def clean(self):
        if self.preferred_from and self.preferred_to and self.preferred_to < self.preferred_from:
            raise ValidationError({"preferred_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})
        if self.status != self.Status.CONFIRMED:
            return
        if not (self.starts_at and self.officer_id):
            raise ValidationError(_("Chọn ngày giờ và cán bộ dẫn đoàn để xác nhận."))
        if self.officer_busy():
            raise ValidationError(
                {"starts_at": _("Cán bộ này đã có một buổi khảo sát khác vào giờ này.")}
            )

    def officer_busy(self) -> bool:
        """Whether the officer has another confirmed visit overlapping this one. One query."""
        if self.starts_at is None or self.ends_at is None:
            return False
        others = SiteVisit.objects.filter(
            officer_id=self.officer_id,
            status=self.Status.CONFIRMED,
            starts_at__lt=self.ends_at,
            starts_at__gt=self.starts_at - datetime.timedelta(hours=12),
        ).exclude(pk=self.pk)
        return any(other.ends_at > self.starts_at for other in others)
