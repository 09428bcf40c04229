"""Pages cost the same number of queries with 5 zones or 200."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PlotFactory, ProjectFactory, SectorFactory, ZoneFactory
from zones.models import Plot, Zone

pytestmark = pytest.mark.django_db


def make_zones(count, plots_each):
    sector = SectorFactory()
    zones = Zone.objects.bulk_create(ZoneFactory.build_batch(count))
    parent = zones[0]
    Zone.objects.filter(pk__in=[z.pk for z in zones[1:]]).update(parent=parent)
    # Every column a page can show is filled in, so that a column a page forgot to load costs
    # a query per row here.
    plots = Plot.objects.bulk_create(
        PlotFactory.build(
            zone=zone,
            code=f"P{i}",
            rent_amount=Decimal("55"),
            rent_quoted_on=date(2026, 6, 1),
            lease_term_ends=date(2070, 12, 31),
            description="Mặt tiền đường nội khu",
        )
        for zone in zones
        for i in range(plots_each)
    )
    for plot in plots:
        plot.sectors.add(sector)
    for zone in zones[:3]:
        ProjectFactory.create_batch(2, zone=zone, sector=sector)
    Zone.objects.refresh_plot_totals()  # bulk_create sends no signal
    return zones


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/", "/zones/", "/zones/map.json"])
def test_listing_pages_do_not_grow_with_the_number_of_zones(client, url):
    make_zones(5, plots_each=2)
    small = queries(client, url)
    make_zones(195, plots_each=3)
    assert Zone.objects.count() == 200
    assert queries(client, url) == small
    # Home: the headline figures, the featured zones, the indicators and whether to show a map.
    assert small <= 4


def test_zone_page_does_not_grow_with_the_number_of_plots(client):
    few = make_zones(5, plots_each=2)[0]
    small = queries(client, few.get_absolute_url())
    many = make_zones(200, plots_each=30)[0]
    assert many.plots.count() == 30
    assert queries(client, many.get_absolute_url()) == small
    # The zone; its plots, their sectors, projects, child zones, photos and sectors; history.
    assert small <= 8


def test_zone_list_with_filters_costs_the_same_for_10_or_500_zones(client):
    make_zones(10, plots_each=5)
    url = "/zones/?district=cao-loc&min_free_ha=0&sort=-free"
    small = queries(client, url)
    make_zones(490, plots_each=0)
    assert queries(client, url) == small


def test_plot_search_costs_the_same_for_50_or_20000_plots(client):
    make_zones(10, plots_each=5)
    url = "/plots/?area_min=0.5&sort=-area"
    small = queries(client, url)
    zones = Zone.objects.bulk_create(ZoneFactory.build_batch(500))
    Plot.objects.bulk_create(
        Plot(zone=zone, code=f"X{i}", area_m2=Decimal(10_000 + i), status="available")
        for zone in zones
        for i in range(40)
    )
    Zone.objects.refresh_plot_totals()
    assert Plot.objects.count() >= 20_000
    assert queries(client, url) == small
    assert small <= 5
