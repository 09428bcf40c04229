"""CSV and GeoJSON downloads of zones and plots, with the list page's filters applied.
The GeoJSON is a FeatureCollection in WGS 84 (RFC 7946), which QGIS opens as it is."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from .filters import PlotFilter, RefusedFilter, ZoneFilter, bind_filter
from .geo import polygon_geometry
from .models import Plot, Zone

ZONE_COLUMNS = (
    "slug",
    "name",
    "kind",
    "district",
    "status",
    "total_area_ha",
    "leasable_area_ha",
    "fill_rate_pct",
    "free_area_ha",
    "latitude",
    "longitude",
    "figures_as_of",
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


def zone_values(zone):
    return {
        "slug": zone.slug,
        "name": zone.name,
        "kind": zone.kind,
        "district": zone.district,
        "status": zone.status,
        "total_area_ha": zone.total_area_ha,
        "leasable_area_ha": zone.leasable_area_ha,
        "fill_rate_pct": zone.fill_rate_pct,
        "free_area_ha": zone.free_area_ha,
        "latitude": zone.latitude,
        "longitude": zone.longitude,
        "figures_as_of": zone.figures_as_of,
        "is_sample": zone.is_sample,
    }


def plot_values(plot):
    return {
        "zone": plot.zone.slug,
        "code": plot.code,
        "area_m2": plot.area_m2,
        "status": plot.status,
        "rent_amount": plot.rent_amount,
        "rent_currency": plot.rent_currency,
        "rent_basis": plot.rent_basis,
        "rent_quoted_on": plot.rent_quoted_on,
        "lease_term_ends": plot.lease_term_ends,
        "is_sample": plot.is_sample,
    }


def zones_download(request, fmt):
    queryset = Zone.objects.for_listing().order_by("slug")
    try:
        zones = bind_filter(ZoneFilter, request.GET or None, queryset).qs
    except RefusedFilter as refused:
        return _refused(refused)
    if fmt == "csv":
        return _csv(
            "zones", ZONE_COLUMNS, ([zone_values(z)[c] for c in ZONE_COLUMNS] for z in zones)
        )
    features = []
    for zone in zones:
        geometry = polygon_geometry(zone.boundary) or (
            {"type": "Point", "coordinates": [float(zone.longitude), float(zone.latitude)]}
            if zone.latitude is not None
            else None
        )
        properties = json.loads(json.dumps(zone_values(zone), cls=DjangoJSONEncoder))
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return _geojson("zones", features)


def plots_download(request, fmt):
    queryset = Plot.objects.published().select_related("zone").order_by("zone__slug", "code")
    try:
        plots = bind_filter(PlotFilter, request.GET or None, queryset).qs
    except RefusedFilter as refused:
        return _refused(refused)
    if fmt == "csv":
        return _csv(
            "plots", PLOT_COLUMNS, ([plot_values(p)[c] for c in PLOT_COLUMNS] for p in plots)
        )
    features = [
        {
            "type": "Feature",
            "geometry": polygon_geometry(plot.boundary),
            "properties": json.loads(json.dumps(plot_values(plot), cls=DjangoJSONEncoder)),
        }
        for plot in plots
    ]
    return _geojson("plots", features)
