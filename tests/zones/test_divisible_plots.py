"""A plot that can be divided counts for a smaller requested area, and says from how much."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import PlotFactory, ZoneFactory
from zones.models import Plot

pytestmark = pytest.mark.django_db


def test_a_search_for_8_to_15_ha_in_hong_phong_finds_its_divisible_plots(client, langson):
    response = client.get("/en/plots/?zone=hong-phong&area_min=8&area_max=15&area_unit=ha")
    assertContains(response, 'id="plot-hong-phong/HP-10"')
    assertContains(response, "can be divided, from 5 ha")
    assertNotContains(response, 'id="no-results"')


def test_an_undivisible_larger_plot_is_not_offered_for_a_smaller_area(client):
    zone = ZoneFactory(slug="z")
    PlotFactory(zone=zone, code="BIG", area_m2=Decimal(600_000))
    PlotFactory(zone=zone, code="SPLIT", area_m2=Decimal(600_000), min_part_m2=Decimal(50_000))
    response = client.get("/plots/?area_max=15")
    assertContains(response, 'id="plot-z/SPLIT"')
    assertNotContains(response, 'id="plot-z/BIG"')


def test_the_smallest_part_must_be_smaller_than_the_plot():
    plot = PlotFactory(area_m2=Decimal(10_000))
    plot.min_part_m2 = Decimal(10_000)
    with pytest.raises(ValidationError):
        plot.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Plot.objects.filter(pk=plot.pk).update(min_part_m2=Decimal(20_000))
