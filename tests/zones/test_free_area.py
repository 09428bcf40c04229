"""How much land is free, by one rule: from a complete, real plot list; else estimated from the
reported fill rate and the leasable area; else an upper bound from the total area."""

from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import PlotFactory, ZoneFactory
from zones.figures import FreeBasis, FreeLand
from zones.models import Plot, Zone

pytestmark = pytest.mark.django_db


def listed(zone):
    return Zone.objects.for_listing().get(pk=zone.pk)


def plots(zone, *, is_sample=False):
    for area, status in [
        ("25000", Plot.Status.AVAILABLE),
        ("5100", Plot.Status.AVAILABLE),
        ("90000", Plot.Status.LEASED),
        ("40000", Plot.Status.RESERVED),
    ]:
        PlotFactory(zone=zone, area_m2=Decimal(area), status=status, is_sample=is_sample)


def test_a_complete_real_plot_list_gives_free_land_and_the_fill_rate():
    zone = ZoneFactory(total_area_ha=Decimal("100"), fill_rate_pct=Decimal("90"))
    zone.plots_complete = True
    zone.save()
    plots(zone)

    zone = listed(zone)

    assert zone.free_land == FreeLand(FreeBasis.PLOT_INVENTORY, Decimal("3.01"))
    assert zone.free_land.text() == "3,01 ha"
    assert zone.free_plot_count == 2
    # Reserved plots are taken: 130,000 of 160,100 m².
    assert round(zone.fill_rate_shown_pct, 1) == Decimal("81.2")


def test_an_incomplete_plot_list_does_not_make_free_land():
    zone = ZoneFactory(
        total_area_ha=Decimal("100"), leasable_area_ha=Decimal("80"), fill_rate_pct=Decimal("90")
    )
    plots(zone)
    zone = listed(zone)
    assert zone.free_land.basis == FreeBasis.REPORTED_FILL_RATE
    assert zone.free_land.ha == Decimal("8")
    assert zone.fill_rate_shown_pct == Decimal("90")


def test_sample_plots_never_make_free_land_even_in_a_complete_list():
    zone = ZoneFactory(total_area_ha=Decimal("162"), fill_rate_pct=Decimal("60"))
    zone.plots_complete = True
    zone.save()
    plots(zone, is_sample=True)
    zone = listed(zone)
    assert zone.free_land.basis == FreeBasis.UPPER_BOUND
    assert zone.free_land.ha == Decimal("65")


def test_the_estimate_uses_the_leasable_area_and_says_so():
    zone = ZoneFactory(
        total_area_ha=Decimal("400"), leasable_area_ha=Decimal("300"), fill_rate_pct=Decimal("30")
    )
    free = listed(zone).free_land
    assert (free.basis, free.ha, free.approximate) == (
        FreeBasis.REPORTED_FILL_RATE,
        Decimal("210"),
        True,
    )
    assert free.text() == "≈ 210 ha"


def test_without_the_leasable_area_the_estimate_is_an_upper_bound_from_the_total():
    zone = ZoneFactory(
        total_area_ha=Decimal("162"), fill_rate_pct=Decimal("60"), fill_rate_approximate=True
    )
    free = listed(zone).free_land
    assert free.basis == FreeBasis.UPPER_BOUND
    assert free.ha == Decimal("65")  # 64.8: a whole-percent fill rate allows two figures
    assert (free.free_share_pct, free.share_approximate) == (Decimal("40"), True)
    assert free.text() == "tối đa ≈ 65 ha"


@pytest.mark.parametrize(
    ("total", "fill", "expected"),
    [("162", "65", "57"), ("400", "30", "280"), ("8.5", "94", "0.51"), ("600", "100", "0")],
)
def test_estimates_are_rounded_to_two_significant_figures(total, fill, expected):
    zone = ZoneFactory(total_area_ha=Decimal(total), fill_rate_pct=Decimal(fill))
    assert listed(zone).free_land.ha == Decimal(expected)


def test_free_area_is_unknown_without_plots_or_fill_rate():
    zone = ZoneFactory(total_area_ha=Decimal("600"), fill_rate_pct=None)
    assert listed(zone).free_land == FreeLand(FreeBasis.UNKNOWN, None)


def test_the_database_keeps_free_land_true_whatever_writes_the_figures():
    """Free land is a column the database computes: a bulk update, a plot sold and a save all
    move it, and the copy that was saved reads the new figure, not the one it was loaded with."""
    zone = ZoneFactory(
        total_area_ha=Decimal("100"), leasable_area_ha=Decimal("80"), fill_rate_pct=Decimal("90")
    )
    assert (zone.free_land.basis, zone.free_land.ha) == (FreeBasis.REPORTED_FILL_RATE, 8)

    Zone.objects.filter(pk=zone.pk).update(fill_rate_pct=Decimal("75"))
    assert Zone.objects.get(pk=zone.pk).free_land.ha == Decimal("20")

    zone = Zone.objects.get(pk=zone.pk)
    zone.fill_rate_pct = Decimal("50")
    zone.save()
    assert (zone.free_land.basis, zone.free_land.ha) == (FreeBasis.REPORTED_FILL_RATE, 40)

    zone.plots_complete = True
    zone.save()
    plot = PlotFactory(zone=zone, area_m2=Decimal("12000"), status=Plot.Status.AVAILABLE)
    free = Zone.objects.get(pk=zone.pk).free_land
    assert (free.basis, free.ha) == (FreeBasis.PLOT_INVENTORY, Decimal("1.2"))
    plot.status = Plot.Status.LEASED
    plot.save()
    zone = Zone.objects.get(pk=zone.pk)
    assert zone.free_land.ha == Decimal("0")
    assert zone.fill_rate_shown_pct == Decimal("100")


def test_unpublished_zones_are_not_listed():
    ZoneFactory(is_published=False)
    assert not Zone.objects.for_listing().exists()


def test_headline_figures_count_every_listed_zone_but_sum_no_economic_zone():
    ZoneFactory(total_area_ha=Decimal("162"), fill_rate_pct=Decimal("60"))
    ZoneFactory(
        total_area_ha=Decimal("400"), total_area_approximate=True, fill_rate_pct=Decimal("30")
    )
    ZoneFactory(total_area_ha=Decimal("8.5"), fill_rate_pct=Decimal("94"))
    ZoneFactory(total_area_ha=Decimal("600"), fill_rate_pct=None)
    ZoneFactory(kind=Zone.Kind.ECONOMIC_ZONE, total_area_ha=Decimal("1000"), fill_rate_pct=None)

    figures = Zone.objects.headline_figures()

    assert figures["zone_count"] == 5
    # 1,170.5 ha with an approximate 400: approximate, rounded as that part allows.
    assert (figures["total_ha"], figures["total_area_approximate"]) == (Decimal("1170"), True)
    # 64.8 + 280 + 0.51 = 345.31, all upper bounds, the largest to two figures: ≈ 350.
    assert figures["free_land"] == FreeLand(FreeBasis.UPPER_BOUND, Decimal("350"))
    assert figures["free_unknown"] == 1
    # Weighted by area over the zones that report a rate, not a plain mean.
    weighted = (Decimal("162") * 60 + Decimal("400") * 30 + Decimal("8.5") * 94) / Decimal("570.5")
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
