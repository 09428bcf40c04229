"""Outsiders name a plot by its zone and code (`dong-banh/B1`), never by its database id: in
links, the map, downloads, the API and the inquiry form."""

from decimal import Decimal

import pytest
from pytest_django.asserts import assertContains

from tests.factories import SQUARE, PlotFactory, ZoneFactory

pytestmark = pytest.mark.django_db
DATABASE_ID = 987_654  # a number no page would show for any other reason


@pytest.fixture
def plot():
    zone = ZoneFactory(
        slug="dong-banh", latitude=Decimal("21.61"), longitude=Decimal("106.58"), boundary=SQUARE
    )
    return PlotFactory(pk=DATABASE_ID, zone=zone, code="B1", boundary=SQUARE)


def test_no_page_download_or_api_answer_shows_a_plot_s_database_id(client, plot):
    for url in [
        "/zones/dong-banh/",
        "/en/zones/dong-banh/",
        "/plots/",
        "/plots/?status=",
        "/plots/download.csv",
        "/plots/download.geojson",
        "/zones/map.json",
        "/api/v1/plots",
        "/api/v1/zones/dong-banh",
        "/inquire/?plot=dong-banh/B1",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert str(DATABASE_ID) not in response.content.decode(), url


def test_free_plots_link_to_the_inquiry_form_by_zone_and_code(client, plot):
    link = 'href="/inquire/?plot=dong-banh/B1"'
    assertContains(client.get("/zones/dong-banh/"), link)
    assertContains(client.get("/plots/"), link)
    assertContains(client.get("/plots/"), 'id="plot-dong-banh/B1"')
    map_data = client.get("/zones/dong-banh/").content.decode().split('id="map-data"')[1]
    assert '"inquire": "/inquire/?plot=dong-banh/B1"' in map_data


def test_a_code_with_spaces_and_signs_survives_the_link(client, plot):
    PlotFactory(zone=plot.zone, code="Lô A&1/2")
    response = client.get("/zones/dong-banh/")
    assertContains(response, 'href="/inquire/?plot=dong-banh/L%C3%B4%20A%261/2"')
    form = client.get("/inquire/?plot=dong-banh/L%C3%B4%20A%261/2")
    assertContains(form, "<strong>Lô A&amp;1/2</strong>")


def test_the_api_names_a_plot_by_its_zone_code_and_page(client, plot, settings):
    item = client.get("/api/v1/plots").json()["items"][0]
    assert "id" not in item
    assert (item["zone"], item["code"]) == ("dong-banh", "B1")
    assert item["url"] == f"{settings.SITE_URL}/zones/dong-banh/plots/B1/"
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["PlotOut"]
    assert "id" not in schema["properties"] and "url" in schema["required"]
