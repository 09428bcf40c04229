"""Pages cost the same number of queries with 5 zones or 200."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PlotFactory, ProjectFactory, SectorFactory, ZoneFactory
from zones.models import Plot, Zone

pytestmark = pytest.mark.django_db


def make_zones(count, plots_each):
    sector = SectorFactory()
    zones = ZoneFactory.create_batch(count)
    parent = zones[0]
    Zone.objects.filter(pk__in=[z.pk for z in zones[1:]]).update(parent=parent)
    plots = Plot.objects.bulk_create(
        PlotFactory.build(zone=zone, code=f"P{i}") for zone in zones for i in range(plots_each)
    )
    for plot in plots:
        plot.sectors.add(sector)
    for zone in zones[:3]:
        ProjectFactory.create_batch(2, zone=zone, sector=sector)
    return zones


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/", "/zones/"])
def test_listing_pages_do_not_grow_with_the_number_of_zones(client, url):
    make_zones(5, plots_each=2)
    small = queries(client, url)
    make_zones(195, plots_each=3)
    assert Zone.objects.count() == 200
    assert queries(client, url) == small
    assert small <= 3


def test_zone_page_does_not_grow_with_the_number_of_plots(client):
    few = make_zones(5, plots_each=2)[0]
    small = queries(client, few.get_absolute_url())
    many = make_zones(200, plots_each=30)[0]
    assert many.plots.count() == 30
    assert queries(client, many.get_absolute_url()) == small
    assert small <= 6
