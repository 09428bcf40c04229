from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .costs import MAX_YEARS
from .models import PERCENT, Plot, Project
from .validators import validate_document


class ProposalForm(forms.Form):
    """A developer's new figures for one zone: fill rate, each plot's and project's status."""

    fill_rate_pct = forms.DecimalField(
        label=_("Tỷ lệ lấp đầy (%)"),
        max_digits=5,
        decimal_places=2,
        required=False,
        validators=PERCENT,
    )
    note = forms.CharField(
        label=_("Ghi chú cho cán bộ duyệt"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    document = forms.FileField(
        label=_("Tài liệu kèm theo (PDF, PNG, JPEG; tối đa 10 MB)"),
        required=False,
        validators=[validate_document],
    )

    def __init__(self, *args, zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zone
        self.plots = list(zone.plots.free_first())
        self.projects = list(zone.projects.all())
        self.fields["fill_rate_pct"].initial = zone.fill_rate_pct
        for plot in self.plots:
            self.fields[f"plot_{plot.pk}"] = forms.ChoiceField(
                label=_("Lô %(code)s") % {"code": plot.code},
                choices=Plot.Status.choices,
                initial=plot.status,
            )
        for project in self.projects:
            self.fields[f"project_{project.pk}"] = forms.ChoiceField(
                label=project.investor_name,
                choices=Project.Status.choices,
                initial=project.status,
            )

    def plot_fields(self):
        return [self[f"plot_{plot.pk}"] for plot in self.plots]

    def project_fields(self):
        return [self[f"project_{project.pk}"] for project in self.projects]

    def clean(self):
        cleaned = super().clean()
        unchanged_rate = cleaned.get("fill_rate_pct") in (None, self.zone.fill_rate_pct)
        if (
            unchanged_rate
            and not any(cleaned.get(f"plot_{p.pk}") != p.status for p in self.plots)
            and not any(cleaned.get(f"project_{p.pk}") != p.status for p in self.projects)
        ):
            raise forms.ValidationError(_("Đề xuất chưa thay đổi số liệu nào."))
        return cleaned

    @property
    def plot_statuses(self):
        return [(p, self.cleaned_data[f"plot_{p.pk}"]) for p in self.plots]

    @property
    def project_statuses(self):
        return [(p, self.cleaned_data[f"project_{p.pk}"]) for p in self.projects]


class CostCalculatorForm(forms.Form):
    """The plot page's cost of occupancy: how much land, for how many years."""

    area = forms.DecimalField(
        label=_("Diện tích thuê (m²)"),
        min_value=Decimal(1),
        max_value=Decimal(100_000_000),
        decimal_places=2,
    )
    years = forms.IntegerField(label=_("Số năm"), min_value=1, max_value=MAX_YEARS)
