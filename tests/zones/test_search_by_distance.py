"""Zones and plots found by where they are: within so many km of a border crossing, nearest
first; every zone's page tells its distances to the crossings and cities."""

from decimal import Decimal

import pytest
from pytest_django.asserts import assertContains

from tests.factories import PlotFactory, ZoneFactory
from zones.places import PLACES_BY_SLUG, haversine_km

pytestmark = pytest.mark.django_db


@pytest.fixture
def zones():
    # About 5 km, 13 km and 68 km from Hữu Nghị (21.97515, 106.71120).
    near = ZoneFactory(
        slug="near", name="Gần", latitude=Decimal("21.93"), longitude=Decimal("106.72")
    )
    middle = ZoneFactory(
        slug="middle", name="Giữa", latitude=Decimal("21.86"), longitude=Decimal("106.72")
    )
    far = ZoneFactory(slug="far", name="Xa", latitude=Decimal("21.40"), longitude=Decimal("106.50"))
    nowhere = ZoneFactory(slug="nowhere", name="Không toạ độ", latitude=None, longitude=None)
    for zone in (near, middle, far, nowhere):
        PlotFactory(zone=zone, code=f"{zone.slug}-1")
    return near, middle, far


def test_haversine_matches_a_known_distance():
    huu_nghi, hanoi = PLACES_BY_SLUG["huu-nghi"], PLACES_BY_SLUG["hanoi"]
    km = haversine_km(huu_nghi.latitude, huu_nghi.longitude, hanoi.latitude, hanoi.longitude)
    assert 130 < km < 143  # 143 km by road (INCENTIVES.md); the straight line is shorter


def test_plots_within_20_km_of_huu_nghi_nearest_first(client, zones):
    html = client.get("/plots/", {"near": "huu-nghi", "within_km": "20"}).content.decode()
    assert html.index("near-1") < html.index("middle-1")
    assert "far-1" not in html and "nowhere-1" not in html
    assert "cách 5" in html  # the distance beside the zone


def test_zones_within_20_km_of_huu_nghi(client, zones):
    response = client.get("/zones/", {"near": "huu-nghi", "within_km": "20"})
    assert [z.slug for z in response.context["zones"]] == ["near", "middle"]


def test_zones_sorted_by_distance_to_tan_thanh_put_those_without_coordinates_last(client, zones):
    response = client.get("/zones/", {"near": "tan-thanh"})
    assert [z.slug for z in response.context["zones"]] == ["near", "middle", "far", "nowhere"]


def test_a_nonsense_distance_is_refused(client, zones):
    assert client.get("/plots/", {"within_km": "-3"}).status_code == 400
    assert client.get("/plots/", {"near": "beijing"}).status_code == 400


def test_zone_and_plot_pages_tell_the_distance_to_each_place(client, zones):
    plot_page = client.get("/zones/near/plots/near-1/")
    assertContains(plot_page, 'id="distance-huu-nghi"')
    assertContains(plot_page, 'id="distance-hai-phong-port"')
    # The zone page gives the crossings the source places, beside the province's road facts.
    zone_page = client.get(zones[0].get_absolute_url())
    assertContains(zone_page, 'class="row small mb-2 crossing-distances"')
    assertContains(zone_page, "Cửa khẩu quốc tế Hữu Nghị")
