"""CSV and GeoJSON downloads of zones and plots, with the list page's filters applied.
The GeoJSON is a FeatureCollection in WGS 84 (RFC 7946), which QGIS opens as it is."""

import csv
import json
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from .filters import PlotFilter, RefusedFilter, ZoneFilter, bind_filter
from .geo import polygon_geometry
from .models import Plot, Zone

# The columns of the open-data files, each named once: the values are the attributes so named.
ZONE_COLUMNS = (
    "slug",
    "name",
    "kind",
    "district",
    "status",
    "total_area_ha",
    "total_area_approximate",
    "leasable_area_ha",
    "leasable_area_approximate",
    "fill_rate_pct",
    "fill_rate_approximate",
    "free_area_ha",
    "free_area_basis",
    "free_area_approximate",
    "latitude",
    "longitude",
    "coordinates_are_sample",
    "figures_as_of",
    "figures_as_of_precision",
    "figures_as_of_until",
    "is_sample",
)
PLOT_COLUMNS = (
    "zone",
    "code",
    "area_m2",
    "status",
    "rent_amount",
    "rent_currency",
    "rent_basis",
    "rent_quoted_on",
    "lease_term_ends",
    "is_sample",
)


def _refused(refused):
    return JsonResponse({"detail": "Invalid filter values.", "errors": refused.errors}, status=400)


def _csv(name, columns, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate()}.csv"'
    response.write("\ufeff")  # spreadsheet programs then read the Vietnamese right
    writer = csv.writer(response)
    writer.writerow(columns)
    writer.writerows(rows)
    return response


def _geojson(name, features):
    response = JsonResponse(
        {"type": "FeatureCollection", "features": features},
        encoder=DjangoJSONEncoder,
        json_dumps_params={"ensure_ascii": False},
        content_type="application/geo+json",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{timezone.localdate()}.geojson"'
    )
    return response


def _plain(value):
    """A Decimal as people write it, without trailing zeros (64.8, not 64.8000000000000; 162,
    not 162.00 or 1.62E+2); anything else as it is."""
    if not isinstance(value, Decimal):
        return value
    value = value.normalize()
    return f"{value:f}"


def _values(obj, columns):
    """A row's columns by name; a foreign key is written as the related row's slug."""
    values = {name: getattr(obj, name) for name in columns}
    return {name: _plain(getattr(v, "slug", v)) for name, v in values.items()}


def _zone_values(zone):
    """A zone's row: free land and fill rate by the rule every page uses (`Zone.free_land`),
    rounded and marked as the pages show them."""
    free = zone.free_land
    shown = {
        "fill_rate_pct": zone.fill_rate_shown_pct,
        "fill_rate_approximate": zone.fill_rate_shown_approximate,
        "free_area_ha": free.ha,
        "free_area_basis": free.basis,
        "free_area_approximate": free.approximate,
    }
    read = _values(zone, [name for name in ZONE_COLUMNS if name not in shown])
    return {name: _plain(shown[name]) if name in shown else read[name] for name in ZONE_COLUMNS}


def zones_download(request, fmt):
    queryset = Zone.objects.for_listing().order_by("slug")
    try:
        zones = bind_filter(ZoneFilter, request.GET or None, queryset).qs
    except RefusedFilter as refused:
        return _refused(refused)
    if fmt == "csv":
        return _csv("zones", ZONE_COLUMNS, (_zone_values(z).values() for z in zones))
    features = []
    for zone in zones:
        geometry = polygon_geometry(zone.boundary) or (
            {"type": "Point", "coordinates": [float(zone.longitude), float(zone.latitude)]}
            if zone.latitude is not None
            else None
        )
        properties = json.loads(json.dumps(_zone_values(zone), cls=DjangoJSONEncoder))
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return _geojson("zones", features)


def plots_download(request, fmt):
    queryset = Plot.objects.published().select_related("zone").order_by("zone__slug", "code")
    try:
        plots = bind_filter(PlotFilter, request.GET or None, queryset).qs
    except RefusedFilter as refused:
        return _refused(refused)
    if fmt == "csv":
        return _csv("plots", PLOT_COLUMNS, (_values(p, PLOT_COLUMNS).values() for p in plots))
    features = [
        {
            "type": "Feature",
            "geometry": polygon_geometry(plot.boundary),
            "properties": json.loads(
                json.dumps(_values(plot, PLOT_COLUMNS), cls=DjangoJSONEncoder)
            ),
        }
        for plot in plots
    ]
    return _geojson("plots", features)
