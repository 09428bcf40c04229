"""GeoJSON geometry as staff paste it: checked to be well-formed and inside Lạng Sơn."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Lạng Sơn province, with a margin: longitude 106.0–107.4 °E, latitude 21.3–22.5 °N.
BBOX = {"min_lng": 105.9, "max_lng": 107.5, "min_lat": 21.2, "max_lat": 22.6}
POLYGON_TYPES = ("Polygon", "MultiPolygon")
MAX_VERTICES = 5000


def in_province(lng, lat):
    return BBOX["min_lng"] <= lng <= BBOX["max_lng"] and BBOX["min_lat"] <= lat <= BBOX["max_lat"]


def _position(value):
    if (
        not isinstance(value, list | tuple)
        or len(value) < 2
        or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in value[:2])
    ):
        raise ValidationError(_("Toạ độ phải là cặp số [kinh độ, vĩ độ]."), code="position")
    lng, lat = value[0], value[1]
    if not in_province(lng, lat):
        raise ValidationError(
            _("Điểm [%(lng)s, %(lat)s] nằm ngoài tỉnh Lạng Sơn. GeoJSON ghi kinh độ trước vĩ độ."),
            params={"lng": lng, "lat": lat},
            code="outside",
        )
    return lng, lat


def _ring(ring):
    if not isinstance(ring, list) or len(ring) < 4:
        raise ValidationError(_("Mỗi vòng của đa giác cần ít nhất 4 điểm."), code="ring")
    points = [_position(p) for p in ring]
    if points[0] != points[-1]:
        raise ValidationError(
            _("Vòng của đa giác phải khép kín (điểm cuối trùng điểm đầu)."), code="ring"
        )
    return len(points)


def validate_polygon(value):
    """A GeoJSON Polygon or MultiPolygon (a bare geometry or a Feature holding one)."""
    if value in (None, ""):
        return
    if not isinstance(value, dict):
        raise ValidationError(_("Không phải GeoJSON: cần một đối tượng JSON."), code="json")
    geometry = value.get("geometry") if value.get("type") == "Feature" else value
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
        raise ValidationError(_("Cần một GeoJSON kiểu Polygon hoặc MultiPolygon."), code="type")
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        raise ValidationError(_("Thiếu toạ độ (coordinates)."), code="coordinates")
    vertices = 0
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            raise ValidationError(_("Thiếu toạ độ (coordinates)."), code="coordinates")
        vertices += sum(_ring(ring) for ring in polygon)
    if vertices > MAX_VERTICES:
        raise ValidationError(
            _("Đa giác quá chi tiết (tối đa %(max)s điểm)."),
            params={"max": MAX_VERTICES},
            code="size",
        )


def ring_area(ring):
    """Twice the signed area of a closed ring in degrees (shoelace): positive when the ring runs
    counter-clockwise, as RFC 7946's right-hand rule wants an exterior ring to."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:], strict=False))


def _wound(ring, counter_clockwise):
    return ring if (ring_area(ring) > 0) == counter_clockwise else ring[::-1]


def right_hand_rule(geometry):
    """A copy of a Polygon or MultiPolygon with exterior rings counter-clockwise and holes
    clockwise (RFC 7946 §3.1.6). Staff paste outlines from any tool, in either direction, and
    the stored value is theirs: the site turns each ring on the way out, so every GeoJSON it
    serves follows the rule whatever was pasted."""
    if not geometry or geometry.get("type") not in POLYGON_TYPES:
        return geometry
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    wound = [
        [_wound(ring, counter_clockwise=(i == 0)) for i, ring in enumerate(polygon)]
        for polygon in polygons
    ]
    return {
        **geometry,
        "coordinates": wound[0] if geometry["type"] == "Polygon" else wound,
    }


def polygon_geometry(value):
    """The bare geometry of a stored value (a Feature is unwrapped), its rings wound as RFC 7946
    asks: what every map, download and API answer serves."""
    if not value:
        return None
    return right_hand_rule(value.get("geometry") if value.get("type") == "Feature" else value)


def outline_extent(value):
    """(west, south, east, north) of a stored outline, in degrees; None without one. Plots keep
    it in columns of their own, so a search by map area is four comparisons in SQL."""
    geometry = polygon_geometry(value)
    if not geometry or geometry.get("type") not in POLYGON_TYPES:
        return None
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    points = [point for polygon in polygons for ring in polygon for point in ring]
    if not points:
        return None
    lngs, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lngs), min(lats), max(lngs), max(lats)
