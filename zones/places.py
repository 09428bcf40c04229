"""The province's places: the border crossings, the cities, airport and port investors measure
a site against, straight-line distances to them, the province's neighbours and road facts, and
the local clusters the report counts without naming.

The crossings' coordinates come from ../shared/sources/INCENTIVES.md "Places" (through
zones/data/langson.py CROSSINGS), with its confidence; the others are well-known coordinates of
the place's centre, not from the sources (confidence M). A zone's own coordinates may be sample
(Zone.coordinates_are_sample): a distance is then as sample as they are. Distances are in a
straight line, not by road."""

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, ExpressionWrapper, F, FloatField, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .data import langson
from .models import District, Indicator, Zone

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
_SOURCED = {c["slug"]: (c["lat"], c["lng"]) for c in langson.CROSSINGS if c["lat"] is not None}

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
    """The great-circle distance between two points, in km: a straight line over the ground,
    shorter than any road."""
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


def pick(text: dict[str, str]) -> str:
    """One language of a translated value (langson.T), as the visitor reads the site."""
    return text.get((get_language() or "vi").replace("-", "_"), "") or text["vi"]


def border_crossings() -> list[dict[str, Any]]:
    """The working border crossings; `lat`/`lng` are None where the source gives none."""
    return [{**c, "name": pick(c["name"])} for c in langson.CROSSINGS]


def map_places() -> list[dict[str, Any]]:
    """The crossings the map can place (only at the source's coordinates)."""
    return [
        {"name": c["name"], "lat": c["lat"], "lng": c["lng"], "kind": c["kind"]}
        for c in border_crossings()
        if c["lat"] is not None
    ]


def province_distances() -> list[dict[str, Any]]:
    return [
        {
            "name": pick(d["name"]),
            "km": d["km"],
            "approximate": d["approximate"],
            "note": pick(d["note"]) if d.get("note") else "",
        }
        for d in langson.DISTANCES
    ]


def neighbours() -> list[tuple[str, list[str]]]:
    return [(pick(side), [pick(name) for name in names]) for side, names in langson.NEIGHBOURS]


def places_source() -> str:
    return pick(langson.PLACES_SOURCE)


def crossing_distances(zone: Zone) -> list[dict[str, Any]]:
    """Straight-line km, rounded, from the zone's coordinates to each crossing the source places,
    named as the source names it (the zone page)."""
    if zone.latitude is None or zone.longitude is None:
        return []
    return [
        {
            "name": place["name"],
            "km": round(
                haversine_km(
                    float(zone.latitude), float(zone.longitude), place["lat"], place["lng"]
                )
            ),
        }
        for place in map_places()
    ]


@dataclass(frozen=True)
class OtherClusters:
    """The local clusters the report counts but does not name: one honest entry."""

    count: int  # not listed on the portal
    total_count: int  # in the report, listed ones included
    area_ha: Decimal | None  # all of them, listed ones included
    area_approximate: bool
    districts: list[str]


def other_clusters(indicators: dict[str, Any], listed_clusters: int) -> OtherClusters | None:
    """From the report's cluster count and area (indicators by slug, which staff keep) and the
    number of clusters the portal lists; None when every counted cluster is listed."""
    count = indicators.get(langson.CLUSTER_COUNT_INDICATOR)
    if count is None or int(count.value) <= listed_clusters:
        return None
    area = indicators.get(langson.CLUSTER_AREA_INDICATOR)
    return OtherClusters(
        count=int(count.value) - listed_clusters,
        total_count=int(count.value),
        area_ha=area.value if area else None,
        area_approximate=bool(area and area.is_approximate),
        districts=[str(District(d).label) for d in langson.CLUSTER_DISTRICTS],
    )


def other_clusters_listed() -> OtherClusters | None:
    """`other_clusters` from the database, in one query (the report's cluster indicators, each
    with the number of published clusters)."""
    listed = (
        Zone.objects.published()
        .filter(kind=Zone.Kind.INDUSTRIAL_CLUSTER)
        .order_by()
        .values("kind")
        .annotate(n=Count("pk"))
        .values("n")
    )
    slugs = (langson.CLUSTER_COUNT_INDICATOR, langson.CLUSTER_AREA_INDICATOR)
    indicators = {
        i.slug: i
        for i in Indicator.objects.filter(slug__in=slugs).annotate(
            listed=Coalesce(Subquery(listed), 0)
        )
    }
    if not indicators:
        return None
    return other_clusters(indicators, next(iter(indicators.values())).listed)
