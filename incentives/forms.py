from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zones.models import District, Sector, Zone

from .estimator import Project

# A reference rate to read USD amounts in VND: not an official rate, and said so on the page.
VND_PER_USD = Decimal(26_000)
MAX_AMOUNT = Decimal(10_000_000)
ISO = "%Y-%m-%d"


class EstimateForm(forms.Form):
    """What the estimator asks; the page (GET) and the API validate through it. Money is typed
    in billion VND or million USD."""

    zone = forms.ModelChoiceField(
        Zone.objects.published().select_related("parent"),
        to_field_name="slug",
        required=False,
        label=_("Khu, cụm công nghiệp"),
        empty_label=_("Chọn khu (hoặc chọn huyện bên dưới)"),
    )
    district = forms.ChoiceField(
        choices=[("", _("Chọn huyện")), *District.choices],
        required=False,
        label=_("Hoặc huyện, thành phố"),
        help_text=_("Chỉ dùng khi dự án không nằm trong khu, cụm công nghiệp nào ở trên."),
    )
    sector = forms.ModelChoiceField(  # type: ignore[var-annotated]
        Sector.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Ngành nghề"),
        empty_label=_("Chọn ngành nghề"),
    )
    currency = forms.ChoiceField(
        choices=[("vnd", _("tỷ đồng")), ("usd", _("triệu USD"))],
        initial="vnd",
        required=False,
        label=_("Đơn vị tiền"),
    )
    capital = forms.DecimalField(
        min_value=0,
        max_value=MAX_AMOUNT,
        max_digits=12,
        decimal_places=2,
        required=False,
        label=_("Vốn đầu tư"),
    )
    revenue = forms.DecimalField(
        min_value=0,
        max_value=MAX_AMOUNT,
        max_digits=12,
        decimal_places=2,
        required=False,
        label=_("Doanh thu dự kiến mỗi năm"),
    )
    profit = forms.DecimalField(
        min_value=0,
        max_value=MAX_AMOUNT,
        max_digits=12,
        decimal_places=2,
        required=False,
        label=_("Lợi nhuận chịu thuế mỗi năm (để minh hoạ)"),
    )
    jobs = forms.IntegerField(
        min_value=0, max_value=10_000_000, required=False, label=_("Số lao động")
    )
    licence_date = forms.DateField(
        required=False,
        input_formats=[ISO],
        widget=forms.DateInput(attrs={"type": "date"}, format=ISO),
        label=_("Ngày cấp phép (dự kiến)"),
        help_text=_("Để trống: hôm nay."),
    )
    large_group = forms.BooleanField(
        required=False,
        label=_("Tập đoàn có doanh thu hợp nhất từ 750 triệu EUR"),
        help_text=_("Trong 2 của 4 năm gần nhất (thuế tối thiểu toàn cầu)."),
    )

    def __init__(self, *args, require_place: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # The API answers without a place too: for a project outside any incentive area.
        self.require_place = require_place

    def clean_licence_date(self):
        return self.cleaned_data["licence_date"] or timezone.localdate()

    def clean(self):
        data = super().clean()
        place = data.get("zone") or data.get("district")
        if self.require_place and not place and not self.errors:
            raise ValidationError(_("Chọn khu, cụm công nghiệp hoặc huyện của dự án."))
        return data

    def vnd_bn(self, name: str) -> Decimal | None:
        """An amount in billion VND, whatever currency it was typed in."""
        value = self.cleaned_data.get(name)
        if value is None:
            return None
        if self.cleaned_data.get("currency") == "usd":
            return value * VND_PER_USD / 1000
        return value

    def project(self) -> Project:
        data = self.cleaned_data
        zone = data.get("zone")
        return Project(
            licence_date=data["licence_date"],
            zone=zone,
            district=zone.district if zone else data.get("district", ""),
            sector=data.get("sector"),
            capital_vnd_bn=self.vnd_bn("capital"),
            jobs=data.get("jobs"),
            revenue_vnd_bn=self.vnd_bn("revenue"),
            large_group=bool(data.get("large_group")),
        )

    def inputs(self) -> dict:
        """What was typed, as JSON: stored with an inquiry."""
        data = self.cleaned_data
        zone = data.get("zone")
        return {
            "zone": zone.slug if zone else "",
            "zone_name": zone.name if zone else "",
            "district": data.get("district") or (zone.district if zone else ""),
            "sector": data["sector"].slug if data.get("sector") else "",
            "currency": data.get("currency") or "vnd",
            "capital": str(data["capital"]) if data.get("capital") is not None else "",
            "revenue": str(data["revenue"]) if data.get("revenue") is not None else "",
            "profit": str(data["profit"]) if data.get("profit") is not None else "",
            "jobs": data.get("jobs"),
            "licence_date": data["licence_date"].isoformat(),
            "large_group": bool(data.get("large_group")),
        }
