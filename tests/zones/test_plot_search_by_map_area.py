"""The plot search narrowed to a map area (?bbox=west,south,east,north): plots whose outline
reaches into it, or without an outline, whose zone lies in it; a bad area is refused next to
its filter; the results' map shows what the page lists."""

import json
import math
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import PlotFactory, ZoneFactory
from zones.models import Plot

pytestmark = pytest.mark.django_db


def square(lng, lat, side=0.002):
    """A small counter-clockwise square outline with its south-west corner at (lng, lat)."""
    ring = [[lng, lat], [lng + side, lat], [lng + side, lat + side], [lng, lat + side], [lng, lat]]
    return {"type": "Polygon", "coordinates": [ring]}


@pytest.fixture
def plots():
    north = ZoneFactory(slug="north", latitude=Decimal("22.0"), longitude=Decimal("106.7"))
    south = ZoneFactory(slug="south", latitude=Decimal("21.5"), longitude=Decimal("106.3"))
    return {
        # Outlined: found by the outline, wherever its zone's marker is.
        "inside": PlotFactory(zone=south, code="IN", boundary=square(106.75, 21.95)),
        "straddling": PlotFactory(zone=south, code="EDGE", boundary=square(106.799, 21.95)),
        "outside": PlotFactory(zone=north, code="OUT", boundary=square(106.9, 21.95)),
        # No outline: found by its zone's position.
        "zone-inside": PlotFactory(zone=north, code="ZIN"),
        "zone-outside": PlotFactory(zone=south, code="ZOUT"),
    }


def codes(response):
    assert response.status_code == 200
    return sorted(plot.code for plot in response.context["plots"])


BOX = "106.6,21.9,106.8,22.1"


def test_the_box_keeps_outlines_reaching_into_it_and_outline_less_plots_of_zones_in_it(
    client, plots
):
    assert codes(client.get("/plots/", {"bbox": BOX})) == ["EDGE", "IN", "ZIN"]
    assert codes(client.get("/plots/")) == ["EDGE", "IN", "OUT", "ZIN", "ZOUT"]


def test_the_box_combines_with_the_other_filters(client, plots):
    Plot.objects.filter(code="IN").update(status=Plot.Status.LEASED)
    assert codes(client.get("/plots/", {"bbox": BOX})) == ["EDGE", "ZIN"]
    assert codes(client.get("/plots/", {"bbox": BOX, "status": ""})) == ["EDGE", "IN", "ZIN"]


def test_an_outline_s_extent_follows_it_whenever_it_is_saved(plots):
    plot = plots["inside"]
    assert (plot.west_lng, plot.south_lat) == (106.75, 21.95)
    assert plot.east_lng == pytest.approx(106.752) and plot.north_lat == pytest.approx(21.952)
    plot.boundary = square(106.5, 21.6)
    plot.save(update_fields=["boundary"])
    plot.refresh_from_db()
    assert (plot.west_lng, plot.south_lat) == (106.5, 21.6)
    plot.boundary = None
    plot.save()
    plot.refresh_from_db()
    assert plot.west_lng is plot.north_lat is None


def test_the_database_refuses_half_an_extent(plots):
    with pytest.raises(IntegrityError), transaction.atomic():
        Plot.objects.filter(code="IN").update(east_lng=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Plot.objects.filter(code="IN").update(west_lng=107.0)  # west of east, always


@pytest.mark.parametrize(
    "bad",
    [
        "106.6,21.9,106.8",  # three numbers
        "106.6,21.9,106.8,22.1,5",
        "a,b,c,d",
        "106.8,21.9,106.6,22.1",  # west east of east
        "106.6,22.1,106.8,21.9",  # south north of north
        "nan,21.9,106.8,22.1",
        "-inf,21.9,inf,22.1",
        "106.6,-95,106.8,22.1",
        "1" * 300,
    ],
)
def test_a_bad_area_is_refused_with_its_message_next_to_the_filter(client, plots, bad):
    response = client.get("/plots/", {"bbox": bad, "district": "cao-loc"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_bbox-error"' in html and "Vùng bản đồ" in html
    # The way out keeps the other filters and drops the bad area.
    assertContains(response, 'id="remove-map-area" href="?district=cao-loc"', status_code=400)
    assert 'name="bbox"' not in html  # not carried into the next search


def test_the_area_is_kept_while_another_filter_is_corrected(client, plots):
    response = client.get("/plots/", {"bbox": BOX, "area_min": "-1"})
    assertContains(response, f'<input type="hidden" name="bbox" value="{BOX}"', status_code=400)


def test_a_nul_in_the_area_never_reaches_the_database(client, plots):
    # The site's middleware refuses NUL in any parameter before the view (PostgreSQL would).
    assert client.get("/plots/", {"bbox": "106.6,21.9,106.8,22.1\x00"}).status_code == 400


def test_the_area_shows_as_a_filter_that_can_be_removed(client, plots):
    response = client.get("/plots/", {"bbox": BOX, "sort": "area", "page": "1"})
    assertContains(response, 'id="map-area-filter"')
    assertContains(response, "kinh độ 106,6–106,8, vĩ độ 21,9–22,1")
    # Kept by the form (hidden), so changing another filter keeps the area.
    assertContains(response, f'<input type="hidden" name="bbox" value="{BOX}"')
    assertContains(response, 'id="remove-map-area" href="?sort=area"')
    assertNotContains(client.get("/plots/"), 'id="map-area-filter"')


def test_the_results_map_shows_the_listed_plots_and_the_area(client, plots):
    response = client.get("/plots/", {"bbox": BOX})
    data = response.context["map_data"]
    assert [p["code"] for p in data["plots"]] == ["EDGE", "IN"]
    assert data["plots"][0]["url"] == "/zones/south/plots/EDGE/"
    assert {"area", "status"} <= set(data["plots"][0])
    [marker] = data["plotMarkers"]
    assert (marker["lat"], marker["lng"]) == (22.0, 106.7)
    assert [p["code"] for p in marker["plots"]] == ["ZIN"]
    assert data["bbox"] == [106.6, 21.9, 106.8, 22.1]
    assert data["searchArea"]["label"] == "Tìm trong vùng này"
    assertContains(response, 'id="filter-form"')
    # Carried as json_script data, read by static/js/map.js: no inline script.
    assertContains(response, '<script id="map-data" type="application/json">')


def test_the_results_map_carries_only_the_current_page(client):
    zone = ZoneFactory(latitude=Decimal("21.9"), longitude=Decimal("106.7"))
    for n in range(25):
        PlotFactory(zone=zone, code=f"P{n:02d}", boundary=square(106.7 + n * 0.003, 21.9))
    first = client.get("/plots/").context["map_data"]
    second = client.get("/plots/", {"page": "2"}).context["map_data"]
    assert len(first["plots"]) == 20 and len(second["plots"]) == 5
    payload = json.dumps(first)
    assert "P20" not in payload


def test_a_finely_drawn_outline_is_thinned_on_the_results_map(client):
    # 4,000 vertices around a circle (staff may paste up to 5,000): a page of such outlines
    # would weigh megabytes. The results map draws each ring with at most 64 points.
    centre_lng, centre_lat, n = 106.75, 21.95, 4000
    ring = [
        [
            centre_lng + 0.004 * math.cos(2 * math.pi * i / n),
            centre_lat + 0.004 * math.sin(2 * math.pi * i / n),
        ]
        for i in range(n)
    ]
    PlotFactory(
        zone=ZoneFactory(slug="fine"),
        code="ROUND",
        boundary={"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
    )
    [feature] = client.get("/plots/").context["map_data"]["plots"]
    [drawn] = feature["geometry"]["coordinates"]
    assert 4 <= len(drawn) <= 65 and drawn[0] == drawn[-1]
    assert len(json.dumps(feature)) < 3_000
    # The plot's own page keeps the outline as drawn.
    page = client.get("/zones/fine/plots/ROUND/").context["map_data"]
    assert len(page["plots"][0]["geometry"]["coordinates"][0]) == n + 1


def test_no_map_without_anything_to_place(client):
    PlotFactory(zone=ZoneFactory(latitude=None, longitude=None))
    assert client.get("/plots/").context["map_data"] is None
    # Unless an area was asked for: the visitor can move the map and search again.
    assert client.get("/plots/", {"bbox": BOX}).context["map_data"]["bbox"]


def test_the_api_and_the_downloads_take_the_same_area(client, plots):
    answer = client.get("/api/v1/plots", {"bbox": BOX}).json()
    assert sorted(p["code"] for p in answer["items"]) == ["EDGE", "IN", "ZIN"]
    assert client.get("/api/v1/plots", {"bbox": "1,2,3"}).status_code == 400
    geojson = client.get("/plots/download.geojson", {"bbox": BOX}).json()
    assert len(geojson["features"]) == 3
    assert client.get("/plots/download.geojson", {"bbox": "x"}).status_code == 400
