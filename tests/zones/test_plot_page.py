"""A plot has a page of its own at `/zones/<zone>/plots/<code>/`, in every language, and every
list and map that names the plot links to it."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import SQUARE, PlotFactory, SectorFactory, ZoneFactory
from zones.models import CostItem, ExchangeRate, Zone, ZonePhoto

pytestmark = pytest.mark.django_db


@pytest.fixture
def zone():
    return ZoneFactory(
        slug="dong-banh",
        name="KCN Đồng Bành",
        latitude=Decimal("21.61"),
        longitude=Decimal("106.58"),
        boundary=SQUARE,
    )


@pytest.fixture
def plot(zone):
    plot = PlotFactory(
        zone=zone,
        code="B1",
        area_m2=Decimal("120000"),
        rent_amount=Decimal("45"),
        rent_quoted_on=date(2026, 11, 1),
        boundary=SQUARE,
        shape="Gần vuông",
        road_frontage_m=Decimal("350"),
        utilities_at_edge="Điện 22 kV đến ranh lô",
    )
    plot.sectors.add(SectorFactory(name="Vật liệu xây dựng"))
    return plot


@pytest.mark.parametrize("prefix", ["", "/en", "/zh-hans"])
def test_a_plot_has_a_page_in_every_language(client, plot, prefix):
    response = client.get(f"{prefix}/zones/dong-banh/plots/B1/")
    assertContains(response, "B1")
    assertContains(response, "KCN Đồng Bành")
    assertContains(response, "350")
    assertContains(response, "Vật liệu xây dựng")
    assertContains(response, f'href="{prefix}/inquire/?plot=dong-banh/B1"')
    map_data = response.content.decode().split('id="map-data"')[1]
    assert '"boundary": {"type": "Polygon"' in map_data and '"code": "B1"' in map_data


def test_the_plot_page_shows_rent_with_its_basis_and_date(client, plot):
    response = client.get("/en/zones/dong-banh/plots/B1/")
    assertContains(response, "45 USD/m² for the whole lease term")
    assertContains(response, "quoted on Nov. 1, 2026")


def test_a_sample_plot_says_so(client, plot):
    plot.is_sample = True
    plot.save()
    assertContains(client.get("/zones/dong-banh/plots/B1/"), "sample-badge")


def test_a_code_with_a_slash_and_spaces_has_its_own_address(client, zone):
    plot = PlotFactory(zone=zone, code="Lô A&1/2")
    assert plot.get_absolute_url() == "/zones/dong-banh/plots/L%C3%B4%20A&1/2/"
    response = client.get(plot.get_absolute_url())
    assertContains(response, "Lô A&amp;1/2")
    link = 'href="/zones/dong-banh/plots/L%C3%B4%20A&amp;1/2/"'
    assertContains(client.get("/zones/dong-banh/"), link)


def test_unknown_plot_or_unpublished_zone_is_404(client, plot, zone):
    assert client.get("/zones/dong-banh/plots/B9/").status_code == 404
    assert client.get("/zones/other/plots/B1/").status_code == 404
    zone.is_published = False
    zone.save()
    assert client.get("/zones/dong-banh/plots/B1/").status_code == 404


def test_a_leased_plot_offers_no_inquiry(client, plot):
    plot.status = "leased"
    plot.save()
    assertNotContains(client.get("/zones/dong-banh/plots/B1/"), 'id="inquire-plot"')


def test_plot_codes_link_to_the_plot_page_everywhere(client, plot):
    link = 'href="/zones/dong-banh/plots/B1/"'
    assertContains(client.get("/zones/dong-banh/"), link)
    assertContains(client.get("/plots/"), link)
    map_data = client.get("/zones/dong-banh/").content.decode().split('id="map-data"')[1]
    assert '"url": "/zones/dong-banh/plots/B1/"' in map_data
    assert (
        client.get("/api/v1/plots").json()["items"][0]["url"].endswith("/zones/dong-banh/plots/B1/")
    )


def test_the_plot_page_costs_the_same_queries_with_many_sectors(client, plot):
    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/zones/dong-banh/plots/B1/").status_code == 200
        return len(context.captured_queries)

    few = count()
    plot.sectors.add(*SectorFactory.create_batch(10))
    PlotFactory.create_batch(10, zone=plot.zone)
    for kind in CostItem.Kind:
        CostItem.objects.create(zone=plot.zone, kind=kind, basis="percent", amount=Decimal(1))
        CostItem.objects.create(zone=plot.zone, plot=plot, kind=kind, basis="percent")
    ExchangeRate.objects.create(currency="USD", vnd_per_unit=25_000, as_of=date(2026, 11, 1))
    ExchangeRate.objects.create(currency="CNY", vnd_per_unit=3_500, as_of=date(2026, 11, 1))
    ZonePhoto.objects.bulk_create(
        ZonePhoto(
            zone=plot.zone,
            plot=plot,
            image=f"photos/{n}.webp",
            width=960,
            height=640,
            renditions={"480": f"photos/{n}-480.webp", "960": f"photos/{n}-960.webp"},
            alt_text=f"Ảnh {n}",
        )
        for n in range(5)
    )
    assert count() == few
    # The plot and its zone, its sectors, its photos, its costs, the exchange rates; the
    # footer's promotion body (cached after the first page: a cold cache here).
    assert few <= 6


def test_the_plot_page_dates_its_zone_s_figures_as_the_source_does(client, plot):
    """A report of 2020–2021 is not "1 January 2020": the plot page, like the zone page, gives
    the figures' date only as precisely as the source."""
    Zone.objects.filter(pk=plot.zone_id).update(
        figures_as_of=date(2020, 1, 1),
        figures_as_of_precision="year",
        figures_as_of_until=date(2021, 12, 31),
    )
    response = client.get("/zones/dong-banh/plots/B1/")
    assertContains(response, "2020–2021")
    assertNotContains(response, "01/01/2020")
