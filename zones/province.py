"""The province around the zones: its neighbours, its working border crossings (on the map where
the source gives coordinates), province-level distances with their source, the local clusters
the report counts without naming, and straight-line distances from a zone to the crossings."""

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from .data import langson
from .models import District, Indicator, Zone

EARTH_RADIUS_KM = 6371.0


def pick(text: dict[str, str]) -> str:
    """One language of a translated value (langson.T), as the visitor reads the site."""
    return text.get((get_language() or "vi").replace("-", "_"), "") or text["vi"]


def crossings() -> list[dict[str, Any]]:
    """The working border crossings; `lat`/`lng` are None where the source gives none."""
    return [{**c, "name": pick(c["name"])} for c in langson.CROSSINGS]


def map_places() -> list[dict[str, Any]]:
    """The crossings the map can place (only at the source's coordinates)."""
    return [
        {"name": c["name"], "lat": c["lat"], "lng": c["lng"], "kind": c["kind"]}
        for c in crossings()
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


def great_circle_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """The haversine distance: a straight line over the ground, shorter than any road."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def distances_from(zone: Zone) -> list[dict[str, Any]]:
    """Straight-line km from the zone's coordinates to each crossing the source places."""
    if zone.latitude is None or zone.longitude is None:
        return []
    return [
        {
            "name": place["name"],
            "km": round(
                great_circle_km(
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
