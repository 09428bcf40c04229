"""Every zone keeps the totals of its plots (how many, how many free, how much free land), so
that listings never sum 50,000 plots per request. Whatever changes a plot keeps them true."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Count, Q, Sum

from tests.factories import PlotFactory, ZoneFactory
from zones.models import Plot, Zone

pytestmark = pytest.mark.django_db


def totals(zone):
    zone = Zone.objects.get(pk=zone.pk)
    return zone.plot_count, zone.free_plot_count, zone.free_plot_m2


def counted(zone):
    """The same totals, summed from the plots themselves."""
    free = Q(status=Plot.Status.AVAILABLE)
    figures = Plot.objects.filter(zone=zone).aggregate(
        n=Count("pk"), free=Count("pk", filter=free), m2=Sum("area_m2", filter=free)
    )
    return figures["n"], figures["free"], figures["m2"] or Decimal(0)


def test_a_new_zone_has_no_plots():
    assert totals(ZoneFactory()) == (0, 0, 0)


def test_adding_leasing_and_deleting_plots_keeps_the_totals():
    zone = ZoneFactory()
    a = PlotFactory(zone=zone, area_m2=Decimal("25000"))
    PlotFactory(zone=zone, area_m2=Decimal("5100.50"))
    PlotFactory(zone=zone, area_m2=Decimal("90000"), status=Plot.Status.LEASED)
    assert totals(zone) == (3, 2, Decimal("30100.50"))

    a.status = Plot.Status.RESERVED
    a.save()
    assert totals(zone) == (3, 1, Decimal("5100.50"))

    Plot.objects.filter(zone=zone, status=Plot.Status.AVAILABLE).delete()  # a bulk delete
    assert totals(zone) == (2, 0, 0) == counted(zone)


def test_moving_a_plot_to_another_zone_recounts_both():
    old, new = ZoneFactory(), ZoneFactory()
    plot = PlotFactory(zone=old, area_m2=Decimal("12000"))
    plot = Plot.objects.get(pk=plot.pk)  # as the admin loads it
    plot.zone = new
    plot.save()
    assert totals(old) == (0, 0, 0)
    assert totals(new) == (1, 1, Decimal("12000"))


def test_saving_an_older_copy_of_the_zone_never_writes_back_old_totals():
    zone = ZoneFactory()
    copy = Zone.objects.get(pk=zone.pk)  # a staff member opens the zone's form
    PlotFactory(zone=zone, area_m2=Decimal("8000"))  # meanwhile a plot is recorded
    copy.fill_rate_pct = Decimal("70")
    copy.save()
    assert totals(zone) == (1, 1, Decimal("8000"))
    assert Zone.objects.get(pk=zone.pk).fill_rate_pct == Decimal("70")


def test_deleting_a_zone_with_its_plots_works():
    zone = ZoneFactory()
    PlotFactory.create_batch(3, zone=zone)
    zone.delete()
    assert not Plot.objects.exists()


def test_plots_deleted_in_the_admin_leave_true_totals(admin_client):
    zone = ZoneFactory(slug="dong-banh-test")
    plot = PlotFactory(zone=zone, code="DB-1", area_m2=Decimal("30000"))
    response = admin_client.post(
        "/admin/zones/plot/",
        {
            "action": "delete_selected",
            "_selected_action": [plot.pk],
            "post": "yes",
        },
    )
    assert response.status_code == 302
    assert totals(zone) == (0, 0, 0)


def test_generated_sample_data_has_true_totals():
    call_command("load_langson", stdout=io.StringIO())
    call_command("generate_sample_data", zones=4, plots=60, inquiries=10, stdout=io.StringIO())
    zones = Zone.objects.filter(slug__startswith="sample-")
    assert zones.count() == 4
    assert sum(zone.plot_count for zone in zones) == 60
    for zone in zones:
        assert totals(zone) == counted(zone)
    # Sample plots never make a zone's free land, whatever their totals.
    listed = {zone.slug: zone.free_land.basis for zone in Zone.objects.for_listing()}
    for zone in zones:
        assert listed[zone.slug] != "plot_inventory"
