"""What the Leaflet maps draw, as plain data for json_script (no inline JavaScript)."""

from urllib.parse import quote

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .geo import polygon_geometry
from .models import Plot, Zone
from .places import map_places
from .templatetags.zones_tags import num

# Border crossings on the maps: a purple diamond, not a zone (static/js/map.js draws the same).
CROSSING_COLOUR = "#6f42c1"


def legend(statuses):
    """A swatch per status, in the colour the map draws it."""
    return [{"label": str(status.label), "colour": status.colour} for status in statuses]


# What a marker needs: a map of every zone loads only these columns.
MARKER_FIELDS = ("slug", *Zone.NAME_FIELDS, "status", "latitude", "longitude")


def map_markers(zones):
    """Zone markers coloured by status, for `/` and `/zones/` (None when there are none)."""
    # Once per map, not per marker: 500 markers spent 40 ms in reverse() and label lookups.
    statuses = {status.value: (str(status.label), status.colour) for status in Zone.Status}
    url = reverse("zones:detail", kwargs={"slug": "-slug-"}).replace("-slug-", "{}")
    markers = [
        {
            "name": zone.name,
            "lat": float(zone.latitude),
            "lng": float(zone.longitude),
            "colour": statuses[zone.status][1],
            "status": statuses[zone.status][0],
            "url": url.format(zone.slug),
        }
        for zone in zones
        if zone.latitude is not None and zone.longitude is not None
    ]
    return {"markers": markers, "legend": map_legend(), "places": map_places()} if markers else None


def map_legend(other_clusters=None):
    """The zone map's legend: a swatch per zone status, the border crossings, and the clusters
    the report counts but the map cannot place."""
    items = [
        *legend(reversed(Zone.Status)),  # operating zones first
        {"label": _("Cửa khẩu biên giới"), "colour": CROSSING_COLOUR, "shape": "diamond"},
    ]
    if other_clusters:
        items.append(
            {
                "label": ngettext(
                    "%(count)s cụm công nghiệp địa phương khác: chưa có trên bản đồ (vị trí xin "
                    "liên hệ)",
                    "%(count)s cụm công nghiệp địa phương khác: chưa có trên bản đồ (vị trí xin "
                    "liên hệ)",
                    other_clusters.count,
                )
                % {"count": other_clusters.count},
                "colour": "none",
                "shape": "none",
            }
        )
    return items


def _plot_popup(plot):
    """What a map says of a plot: its code linked to its page, area, status and colour."""
    return {
        "colour": Plot.Status(plot.status).colour,
        "code": plot.code,
        "url": plot.get_absolute_url(),
        "area": f"{num(plot.area_m2, 0)} {_('m²')}",
        "status": plot.get_status_display(),
    }


def _plot_feature(plot, inquire):
    return {
        "geometry": polygon_geometry(plot.boundary),
        **_plot_popup(plot),
        "inquire": f"{inquire}?plot={quote(plot.reference)}"
        if plot.status == Plot.Status.AVAILABLE
        else "",
    }


# A results map draws up to a page of outlines, each of which staff may draw with up to 5,000
# vertices (zones.geo.MAX_VERTICES): thinned to this many per ring and rounded to about a metre,
# a page's map data stays a few kilobytes whatever was pasted.
RESULTS_RING_POINTS = 64


def _thinned(geometry):
    """A copy of a Polygon or MultiPolygon for a small drawing: every ring at most
    RESULTS_RING_POINTS points (every k-th, closed again), coordinates to 5 decimals."""

    def ring(points):
        step = -(-len(points) // RESULTS_RING_POINTS)  # ceiling division
        kept = [[round(x, 5), round(y, 5)] for x, y, *_ in points[::step]]
        return [*kept, kept[0]] if kept[-1] != kept[0] else kept

    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [ring(r) for r in geometry["coordinates"]]}
    return {
        "type": "MultiPolygon",
        "coordinates": [[ring(r) for r in polygon] for polygon in geometry["coordinates"]],
    }


def results_map(plots, box=None):
    """The plot search's results: each plot's outline, or for plots without one a marker at
    their zone's position (one per zone); `box` (west, south, east, north) is the map area the
    search was narrowed to. None when nothing can be drawn and no area was asked for."""
    inquire = reverse("investors:inquire")
    outlined, by_zone = [], {}
    for plot in plots:
        if plot.boundary:
            feature = _plot_feature(plot, inquire)
            outlined.append({**feature, "geometry": _thinned(feature["geometry"])})
        elif plot.zone.latitude is not None and plot.zone.longitude is not None:
            marker = by_zone.setdefault(
                plot.zone_id,
                {
                    "name": plot.zone.name,
                    "lat": float(plot.zone.latitude),
                    "lng": float(plot.zone.longitude),
                    "plots": [],
                },
            )
            marker["plots"].append(_plot_popup(plot))
    if not (outlined or by_zone or box):
        return None
    return {
        "centre": None,
        "plots": outlined,
        "plotMarkers": list(by_zone.values()),
        "legend": legend(Plot.Status),
        "inquireLabel": _("Đăng ký quan tâm lô này"),
        "bbox": list(box) if box else None,
        "searchArea": {"label": _("Tìm trong vùng này"), "form": "filter-form", "field": "bbox"},
    }


def plot_map(plot):
    """One plot's outline inside its zone's (None when neither is drawn)."""
    zone = plot.zone
    if not (plot.boundary or zone.boundary):
        return None
    return {
        "centre": None,
        "boundary": polygon_geometry(zone.boundary),
        "plots": [_plot_feature(plot, reverse("investors:inquire"))] if plot.boundary else [],
        "legend": legend([Plot.Status(plot.status)]),
        "inquireLabel": _("Đăng ký quan tâm lô này"),
    }


def zone_map(zone):
    """A zone's outline and its plots, coloured by status, with a link to express interest."""
    inquire = reverse("investors:inquire")
    plots = [_plot_feature(plot, inquire) for plot in zone.plots.all() if plot.boundary]
    centre = [float(zone.latitude), float(zone.longitude)] if zone.latitude is not None else None
    if not (plots or zone.boundary or centre):
        return None
    return {
        "centre": centre,
        "boundary": polygon_geometry(zone.boundary),
        "plots": plots,
        "legend": legend(Plot.Status),
        "inquireLabel": _("Đăng ký quan tâm lô này"),
    }
