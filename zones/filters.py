"""Search and filters for the zone and plot lists (django-filter). Filters live in the URL,
so a search can be shared and the back button works."""

from decimal import Decimal

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import M2_PER_HA, District, Plot, Sector, Zone

AREA_UNITS = [("ha", "ha"), ("m2", "m²")]


class LongSelect(forms.Select):
    """A select of hundreds of options (every zone), rendered in Python: Django renders each
    option through a template of its own, 19 ms for 500 zones, on every plot search."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, mark_safe(" selected") if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>{}</select>', name, attrs, options)


class SlugNameChoices(django_filters.fields.ModelChoiceIterator):
    """A zone choice's (slug, name) pairs from one query of those columns, without building a
    model per zone (13 ms for 500 zones). The name in the visitor's language: modeltranslation
    rewrites `name` to it, with the Vietnamese fallback."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list(self.field.to_field_name, "name")


class ZoneChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = type(
        "ZoneChoiceField", (django_filters.fields.ModelChoiceField,), {"iterator": SlugNameChoices}
    )


class OrderingFilter(django_filters.OrderingFilter):
    """django-filter builds the sort choices once, in the language active at import; these are
    built for each search, in the visitor's language."""

    def __init__(self, *args, **kwargs):
        self._fields = self.normalize_fields(kwargs.get("fields", ()))
        self._labels = kwargs.get("field_labels", {})
        super().__init__(*args, **kwargs)

    def build_choices(self, fields, labels):
        # django-filter's own "(descending)" has no Vietnamese or Chinese catalogue.
        ascending = [(param, labels.get(field, param)) for field, param in fields.items()]
        descending = [(f"-{param}", _("%s (giảm dần)") % label) for param, label in ascending]
        return [choice for pair in zip(ascending, descending, strict=True) for choice in pair]

    @property
    def field(self):
        if not hasattr(self, "_field"):
            self.extra["choices"] = self.build_choices(self._fields, self._labels)
        return super().field


class BootstrapFilterSet(django_filters.FilterSet):
    """Bootstrap's classes on every field; an invalid one is marked and tied to its message."""

    @property
    def form(self):
        form = super().form
        for name, field in form.fields.items():
            widget = field.widget
            css = (
                "form-select form-select-sm"
                if hasattr(widget, "choices")
                else "form-control form-control-sm"
            )
            if form.is_bound and name in form.errors:
                css += " is-invalid"
                widget.attrs["aria-describedby"] = f"id_{name}-error"
                widget.attrs["aria-invalid"] = "true"
            widget.attrs["class"] = css
        return form


class ZoneFilter(BootstrapFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=Zone.Kind.choices)
    district = django_filters.ChoiceFilter(label=_("Huyện"), choices=District.choices)
    status = django_filters.ChoiceFilter(label=_("Tình trạng"), choices=Zone.Status.choices)
    min_free_ha = django_filters.NumberFilter(
        label=_("Đất trống tối thiểu (ha)"),
        field_name="free_area_ha",
        lookup_expr="gte",
        min_value=Decimal(0),
        max_value=Decimal(100_000),
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Ngành nghề"),
        field_name="sectors",
        to_field_name="slug",
        queryset=Sector.objects.all(),
        distinct=True,
    )
    sort = OrderingFilter(
        label=_("Sắp xếp"),
        fields=(("free_area_ha", "free"), ("fill_rate_pct", "fill"), ("name", "name")),
        field_labels={
            "free_area_ha": _("Đất trống"),
            "fill_rate_pct": _("Tỷ lệ lấp đầy"),
            "name": _("Tên"),
        },
    )

    class Meta:
        model = Zone
        fields: list[str] = []


class PlotFilter(BootstrapFilterSet):
    zone = ZoneChoiceFilter(
        label=_("Khu"),
        to_field_name="slug",
        queryset=Zone.objects.published(),
        widget=LongSelect,
    )
    district = django_filters.ChoiceFilter(
        label=_("Huyện"), field_name="zone__district", choices=District.choices
    )
    status = django_filters.ChoiceFilter(
        label=_("Tình trạng"), choices=Plot.Status.choices, empty_label=_("Mọi tình trạng")
    )
    area_min = django_filters.NumberFilter(
        label=_("Diện tích từ"), method="filter_area", min_value=Decimal(0)
    )
    area_max = django_filters.NumberFilter(
        label=_("Diện tích đến"), method="filter_area", min_value=Decimal(0)
    )
    area_unit = django_filters.ChoiceFilter(
        label=_("Đơn vị diện tích"), choices=AREA_UNITS, method="filter_noop", empty_label=None
    )
    rent_min = django_filters.NumberFilter(
        label=_("Giá thuê từ (USD/m²)"),
        field_name="rent_amount",
        lookup_expr="gte",
        min_value=Decimal(0),
    )
    rent_max = django_filters.NumberFilter(
        label=_("Giá thuê đến (USD/m²)"),
        field_name="rent_amount",
        lookup_expr="lte",
        min_value=Decimal(0),
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Ngành nghề"),
        field_name="sectors",
        to_field_name="slug",
        queryset=Sector.objects.all(),
        distinct=True,
    )
    sort = OrderingFilter(
        label=_("Sắp xếp"),
        fields=(("area_m2", "area"), ("rent_amount", "rent")),
        field_labels={"area_m2": _("Diện tích"), "rent_amount": _("Giá thuê")},
    )

    class Meta:
        model = Plot
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        # Available plots unless the visitor asks otherwise (status= for every status).
        if data is not None and "status" not in data:
            data = data.copy()
            data["status"] = Plot.Status.AVAILABLE
        super().__init__(data, *args, **kwargs)

    def filter_noop(self, queryset, name, value):
        return queryset

    def filter_area(self, queryset, name, value):
        in_m2 = (
            value * M2_PER_HA if self.form.cleaned_data.get("area_unit", "ha") != "m2" else value
        )
        lookup = "gte" if name == "area_min" else "lte"
        return queryset.filter(**{f"area_m2__{lookup}": in_m2})


class RefusedFilter(Exception):
    """A filter refused a value of the query string; `errors` maps each field to its messages."""

    def __init__(self, filterset):
        self.filterset = filterset
        self.errors = {name: [str(e) for e in errs] for name, errs in filterset.errors.items()}
        super().__init__(self.errors)


def bind_filter(filterset_class, data, queryset):
    """`filterset_class` bound to `data` (a query string), or unbound for None: its `qs` is
    then the whole queryset. Raises RefusedFilter for a value a filter refuses, which each
    caller answers with a 400: the page with the errors by their fields, or JSON."""
    filterset = filterset_class(data, queryset=queryset)
    if filterset.is_bound and not filterset.is_valid():
        raise RefusedFilter(filterset)
    return filterset
