"""Every GeoJSON the site serves follows RFC 7946: valid rings, exterior rings counter-clockwise
and holes clockwise (the right-hand rule, §3.1.6), every point inside Lạng Sơn."""

import json
from itertools import combinations

import pytest
from django.core.management import call_command

from tests.factories import PlotFactory, ZoneFactory
from zones.geo import in_province, ring_area
from zones.models import Plot, Zone

pytestmark = pytest.mark.django_db

# A square drawn clockwise, with a square hole drawn counter-clockwise: both the wrong way round.
CLOCKWISE_WITH_HOLE = {
    "type": "Polygon",
    "coordinates": [
        [[106.58, 21.61], [106.58, 21.63], [106.60, 21.63], [106.60, 21.61], [106.58, 21.61]],
        [[106.585, 21.615], [106.595, 21.615], [106.595, 21.625], [106.585, 21.625],
         [106.585, 21.615]],
    ],
}  # fmt: skip


def _segments_cross(p1, p2, q1, q2):
    def orient(a, b, c):
        value = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (value > 0) - (value < 0)

    return (
        orient(p1, p2, q1) * orient(p1, p2, q2) < 0 and orient(q1, q2, p1) * orient(q1, q2, p2) < 0
    )


def assert_rfc7946_polygon(geometry, where):
    assert geometry["type"] in ("Polygon", "MultiPolygon"), where
    coordinates = geometry["coordinates"]
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    for polygon in polygons:
        for i, ring in enumerate(polygon):
            assert len(ring) >= 4 and ring[0] == ring[-1], f"{where}: ring not closed"
            assert all(in_province(lng, lat) for lng, lat in ring), f"{where}: outside province"
            edges = list(zip(ring, ring[1:], strict=False))
            for (a, b), (c, d) in combinations(edges, 2):
                assert not _segments_cross(a, b, c, d), f"{where}: ring crosses itself"
            area = ring_area(ring)
            assert area != 0, f"{where}: ring has no area"
            if i == 0:
                assert area > 0, f"{where}: exterior ring is clockwise"
            else:
                assert area < 0, f"{where}: hole is counter-clockwise"


def served_geometries(client):
    """(where, geometry) for every polygon in every GeoJSON the public site serves."""
    for url in ["/zones/download.geojson", "/plots/download.geojson"]:
        for feature in client.get(url).json()["features"]:
            if feature["geometry"] and feature["geometry"]["type"] != "Point":
                yield url, feature["geometry"]
    pages = [z.get_absolute_url() for z in Zone.objects.published()]
    pages += [p.get_absolute_url() for p in Plot.objects.published().select_related("zone")]
    for url in pages:
        html = client.get(url).content.decode()
        if 'id="map-data"' not in html:
            continue
        data = json.loads(html.split('id="map-data" type="application/json">')[1].split("</")[0])
        if data.get("boundary"):
            yield url, data["boundary"]
        for plot in data.get("plots", []):
            yield f"{url} {plot['code']}", plot["geometry"]


def test_every_shipped_outline_is_served_by_the_right_hand_rule(client):
    call_command("load_langson", verbosity=0)
    served = list(served_geometries(client))
    assert len({where for where, _ in served}) > 22  # every plot and outlined zone, twice over
    for where, geometry in served:
        assert_rfc7946_polygon(geometry, where)


def test_the_shipped_outlines_are_stored_counter_clockwise(client):
    call_command("load_langson", verbosity=0)
    outlines = [*Plot.objects.values_list("boundary", flat=True)]
    outlines += Zone.objects.exclude(boundary=None).values_list("boundary", flat=True)
    assert len(outlines) == 25
    assert all(ring_area(outline["coordinates"][0]) > 0 for outline in outlines)


def test_an_outline_pasted_the_wrong_way_round_is_served_the_right_way(client):
    zone = ZoneFactory(slug="dong-banh", boundary=CLOCKWISE_WITH_HOLE)
    plot = PlotFactory(
        zone=zone,
        code="B1",
        boundary={"type": "Feature", "geometry": {**CLOCKWISE_WITH_HOLE}, "properties": {}},
    )
    served = list(served_geometries(client))
    assert len(served) == 6  # 2 downloads, the zone and plot on the zone page and the plot page
    for where, geometry in served:
        assert_rfc7946_polygon(geometry, where)
    plot.refresh_from_db()
    assert plot.boundary["geometry"] == CLOCKWISE_WITH_HOLE  # what staff pasted, kept
