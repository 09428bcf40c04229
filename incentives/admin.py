from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import DistrictClass, Estimate, IncentiveRule, LicensingStep, LocationClass


class HistoryTranslationAdmin(SimpleHistoryAdmin, TranslationAdmin):
    """Text side by side in three languages; every save leaves a history row."""


@admin.register(LocationClass)
class LocationClassAdmin(HistoryTranslationAdmin):
    list_display = ["name", "slug", "rank", "confidence", "source"]
    search_fields = ["name", "slug"]


@admin.register(DistrictClass)
class DistrictClassAdmin(SimpleHistoryAdmin):
    list_display = ["district", "location_class", "confidence", "source"]
    list_filter = ["location_class", "confidence"]
    list_select_related = ["location_class"]


@admin.register(IncentiveRule)
class IncentiveRuleAdmin(HistoryTranslationAdmin):
    list_display = [
        "title",
        "kind",
        "conditions",
        "licensed_from",
        "licensed_before",
        "confidence",
        "verify_with_authority",
        "is_active",
    ]
    list_filter = ["kind", "confidence", "is_active", "location_classes"]
    search_fields = ["title", "legal_document", "legal_article"]
    filter_horizontal = ["location_classes", "sectors"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "summary", "is_active", "order"]}),
        (
            _("Mức ưu đãi"),
            {
                "fields": [
                    "cit_rate_pct",
                    "cit_rate_years",
                    "exempt_years",
                    "reduction_years",
                    "exempt_years_other",
                ]
            },
        ),
        (
            _("Điều kiện (để trống: không điều kiện)"),
            {
                "fields": [
                    "location_classes",
                    "sectors",
                    "min_capital_vnd_bn",
                    "min_jobs",
                    "min_revenue_vnd_bn",
                    "max_revenue_vnd_bn",
                    "licensed_from",
                    "licensed_before",
                    "large_group",
                    "bites_below_cit_pct",
                ]
            },
        ),
        (
            _("Căn cứ pháp lý và độ tin cậy"),
            {
                "fields": [
                    "legal_document",
                    "legal_article",
                    "source",
                    "confidence",
                    "verify_with_authority",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("location_classes")

    @admin.display(description=_("địa bàn"))
    def conditions(self, rule):
        return ", ".join(lc.name for lc in rule.location_classes.all()) or "—"


@admin.register(LicensingStep)
class LicensingStepAdmin(HistoryTranslationAdmin):
    list_display = ["order", "title", "who_decides", "time_limit", "confidence", "is_active"]
    list_display_links = ["title"]
    list_filter = ["is_active", "confidence"]


@admin.register(Estimate)
class EstimateAdmin(admin.ModelAdmin):
    """Read only: what an investor saw, sent with an inquiry."""

    list_display = ["__str__", "created"]
    readonly_fields = fields = ("token", "created", "inputs_table", "answer_table")
    date_hierarchy = "created"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("thông tin nhập"))
    def inputs_table(self, estimate):
        return estimate_inputs_html(estimate)

    @admin.display(description=_("kết quả"))
    def answer_table(self, estimate):
        return estimate_answer_html(estimate)


def estimate_inputs_html(estimate):
    return _pairs(estimate.inputs.items())


def estimate_answer_html(estimate):
    """What the investor was told: the incentives that applied, the warnings, the CIT rates.
    The inquiry's admin page shows it too."""
    answer = estimate.answer
    rows = [
        (f["title"], f"{f['how_much']} ({f['legal_basis']}; {f['confidence']})")
        for f in answer.get("applies", [])
    ]
    rows += [(f["title"], f["summary"]) for f in answer.get("warnings", [])]
    rows.append((_("Thuế suất TNDN từng năm (%)"), answer.get("cit_rates_pct")))
    return _pairs(rows)


def _pairs(rows):
    return format_html(
        "<table>{}</table>", format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows)
    )
