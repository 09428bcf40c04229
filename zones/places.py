"""Places investors measure a site against, and straight-line distances to them.

The crossings' coordinates come from ../shared/sources/INCENTIVES.md "Places", with its
confidence; the others are well-known coordinates of the place's centre, not from the sources
(confidence M). A zone's own coordinates may be sample (Zone.coordinates_are_sample): a
distance is then as sample as they are. Distances are in a straight line, not by road."""

import math
from dataclasses import dataclass

from django.db.models import ExpressionWrapper, F, FloatField
from django.db.models.functions import Cast
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .data.langson import CROSSINGS as CROSSINGS_IN_SOURCE

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Place:
    slug: str
    name: str | Promise
    latitude: float
    longitude: float
    confidence: str  # H, H/M, M: as INCENTIVES.md grades its sources
    is_crossing: bool = False


# The crossings' coordinates are the ones the zone pages use (zones/data/langson.py CROSSINGS,
# from INCENTIVES.md): written once.
_SOURCED = {c["slug"]: (c["lat"], c["lng"]) for c in CROSSINGS_IN_SOURCE if c["lat"] is not None}

PLACES = [
    Place("huu-nghi", _("Cửa khẩu Hữu Nghị"), *_SOURCED["huu-nghi"], "H", is_crossing=True),
    Place("tan-thanh", _("Cửa khẩu Tân Thanh"), *_SOURCED["tan-thanh"], "H/M", is_crossing=True),
    Place(
        "dong-dang-rail",
        _("Ga Đồng Đăng (cửa khẩu đường sắt)"),
        *_SOURCED["dong-dang-rail"],
        "M",
        is_crossing=True,
    ),
    Place("lang-son-city", _("Thành phố Lạng Sơn (trung tâm tỉnh)"), 21.8537, 106.7615, "M"),
    Place("hanoi", _("Hà Nội"), 21.0285, 105.8542, "M"),
    Place("noi-bai", _("Sân bay Nội Bài"), 21.2212, 105.8072, "M"),
    Place("hai-phong-port", _("Cảng Hải Phòng"), 20.8650, 106.6830, "M"),
]
PLACES_BY_SLUG = {place.slug: place for place in PLACES}
CROSSINGS = [place for place in PLACES if place.is_crossing]


def haversine_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """The great-circle distance between two points, in km."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def distances_from(latitude, longitude) -> list[tuple[Place, float]]:
    """(place, km in a straight line) for every place; empty without coordinates."""
    if latitude is None or longitude is None:
        return []
    lat, lng = float(latitude), float(longitude)
    return [(place, haversine_km(lat, lng, place.latitude, place.longitude)) for place in PLACES]


def squared_km_to(place: Place, prefix: str = "") -> ExpressionWrapper:
    """The squared distance in km from `place` to the row's (or `prefix`'s) coordinates, as SQL
    arithmetic on any database: a flat projection around the place, within 0.1 % of the
    haversine distance over the few tens of km a search asks about. NULL without coordinates."""
    km_per_deg_lat = math.pi * EARTH_RADIUS_KM / 180
    km_per_deg_lng = km_per_deg_lat * math.cos(math.radians(place.latitude))
    dy = (Cast(F(f"{prefix}latitude"), FloatField()) - place.latitude) * km_per_deg_lat
    dx = (Cast(F(f"{prefix}longitude"), FloatField()) - place.longitude) * km_per_deg_lng
    return ExpressionWrapper(dx * dx + dy * dy, output_field=FloatField())
