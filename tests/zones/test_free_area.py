"""How much land is free: from the plots where there are plots, else from the fill rate."""

from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import PlotFactory, ZoneFactory
from zones.models import Plot, Zone

pytestmark = pytest.mark.django_db


def listed(zone):
    return Zone.objects.for_listing().get(pk=zone.pk)


def test_free_area_is_the_area_of_available_plots_where_plots_exist():
    zone = ZoneFactory(total_area_ha=Decimal("100"), fill_rate_pct=Decimal("90"))
    PlotFactory(zone=zone, area_m2=Decimal("25000"), status=Plot.Status.AVAILABLE)
    PlotFactory(zone=zone, area_m2=Decimal("5100"), status=Plot.Status.AVAILABLE)
    PlotFactory(zone=zone, area_m2=Decimal("90000"), status=Plot.Status.LEASED)
    PlotFactory(zone=zone, area_m2=Decimal("40000"), status=Plot.Status.RESERVED)

    zone = listed(zone)

    assert zone.free_area_ha == Decimal("3.01")
    assert zone.plot_count == 4
    assert zone.free_plot_count == 2


def test_free_area_is_zero_when_every_plot_is_taken():
    zone = ZoneFactory(fill_rate_pct=Decimal("10"))
    PlotFactory(zone=zone, status=Plot.Status.LEASED)
    assert listed(zone).free_area_ha == 0


def test_without_plots_free_area_is_estimated_from_the_fill_rate():
    zone = ZoneFactory(total_area_ha=Decimal("162"), fill_rate_pct=Decimal("60"))
    assert listed(zone).free_area_ha == Decimal("64.8")


def test_the_estimate_uses_the_leasable_area_when_known():
    zone = ZoneFactory(
        total_area_ha=Decimal("400"), leasable_area_ha=Decimal("300"), fill_rate_pct=Decimal("30")
    )
    assert listed(zone).free_area_ha == Decimal("210")


def test_free_area_is_unknown_without_plots_or_fill_rate():
    zone = ZoneFactory(total_area_ha=Decimal("600"), fill_rate_pct=None)
    assert listed(zone).free_area_ha is None


def test_unpublished_zones_are_not_listed():
    ZoneFactory(is_published=False)
    assert not Zone.objects.for_listing().exists()


def test_headline_figures_sum_parks_and_clusters_but_not_economic_zones():
    ZoneFactory(total_area_ha=Decimal("162"), fill_rate_pct=Decimal("60"))
    ZoneFactory(total_area_ha=Decimal("8.5"), fill_rate_pct=Decimal("94"))
    ZoneFactory(total_area_ha=Decimal("600"), fill_rate_pct=None)
    ZoneFactory(kind=Zone.Kind.ECONOMIC_ZONE, total_area_ha=Decimal("1000"))

    figures = Zone.objects.headline_figures()

    assert figures["zone_count"] == 3
    assert figures["total_ha"] == Decimal("770.5")
    assert figures["free_ha"] == Decimal("65.31")  # 64.8 + 0.51; 600 ha unreported
    # Weighted by area over the zones that report a rate, not a plain mean of 60 and 94.
    weighted = (Decimal("162") * 60 + Decimal("8.5") * 94) / Decimal("170.5")
    assert round(figures["average_fill_rate_pct"], 4) == round(weighted, 4)


def test_changing_a_figure_dates_the_figures_today():
    zone = ZoneFactory(figures_as_of=timezone.localdate().replace(year=2021))
    zone = Zone.objects.get(pk=zone.pk)
    zone.fill_rate_pct = Decimal("65")
    zone.save()
    zone.refresh_from_db()
    assert zone.figures_as_of == timezone.localdate()


def test_a_figure_dated_by_staff_keeps_their_date():
    zone = Zone.objects.get(pk=ZoneFactory().pk)
    zone.fill_rate_pct = Decimal("65")
    zone.figures_as_of = timezone.localdate().replace(year=2024, month=6, day=30)
    zone.save()
    zone.refresh_from_db()
    assert zone.figures_as_of.year == 2024


def test_editing_the_description_does_not_redate_the_figures():
    as_of = timezone.localdate().replace(year=2021, month=1, day=1)
    zone = Zone.objects.get(pk=ZoneFactory(figures_as_of=as_of).pk)
    zone.description = "Mô tả mới"
    zone.save()
    zone.refresh_from_db()
    assert zone.figures_as_of == as_of
