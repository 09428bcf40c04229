"""Ready-built factories and warehouses beside the land: a list that filters like the plot
search, a page each, and the shipped ones marked sample."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import ZoneFactory
from zones.models import Building

pytestmark = pytest.mark.django_db


@pytest.fixture
def buildings():
    near = ZoneFactory(slug="near", latitude=Decimal("21.93"), longitude=Decimal("106.72"))
    far = ZoneFactory(slug="far", latitude=Decimal("21.40"), longitude=Decimal("106.50"))
    common = {"clear_height_m": Decimal("9"), "rent_quoted_on": date(2026, 11, 1)}
    return [
        Building.objects.create(
            zone=near, code="X-01", kind="factory", floor_area_m2=5000, crane_t=Decimal("5"),
            rent_usd_m2_month=Decimal("4.2"), available_from=date(2027, 1, 1), **common,
        ),
        Building.objects.create(
            zone=far, code="K-01", kind="warehouse", floor_area_m2=3000,
            rent_usd_m2_month=Decimal("3.8"), **common,
        ),
    ]  # fmt: skip


def test_a_building_has_a_page_with_its_figures(client, buildings):
    response = client.get("/en/zones/near/buildings/X-01/")
    assertContains(response, "Factory X-01")
    assertContains(response, "5,000 m²")
    assertContains(response, "4.2 USD/m²/month")
    assertContains(response, "21,000 USD/month for the whole building")
    assertContains(response, "Jan. 1, 2027")


def test_buildings_filter_by_kind_rent_and_distance(client, buildings):
    def codes(query):
        response = client.get("/buildings/", query)
        return [b.code for b in response.context["buildings"]]

    assert sorted(codes({})) == ["K-01", "X-01"]
    assert codes({"kind": "warehouse"}) == ["K-01"]
    assert codes({"rent_max": "4"}) == ["K-01"]
    assert codes({"near": "huu-nghi", "within_km": "20"}) == ["X-01"]
    assert client.get("/buildings/", {"area_min": "-1"}).status_code == 400


def test_the_list_links_each_building_and_marks_samples(client):
    call_command("load_langson", verbosity=0)
    response = client.get("/buildings/")
    assert Building.objects.filter(is_sample=True).count() == 3
    assertContains(response, 'href="/zones/hong-phong/buildings/X-01/"')
    table = response.content.decode().split("<tbody>")[1].split("</tbody>")[0]
    assert table.count("sample-badge") == 3  # one per building (the footer's contact has its own)


def test_the_building_list_costs_the_same_queries_for_more_buildings(client, buildings):
    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/buildings/").status_code == 200
        return len(context.captured_queries)

    few = count()
    zone = buildings[0].zone
    for n in range(10):
        Building.objects.create(zone=zone, code=f"N-{n}", kind="factory", floor_area_m2=100)
    assert count() == few


def test_an_unpublished_zone_s_building_is_404(client, buildings):
    zone = buildings[0].zone
    zone.is_published = False
    zone.save()
    assert client.get("/zones/near/buildings/X-01/").status_code == 404
    assertNotContains(client.get("/buildings/"), "X-01")
