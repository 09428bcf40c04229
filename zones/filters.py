"""Search and filters for the zone and plot lists (django-filter). Filters live in the URL,
so a search can be shared and the back button works."""

import html
import math
from decimal import Decimal
from functools import partial

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BaseCSVWidget
from modeltranslation.utils import build_localized_fieldname

from .models import M2_PER_HA, Building, District, Plot, Sector, Zone
from .places import CROSSINGS, PLACES_BY_SLUG, squared_km_to

AREA_UNITS = [("ha", "ha"), ("m2", "m²")]


def render_select(widget, name, value, attrs=None, renderer=None):
    """A <select> rendered in Python, as Django's template renders it: Django renders each
    option through a template of its own (19 ms for the 500 zones of the plot search's select;
    the filter forms' templates were 30 % of the zone list's time on five zones). Joined as
    plain strings, each escaped once: format_html per option took 8 ms for the 500 zones."""
    chosen = set(widget.format_value(value))
    options = "".join(
        f'<option value="{_escape(key)}"{" selected" if str(key) in chosen else ""}>'
        f"{_escape(label)}</option>"
        for key, label in widget.choices
    )
    attrs = flatatt(widget.build_attrs(widget.attrs, attrs))
    return format_html(
        '<select name="{}"{}>{}</select>',
        name,
        attrs,
        mark_safe(options),  # noqa: S308  (every key and label escaped above)
    )


def render_sort_select(widget, name, value, attrs=None, renderer=None):
    """The sort's <select> (django-filter's CSV widget over a Select) rendered in Python, as
    render_select; several values fall back to django-filter's text input."""
    values = value if widget._isiterable(value) else [value]
    if len(values) > 1:
        return type(widget).render(widget, name, value, attrs, renderer)
    return render_select(widget, name, values[0] if values else "", attrs, renderer)


def _escape(value):
    """conditional_escape, as a plain string: safe text as it is, any other escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def render_input(widget, name, value, attrs=None, renderer=None):
    """An <input> rendered in Python, as Django's template renders it."""
    value = widget.format_value(value)
    shown = format_html(' value="{}"', value) if value is not None else ""
    attrs = flatatt(widget.build_attrs(widget.attrs, attrs))
    return format_html('<input type="{}" name="{}"{}{}>', widget.input_type, name, shown, attrs)


class BoundingBoxField(forms.Field):
    """A map's visible area as `minlon,minlat,maxlon,maxlat` (west, south, east, north, in
    degrees, as GeoJSON and Leaflet's toBBoxString() write it): a tuple of four floats."""

    widget = forms.HiddenInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        parts = str(value).split(",")
        try:
            if len(value) > 200 or len(parts) != 4:
                raise ValueError
            box = tuple(float(part) for part in parts)
        except ValueError:
            raise ValidationError(
                _(
                    "Vùng bản đồ phải là bốn số cách nhau bởi dấu phẩy: kinh độ tây, vĩ độ nam, "
                    "kinh độ đông, vĩ độ bắc."
                ),
                code="format",
            ) from None
        west, south, east, north = box
        if not all(math.isfinite(n) for n in box) or not (
            -180 <= west < east <= 180 and -90 <= south < north <= 90
        ):
            raise ValidationError(
                _(
                    "Vùng bản đồ không hợp lệ: kinh độ từ -180 đến 180, vĩ độ từ -90 đến 90, "
                    "tây nhỏ hơn đông và nam nhỏ hơn bắc."
                ),
                code="range",
            )
        return box


class BoundingBoxFilter(django_filters.Filter):
    field_class = BoundingBoxField


class LongSelect(forms.Select):
    """A select of hundreds of options (every zone)."""

    render = render_select


class SlugNameChoices(django_filters.fields.ModelChoiceIterator):
    """A zone's or sector's choice as (slug, name) pairs from one query of those columns,
    without building a model per row (13 ms for 500 zones). The name in the visitor's
    language, else in Vietnamese, as modeltranslation gives `name`: its own fallback, applied
    row by row in Python, tripled the query's cost (3 ms against 1 for 500 zones)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        local = build_localized_fieldname("name", get_language())
        fallback = build_localized_fieldname(
            "name", settings.MODELTRANSLATION_FALLBACK_LANGUAGES[0]
        )
        columns = dict.fromkeys([local, fallback])  # one column for a visitor reading Vietnamese
        for key, *names in self.queryset.values_list(self.field.to_field_name, *columns):
            yield key, names[0] or names[-1]


class SlugNameChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice of rows named by their `name` (str() of a zone or a sector)."""

    field_class = type(
        "SlugNameChoiceField",
        (django_filters.fields.ModelChoiceField,),
        {"iterator": SlugNameChoices},
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
            # Rendered in Python rather than through Django's widget templates (a filter form
            # is on every catalogue list, and its templates cost more than the list's rows).
            if type(widget) is forms.Select:
                widget.render = partial(render_select, widget)
            elif isinstance(widget, BaseCSVWidget) and isinstance(widget, forms.Select):
                widget.render = partial(render_sort_select, widget)
            elif type(widget) in (forms.NumberInput, forms.TextInput, forms.HiddenInput):
                widget.render = partial(render_input, widget)
        return form


class NearFilterSet(BootstrapFilterSet):
    """Where it is: within so many km (in a straight line) of a border crossing, nearest first.
    The zone's coordinates are the row's, or `coordinates_prefix`'s for a plot."""

    coordinates_prefix = ""
    near = django_filters.ChoiceFilter(
        label=_("Gần cửa khẩu"),
        choices=[(place.slug, place.name) for place in CROSSINGS],
        method="filter_noop",
    )
    within_km = django_filters.NumberFilter(
        label=_("Trong vòng (km)"),
        method="filter_noop",
        min_value=Decimal(0),
        max_value=Decimal(1000),
    )

    def filter_noop(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        slug, within = self.form.cleaned_data.get("near"), self.form.cleaned_data.get("within_km")
        if within is not None and not slug:
            slug = CROSSINGS[0].slug  # "within 20 km" alone: of Hữu Nghị, the main crossing
        if not slug:
            return queryset
        queryset = queryset.annotate(
            distance_km_sq=squared_km_to(PLACES_BY_SLUG[slug], self.coordinates_prefix)
        )
        if within is not None:
            queryset = queryset.filter(distance_km_sq__lte=float(within) ** 2)
        if not self.form.cleaned_data.get("sort"):
            queryset = queryset.order_by(F("distance_km_sq").asc(nulls_last=True), "pk")
        return queryset


class ZoneFilter(NearFilterSet):
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
    sector = SlugNameChoiceFilter(
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


class PlotFilter(NearFilterSet):
    coordinates_prefix = "zone__"
    zone = SlugNameChoiceFilter(
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
    sector = SlugNameChoiceFilter(
        label=_("Ngành nghề"),
        field_name="sectors",
        to_field_name="slug",
        queryset=Sector.objects.all(),
        distinct=True,
    )
    bbox = BoundingBoxFilter(label=_("Vùng bản đồ"), method="filter_bbox")
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
        if name == "area_min":
            return queryset.filter(area_m2__gte=in_m2)
        # A larger plot that can be divided down to the area asked for counts too.
        return queryset.filter(Q(area_m2__lte=in_m2) | Q(min_part_m2__lte=in_m2))

    def filter_bbox(self, queryset, name, box):
        """Plots whose outline reaches into the box (by the outline's extent, Plot.west_lng…),
        and plots without an outline whose zone's position is in it."""
        west, south, east, north = box
        outline_in_box = Q(
            west_lng__lte=east, east_lng__gte=west, south_lat__lte=north, north_lat__gte=south
        )
        zone_in_box = Q(
            west_lng__isnull=True,
            zone__longitude__gte=west,
            zone__longitude__lte=east,
            zone__latitude__gte=south,
            zone__latitude__lte=north,
        )
        return queryset.filter(outline_in_box | zone_in_box)


class BuildingFilter(NearFilterSet):
    coordinates_prefix = "zone__"
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=Building.Kind.choices)
    district = django_filters.ChoiceFilter(
        label=_("Huyện"), field_name="zone__district", choices=District.choices
    )
    area_min = django_filters.NumberFilter(
        label=_("Diện tích sàn từ (m²)"),
        field_name="floor_area_m2",
        lookup_expr="gte",
        min_value=Decimal(0),
    )
    height_min = django_filters.NumberFilter(
        label=_("Chiều cao từ (m)"),
        field_name="clear_height_m",
        lookup_expr="gte",
        min_value=Decimal(0),
    )
    rent_max = django_filters.NumberFilter(
        label=_("Giá thuê tối đa (USD/m²/tháng)"),
        field_name="rent_usd_m2_month",
        lookup_expr="lte",
        min_value=Decimal(0),
    )
    sort = OrderingFilter(
        label=_("Sắp xếp"),
        fields=(("floor_area_m2", "area"), ("rent_usd_m2_month", "rent")),
        field_labels={"floor_area_m2": _("Diện tích"), "rent_usd_m2_month": _("Giá thuê")},
    )

    class Meta:
        model = Building
        fields: list[str] = []


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
