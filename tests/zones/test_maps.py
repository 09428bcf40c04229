"""Maps: the zone page's outline and plots, the home map's markers, Leaflet from a package."""

from decimal import Decimal

import pytest
from django.contrib.staticfiles import finders
from pytest_django.asserts import assertContains

from tests.factories import SQUARE, PlotFactory, ZoneFactory
from zones.models import Plot

pytestmark = pytest.mark.django_db


def test_the_zone_page_maps_the_outline_and_the_plots_with_a_legend(client):
    zone = ZoneFactory(latitude=Decimal("21.61"), longitude=Decimal("106.58"), boundary=SQUARE)
    PlotFactory(zone=zone, code="B1", boundary=SQUARE)
    response = client.get(zone.get_absolute_url())
    html = response.content.decode()
    data = html.split('id="map-data"')[1]
    assert '"code": "B1"' in data and f'"inquire": "/inquire/?plot={zone.slug}/B1"' in data
    assert "/static/leaflet/leaflet.js" in html and "/static/js/map.js" in html
    # The legend's swatch and the plot are drawn in the colour of the plot's status.
    colour = Plot.Status.AVAILABLE.colour
    assertContains(response, f'<circle cx="5" cy="5" r="5" fill="{colour}"/>')
    assert f'"colour": "{colour}"' in data
    # Without JavaScript the table still has every plot.
    assertContains(response, 'id="plot-B1"')


def test_leaflet_comes_from_a_package_not_a_cdn(client, langson):
    found = finders.find("leaflet/leaflet.js")
    assert found and "site-packages/leaflet/static" in found
    assert "//unpkg.com" not in client.get("/zones/").content.decode()


def test_the_home_map_loads_every_zone_from_map_json_after_the_page(client):
    shown = ZoneFactory(
        slug="a", name_en="Park A", latitude=Decimal("21.61"), longitude=Decimal("106.58")
    )
    ZoneFactory(slug="hidden", is_published=False, latitude=Decimal("21.7"), longitude=106.6)
    ZoneFactory(slug="nowhere", latitude=None, longitude=None)
    html = client.get("/").content.decode()
    data = html.split('id="map-data"')[1]
    assert '"markersUrl": "/zones/map.json"' in data and '"markers"' not in data

    markers = client.get("/zones/map.json").json()["markers"]
    assert [m["url"] for m in markers] == [shown.get_absolute_url()]
    english = client.get("/en/zones/map.json").json()["markers"]
    assert (english[0]["name"], english[0]["url"], english[0]["status"]) == (
        "Park A",
        "/en/zones/a/",
        "Operating",
    )


def test_without_a_located_zone_the_home_page_has_no_map(client):
    ZoneFactory(latitude=None, longitude=None)
    assert 'id="map"' not in client.get("/").content.decode()


def test_the_home_map_shows_when_only_a_zone_not_featured_has_a_position(client):
    # The home page features nine zones, those with the most free land; the tenth has the
    # position.
    for i in range(9):
        ZoneFactory(slug=f"f{i}", latitude=None, longitude=None, total_area_ha=Decimal(500))
    ZoneFactory(slug="last", total_area_ha=Decimal(1), latitude=Decimal("21.6"), longitude=106.6)
    response = client.get("/")
    assert "last" not in [zone.slug for zone in response.context["zones"]]
    assert 'id="map"' in response.content.decode()
