"""The database refuses what cannot be true, whatever writes to it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import PlotFactory, ProjectFactory, ZoneFactory
from zones.models import Zone

pytestmark = pytest.mark.django_db


def refused(factory, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**fields)
    return True


@pytest.mark.parametrize("rate", [Decimal("-0.01"), Decimal("100.01"), Decimal("250")])
def test_fill_rate_outside_0_100_is_refused(rate):
    assert refused(ZoneFactory, fill_rate_pct=rate)
    assert not Zone.objects.exists()


@pytest.mark.parametrize("rate", [Decimal("0"), Decimal("100"), None])
def test_fill_rate_from_0_to_100_or_unreported_is_stored(rate):
    zone = ZoneFactory(fill_rate_pct=rate)
    zone.refresh_from_db()
    assert zone.fill_rate_pct == rate


def test_leasable_area_above_total_area_is_refused():
    assert refused(ZoneFactory, total_area_ha=Decimal("100"), leasable_area_ha=Decimal("100.5"))


@pytest.mark.parametrize("field", ["total_area_ha", "leasable_area_ha"])
@pytest.mark.parametrize("area", [Decimal("0"), Decimal("-5")])
def test_non_positive_zone_areas_are_refused(field, area):
    assert refused(ZoneFactory, **{field: area})


def test_duplicate_zone_slug_is_refused():
    ZoneFactory(slug="dong-banh")
    assert refused(ZoneFactory, slug="dong-banh")


def test_duplicate_plot_code_in_one_zone_is_refused_but_allowed_in_another():
    plot = PlotFactory(code="A1")
    assert refused(PlotFactory, zone=plot.zone, code="A1")
    other = PlotFactory(code="A1")
    assert other.zone != plot.zone


@pytest.mark.parametrize("area", [Decimal("0"), Decimal("-1")])
def test_non_positive_plot_area_is_refused(area):
    assert refused(PlotFactory, area_m2=area)


def test_zero_rent_is_refused_rent_on_request_is_null():
    assert refused(PlotFactory, rent_amount=Decimal("0"))
    assert PlotFactory(rent_amount=None).rent_amount is None


def test_non_positive_project_capital_and_area_are_refused():
    assert refused(ProjectFactory, registered_capital_vnd=Decimal("0"))
    assert refused(ProjectFactory, area_ha=Decimal("-1"))


def test_invalid_coordinates_are_refused():
    assert refused(ZoneFactory, latitude=Decimal("91"))
    assert refused(ZoneFactory, longitude=Decimal("-181"))


def test_money_and_areas_come_back_as_decimals():
    project = ProjectFactory(registered_capital_vnd=Decimal("1700000000000"))
    project.refresh_from_db()
    assert project.registered_capital_vnd == Decimal("1700000000000")
    assert isinstance(project.registered_capital_vnd, Decimal)


def test_forms_get_the_same_rules_as_friendly_messages():
    zone = ZoneFactory.build(
        total_area_ha=Decimal("10"), leasable_area_ha=Decimal("12"), fill_rate_pct=Decimal("120")
    )
    with pytest.raises(ValidationError) as error:
        zone.full_clean()
    assert set(error.value.message_dict) == {"leasable_area_ha", "fill_rate_pct"}


def test_a_project_cannot_sit_on_a_plot_of_another_zone():
    project = ProjectFactory.build(zone=ZoneFactory(), plot=PlotFactory())
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "plot" in error.value.message_dict
