import csv

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import Country
from modeltranslation.admin import TranslationStackedInline

from incentives.admin import estimate_answer_html, estimate_inputs_html
from portal.admin import PermissionLabelsMixin
from zones.admin import OutOfReachMixin

from .models import Inquiry, InquiryNote, OfficerProfile, OutboxMessage, SiteVisit
from .outbox import outbox_send
from .services import inquiry_stage_changed, site_visit_confirmed

# What the investor wrote: staff read it, never change it.
INVESTOR_FIELDS = (
    "reference",
    "created",
    "company_name",
    "contact_name",
    "email",
    "phone",
    "country",
    "sector",
    "area_needed_ha",
    "zone_list",
    "plot",
    "capital",
    "jobs_expected",
    "start_display",
    "message",
    "estimate_answer",
    "language",
    "consent_at",
    "privacy_notice_version",
)
CSV_COLUMNS = (
    "reference",
    "created",
    "company_name",
    "contact_name",
    "email",
    "phone",
    "country",
    "sector",
    "zones",
    "plot",
    "area_needed_ha",
    "capital_amount",
    "capital_currency",
    "jobs_expected",
    "start_quarter",
    "status",
    "assignee",
    "first_response_due",
)


def csv_safe(value):
    """Text for a spreadsheet cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class OverdueFilter(admin.SimpleListFilter):
    title = _("phản hồi đầu tiên")
    parameter_name = "first_response"

    def lookups(self, request, model_admin):
        return [("overdue", _("Quá hạn"))]

    def queryset(self, request, queryset):
        return queryset.overdue() if self.value() == "overdue" else queryset


class CountryFilter(admin.SimpleListFilter):
    """Only the countries inquiries came from, not all 250."""

    title = _("quốc gia")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = model_admin.get_queryset(request).order_by().values_list("country", flat=True)
        return sorted(((c, Country(c).name) for c in set(codes)), key=lambda pair: str(pair[1]))

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


class VisibleInquiriesMixin(OutOfReachMixin):
    """Staff who manage some zones read only what concerns the inquiries about those zones
    (`visible_to`, one rule for every admin that shows inquiry data): in the list, search,
    actions, autocomplete, and the change and history pages (403)."""

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)


class InquiryNoteInline(admin.TabularInline):
    model = InquiryNote
    extra = 1
    fields = ("text", "author", "created")
    readonly_fields = ("author", "created")
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False  # notes are a record: added, never rewritten


class OutboxMessageInline(admin.TabularInline):
    model = OutboxMessage
    extra = 0
    fields = ("kind", "to", "status", "attempts", "last_error", "sent_at")
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Inquiry)
class InquiryAdmin(VisibleInquiriesMixin, admin.ModelAdmin):
    list_display = (
        "reference",
        "company_name",
        "country",
        "sector",
        "zone_list",
        "area_needed_ha",
        "status",
        "assignee",
        "age",
        "overdue",
    )
    list_filter = (
        "status",
        OverdueFilter,
        "zones",
        "sector",
        CountryFilter,
        ("created", admin.DateFieldListFilter),
        "assignee",
    )
    search_fields = ("reference", "company_name", "contact_name", "email")
    date_hierarchy = "created"
    list_per_page = 50
    readonly_fields = INVESTOR_FIELDS + (
        "first_response_due",
        "first_responded_at",
        "anonymised_at",
        "public_timeline",
    )
    fieldsets = (
        (
            _("Theo dõi"),
            {
                "fields": (
                    "status",
                    "assignee",
                    "first_response_due",
                    "first_responded_at",
                    "public_timeline",
                )
            },
        ),
        (_("Nhà đầu tư đã gửi"), {"fields": INVESTOR_FIELDS}),
        (_("Bảo mật"), {"fields": ("anonymised_at",)}),
    )
    inlines = (InquiryNoteInline, OutboxMessageInline)
    actions = ("assign_to_me", "mark_contacted", "export_csv")

    def get_queryset(self, request):
        return super().get_queryset(request).for_admin_list()

    def has_add_permission(self, request):
        return False  # inquiries come from investors

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        previous = Inquiry.objects.filter(pk=obj.pk).values("status", "assignee_id").first()
        super().save_model(request, obj, form, change)
        if previous:
            self._tell_investor(request, obj, previous["status"], previous["assignee_id"])

    def _tell_investor(self, request, inquiry, previous_status, previous_assignee_id):
        events = inquiry_stage_changed(
            inquiry=inquiry,
            previous_status=previous_status,
            previous_assignee_id=previous_assignee_id,
        )
        for event in events:
            self.message_user(
                request,
                _("Đã xếp thư báo “%(stage)s” cho nhà đầu tư %(reference)s.")
                % {"stage": event.get_stage_display(), "reference": inquiry.reference},
            )

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            note.author = request.user
            note.save()
        formset.save_m2m()

    @admin.display(description=_("mốc nhà đầu tư được thông báo"))
    def public_timeline(self, inquiry):
        """What the investor was told, as their status page shows it; the mail itself is in
        "thư đi" below."""
        events = inquiry.events.select_related("officer__officer_profile")
        if not events:
            return "–"
        return format_html_join(
            mark_safe("<br>"),
            "{} · {} · {}",
            (
                (
                    date_format(timezone.localtime(e.created), "SHORT_DATETIME_FORMAT"),
                    e.get_stage_display(),
                    e.officer_public_name,
                )
                for e in events
            ),
        )

    @admin.display(description=_("khu quan tâm"))
    def zone_list(self, inquiry):
        return ", ".join(zone.name for zone in inquiry.zones.all())

    @admin.display(description=_("ước tính ưu đãi kèm theo"))
    def estimate_answer(self, inquiry):
        if inquiry.estimate is None:
            return "–"
        return format_html(
            "{}{}",
            estimate_inputs_html(inquiry.estimate),
            estimate_answer_html(inquiry.estimate),
        )

    @admin.display(description=_("dự kiến bắt đầu"))
    def start_display(self, inquiry):
        return inquiry.start_display

    @admin.display(description=_("vốn dự kiến"))
    def capital(self, inquiry):
        if inquiry.capital_amount is None:
            return "–"
        return f"{inquiry.capital_amount:,.0f} {inquiry.capital_currency}"

    @admin.display(description=_("đã chờ"), ordering="created")
    def age(self, inquiry):
        return timesince(inquiry.created, timezone.now(), depth=1)

    @admin.display(description=_("quá hạn phản hồi"), boolean=True)
    def overdue(self, inquiry):
        return inquiry.is_overdue

    @admin.action(description=_("Giao cho tôi"))
    def assign_to_me(self, request, queryset):
        count = 0
        for inquiry in queryset.exclude(assignee=request.user):
            previous_assignee_id = inquiry.assignee_id
            inquiry.assignee = request.user
            with transaction.atomic():
                inquiry.save(update_fields=["assignee", "updated"])
                inquiry_stage_changed(
                    inquiry=inquiry,
                    previous_status=inquiry.status,
                    previous_assignee_id=previous_assignee_id,
                )
            count += 1
        self.message_user(
            request, ngettext("Đã nhận %d hồ sơ.", "Đã nhận %d hồ sơ.", count) % count
        )

    @admin.action(description=_("Chuyển sang “đã liên hệ”"))
    def mark_contacted(self, request, queryset):
        count = 0
        for inquiry in queryset.filter(status=Inquiry.Status.NEW):
            inquiry.status = Inquiry.Status.CONTACTED
            with transaction.atomic():
                inquiry.save(update_fields=["status", "first_responded_at", "updated"])
                inquiry_stage_changed(
                    inquiry=inquiry,
                    previous_status=Inquiry.Status.NEW,
                    previous_assignee_id=inquiry.assignee_id,
                )
            count += 1
        self.message_user(
            request, ngettext("Đã cập nhật %d hồ sơ.", "Đã cập nhật %d hồ sơ.", count) % count
        )

    @admin.action(description=_("Xuất CSV các hồ sơ đã chọn"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="inquiries-{stamp}.csv"'
        response.write("\ufeff")  # so that spreadsheet programs read UTF-8 Vietnamese
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        for inquiry in queryset.order_by("created"):
            row = {
                **{column: getattr(inquiry, column, "") for column in CSV_COLUMNS},
                "created": timezone.localtime(inquiry.created).isoformat(timespec="minutes"),
                "country": inquiry.country.code,
                "sector": inquiry.sector.name,
                "zones": "; ".join(zone.name for zone in inquiry.zones.all()),
                "plot": inquiry.plot.code if inquiry.plot else "",
                "assignee": inquiry.assignee.get_username() if inquiry.assignee else "",
                "first_response_due": timezone.localtime(inquiry.first_response_due).isoformat(
                    timespec="minutes"
                ),
            }
            writer.writerow([csv_safe(row[column]) for column in CSV_COLUMNS])
        return response


@admin.register(OutboxMessage)
class OutboxMessageAdmin(VisibleInquiriesMixin, admin.ModelAdmin):
    # What went to whom, and what did not: the subject and recipients beside the state.
    list_display = (
        "subject",
        "recipients",
        "kind",
        "inquiry",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
    )
    list_filter = ("status", "kind")
    search_fields = ("subject", "inquiry__reference")
    list_select_related = ("inquiry",)
    readonly_fields = (
        "inquiry",
        "kind",
        "to",
        "subject",
        "body",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "created",
    )
    actions = ("retry_now",)

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("người nhận"))
    def recipients(self, message):
        return ", ".join(message.to)

    @admin.action(description=_("Gửi lại ngay"))
    def retry_now(self, request, queryset):
        ids = list(queryset.exclude(status=OutboxMessage.Status.SENT).values_list("pk", flat=True))
        OutboxMessage.objects.filter(pk__in=ids).update(
            status=OutboxMessage.Status.PENDING, next_attempt_at=timezone.now()
        )
        sent = outbox_send(message_ids=ids)
        level = messages.SUCCESS if sent == len(ids) else messages.WARNING
        self.message_user(
            request, _("Đã gửi %(sent)s/%(total)s thư.") % {"sent": sent, "total": len(ids)}, level
        )


@admin.register(SiteVisit)
class SiteVisitAdmin(OutOfReachMixin, admin.ModelAdmin):
    """Investors' visit requests: staff set the date and the officer, then "Đã xác nhận"; the
    investor gets the calendar invitation. One officer cannot lead two visits at once."""

    list_display = (
        "inquiry",
        "zone",
        "preferred_from",
        "preferred_to",
        "people",
        "interpreter_needed",
        "status",
        "starts_at",
        "officer",
    )
    list_filter = ("status", "interpreter_needed", "zone")
    list_select_related = ("inquiry", "zone", "officer")
    search_fields = ("inquiry__reference", "inquiry__company_name")
    readonly_fields = (
        "inquiry",
        "zone",
        "preferred_from",
        "preferred_to",
        "people",
        "languages",
        "interpreter_needed",
        "message",
        "created",
    )
    fieldsets = (
        (
            _("Nhà đầu tư đề nghị"),
            {
                "fields": (
                    "inquiry",
                    "zone",
                    "preferred_from",
                    "preferred_to",
                    "people",
                    "languages",
                    "interpreter_needed",
                    "message",
                    "created",
                )
            },
        ),
        (_("Xác nhận"), {"fields": ("status", "starts_at", "duration_minutes", "officer")}),
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.filter(inquiry__in=Inquiry.objects.visible_to(request.user))

    def has_add_permission(self, request):
        return False  # requests come from investors

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "officer":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        scheduling = {"status", "starts_at", "officer", "duration_minutes"}
        if obj.status == SiteVisit.Status.CONFIRMED and scheduling & set(form.changed_data):
            site_visit_confirmed(visit=obj)
            self.message_user(
                request,
                _("Đã xếp thư mời kèm lịch hẹn (.ics) cho nhà đầu tư %(reference)s.")
                % {"reference": obj.inquiry.reference},
            )


class OfficerProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Ngôn ngữ giao tiếp"),
        choices=OfficerProfile.Language,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Nhà đầu tư thấy tên các ngôn ngữ bằng ngôn ngữ của họ."),
    )

    class Meta:
        model = OfficerProfile
        fields = [
            "display_name",
            "title",
            "office_email",
            "office_phone",
            "photo",
            "languages",
            "zones",
        ]


class OfficerProfileInline(TranslationStackedInline):
    """The title in each language side by side; languages and zones ticked, never typed."""

    model = OfficerProfile
    form = OfficerProfileForm
    can_delete = False
    filter_horizontal = ("zones",)
    verbose_name_plural = _("thông tin cán bộ hiển thị cho nhà đầu tư")


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(PermissionLabelsMixin, UserAdmin):
    inlines = (OfficerProfileInline,)
