"""Pages cost the same number of queries with 5 zones or 200."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from incentives.models import IncentiveRule
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
    insert_plots(
        ({"zone_id": zone.pk, "code": f"P{i}"} for zone in zones for i in range(plots_each)),
        template=PlotFactory.build(
            zone=parent,
            rent_amount=Decimal("55"),
            rent_quoted_on=date(2026, 6, 1),
            lease_term_ends=date(2070, 12, 31),
            description="Mặt tiền đường nội khu",
        ),
    )
    plots = Plot.objects.filter(zone__in=zones).values_list("pk", flat=True)
    Plot.sectors.through.objects.bulk_create(
        Plot.sectors.through(plot_id=plot, sector=sector) for plot in plots
    )
    for zone in zones[:3]:
        ProjectFactory.create_batch(2, zone=zone, sector=sector)
    Zone.objects.refresh_plot_totals()  # bulk_create sends no signal
    return zones


def insert_plots(rows, template):
    """Plots like `template` but for each row's own values (by attname), as bulk_create would
    write them, in one executemany: 20,000 Plot instances cost the ORM about ten seconds, the
    database a fraction of one. Every value is prepared by its field."""
    fields = [f for f in Plot._meta.local_concrete_fields if not f.primary_key]
    common_values = [f.get_db_prep_save(f.pre_save(template, add=True), connection) for f in fields]
    values = []
    for row in rows:
        row_values = list(common_values)
        for i, field in enumerate(fields):
            if field.attname in row:
                row_values[i] = field.get_db_prep_save(row[field.attname], connection)
        values.append(row_values)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {Plot._meta.db_table} ({columns}) VALUES ({placeholders})",  # noqa: S608
            values,
        )


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
    # Home: the headline figures, the featured zones, the indicators and whether to show a map;
    # the footer's promotion body (once per catalogue version, then cached).
    assert small <= 5


def test_zone_page_does_not_grow_with_the_number_of_plots(client):
    few = make_zones(5, plots_each=2)[0]
    small = queries(client, few.get_absolute_url())
    many = make_zones(200, plots_each=30)[0]
    assert many.plots.count() == 30
    assert queries(client, many.get_absolute_url()) == small
    # The zone; its plots, their sectors, projects, child zones, costs and photos; history; its
    # contact points and officers, and the footer's promotion body; the headline incentive
    # (incentives/templatetags): location classes, the district's class, the rules and their
    # location classes and sectors.
    assert small <= 16


def test_the_headline_incentive_costs_no_query_once_read_in_a_catalogue_version(client):
    first, second = make_zones(5, plots_each=2)[:2]
    client.get("/")  # the footer's promotion body, also kept per catalogue version
    read = queries(client, first.get_absolute_url())
    # The rules, their location classes and sectors, the location classes, the districts'.
    assert queries(client, second.get_absolute_url()) == read - 5
    assert queries(client, first.get_absolute_url()) == read - 5
    IncentiveRule.objects.create(kind=IncentiveRule.Kind.LAND_RENT, title="Mới")  # moves it
    client.get("/")
    assert queries(client, first.get_absolute_url()) == read


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
    insert_plots(
        (
            {"zone_id": zone.pk, "code": f"X{i}", "area_m2": Decimal(10_000 + i)}
            for zone in zones
            for i in range(40)
        ),
        template=Plot(zone=zones[0], area_m2=Decimal(10_000), status="available"),
    )
    Zone.objects.refresh_plot_totals()
    assert Plot.objects.count() >= 20_000
    assert queries(client, url) == small
    assert small <= 6  # with the footer's promotion body, once per catalogue version


def test_plot_search_by_map_area_costs_the_same_for_10_or_2000_outlined_plots(client):
    # The results map draws each listed plot's outline, or its zone's position: all loaded with
    # the page's rows, none by a query of its own.
    ring = [[106.70, 21.90], [106.71, 21.90], [106.71, 21.91], [106.70, 21.91], [106.70, 21.90]]
    template = PlotFactory.build(boundary={"type": "Polygon", "coordinates": [ring]})
    template.west_lng, template.south_lat, template.east_lng, template.north_lat = (
        106.70,
        21.90,
        106.71,
        21.91,
    )
    zones = make_zones(2, plots_each=0)
    insert_plots(({"zone_id": zones[0].pk, "code": f"A{i}"} for i in range(5)), template)
    insert_plots(
        (
            {
                "zone_id": zones[1].pk,
                "code": f"B{i}",
                "boundary": None,
                "west_lng": None,
                "south_lat": None,
                "east_lng": None,
                "north_lat": None,
            }
            for i in range(5)
        ),
        template,
    )
    url = "/plots/?bbox=100,10,110,30"
    small = queries(client, url)
    assert len(client.get(url).context["map_data"]["plots"]) == 5
    more = Zone.objects.bulk_create(ZoneFactory.build_batch(100))
    insert_plots(
        ({"zone_id": zone.pk, "code": f"X{i}"} for zone in more for i in range(20)), template
    )
    assert queries(client, url) == small
    assert small <= 6
