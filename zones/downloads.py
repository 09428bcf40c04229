"""CSV and GeoJSON downloads of zones and plots, with the list page's filters applied.
The GeoJSON is a FeatureCollection in WGS 84 (RFC 7946), which QGIS opens as it is."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from .filters import PlotFilter, ZoneFilter
from .geo import polygon_geometry
from .models import Plot, Zone

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


def _filtered(filterset_class, request, queryset):
    filterset = filterset_class(request.GET or None, queryset=queryset)
    if filterset.is_bound and not filterset.is_valid():
        return None, filterset.errors
    return (filterset.qs if filterset.is_bound else queryset), None


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
    """A zone's row: free land and fill rate by the rule every page uses (`Zone.free_land`)."""
    free = zone.free_land
    return {
        "slug": zone.slug,
        "name": zone.name,
        "kind": zone.kind,
        "district": zone.district,
        "status": zone.status,
        "total_area_ha": zone.total_area_ha,
        "total_area_approximate": zone.total_area_approximate,
        "leasable_area_ha": zone.leasable_area_ha,
        "leasable_area_approximate": zone.leasable_area_approximate,
        "fill_rate_pct": zone.fill_rate_shown_pct,
        "fill_rate_approximate": zone.fill_rate_shown_approximate,
        "free_area_ha": free.ha,
        "free_area_basis": free.basis,
        "free_area_approximate": free.approximate,
        "latitude": zone.latitude,
        "longitude": zone.longitude,
        "coordinates_are_sample": zone.coordinates_are_sample,
        "figures_as_of": zone.figures_as_of,
        "figures_as_of_precision": zone.figures_as_of_precision,
        "figures_as_of_until": zone.figures_as_of_until,
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
    zones, errors = _filtered(ZoneFilter, request, Zone.objects.for_listing().order_by("slug"))
    if errors is not None:
        return JsonResponse({"detail": "Invalid filter values.", "errors": errors}, status=400)
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
    queryset = Plot.objects.filter(zone__is_published=True).select_related("zone")
    plots, errors = _filtered(PlotFilter, request, queryset.order_by("zone__slug", "code"))
    if errors is not None:
        return JsonResponse({"detail": "Invalid filter values.", "errors": errors}, status=400)
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
