"""The whole cost of a plot, told honestly: every kind of cost with its unit, basis, date and
source, or "on request"; and a calculator of rent and fees year by year in VND, USD and CNY."""

from datetime import date
from decimal import Decimal

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import PlotFactory, ZoneFactory
from zones.models import CostItem, ExchangeRate

pytestmark = pytest.mark.django_db
URL = "/en/zones/dong-banh/plots/B1/"


@pytest.fixture
def plot():
    zone = ZoneFactory(slug="dong-banh")
    return PlotFactory(
        zone=zone,
        code="B1",
        area_m2=Decimal("10000"),
        rent_amount=Decimal("45"),
        rent_quoted_on=date(2026, 11, 1),
    )


@pytest.fixture
def fee(plot):
    return CostItem.objects.create(
        zone=plot.zone,
        kind=CostItem.Kind.MANAGEMENT_FEE,
        amount=Decimal("0.5"),
        currency="USD",
        basis=CostItem.Basis.PER_M2_YEAR,
        as_of=date(2026, 10, 1),
        source="Ban quản lý",
        source_en="Management board",
        is_sample=True,
    )


@pytest.fixture
def rates():
    ExchangeRate.objects.create(currency="USD", vnd_per_unit=25_000, as_of=date(2026, 11, 20))
    ExchangeRate.objects.create(currency="CNY", vnd_per_unit=3_500, as_of=date(2026, 11, 20))


def cost_row(response, kind):
    html = response.content.decode()
    return html.split(f'id="cost-{kind}')[1].split("</tr>")[0]


def test_every_kind_of_cost_shows_with_unit_basis_date_and_source(client, plot, fee):
    response = client.get(URL)
    fee_row = cost_row(response, "management_fee")
    assert "0.5 USD/m²/year" in fee_row
    assert "Oct. 1, 2026" in fee_row and "Management board" in fee_row
    assert "sample-badge" in fee_row
    assert "45 USD/m² for the whole lease term" in cost_row(response, "land_rent")
    for kind in ("power", "water", "wastewater", "vat", "deposit"):
        assert "on request" in cost_row(response, kind), kind


def test_power_is_priced_by_time_of_day(client, plot):
    for time_of_day, amount in (("peak", "2871"), ("off_peak", "1094")):
        CostItem.objects.create(
            zone=plot.zone,
            kind="power",
            time_of_day=time_of_day,
            amount=Decimal(amount),
            currency="VND",
            basis="kwh",
        )
    response = client.get(URL)
    assert "2,871 VND/kWh" in cost_row(response, "power-peak")
    assert "1,094 VND/kWh" in cost_row(response, "power-off_peak")


def test_a_plot_s_own_price_replaces_its_zone_s(client, plot, fee):
    CostItem.objects.create(
        zone=plot.zone, plot=plot, kind="management_fee", amount=Decimal("0.8"),
        currency="USD", basis="m2_year",
    )  # fmt: skip
    other = PlotFactory(zone=plot.zone, code="B2")
    assert "0.8 USD/m²/year" in cost_row(client.get(URL), "management_fee")
    assert "0.5 USD/m²/year" in cost_row(client.get(other.get_absolute_url()), "management_fee")


def test_the_calculator_counts_rent_and_fees_year_by_year_in_three_currencies(
    client, plot, fee, rates
):
    response = client.get(URL, {"area": "10000", "years": "3"})
    assert response.status_code == 200
    html = response.content.decode()
    table = html.split('class="table table-sm text-end occupancy-table"')[1].split("</table>")[0]
    # 45 USD/m² for the term, paid in year 1, and 0.5 USD/m²/year, at 25,000 VND to the dollar.
    assert "11,250,000,000" in table and "125,000,000" in table
    assert "11,625,000,000" in table  # after 3 years
    assert "465,000" in table  # USD
    assert "3,321,429" in table  # CNY at 3,500 VND
    assert table.count("<tr>") == 4  # a heading and three years
    assert 'class="chart-bar"' in html
    assertContains(response, "1 USD = 25,000 VND, on Nov. 20, 2026")
    assertContains(response, "Not included: construction, taxes")


def test_the_calculator_says_what_it_could_not_count(client, plot):
    plot.rent_amount = None
    plot.save()
    response = client.get(URL, {"area": "5000", "years": "2"})
    assertContains(response, "Land rent: by agreement, not counted.")
    assertContains(response, "Infrastructure and management fee: by agreement, not counted.")


def test_a_nonsense_area_or_term_is_refused_next_to_the_field(client, plot):
    response = client.get(URL, {"area": "-5", "years": "500"})
    assert response.status_code == 400
    assertContains(response, "is-invalid", count=2, status_code=400)
    assertNotContains(response, "occupancy-table", status_code=400)


def test_a_cost_without_a_currency_is_refused():
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    zone = ZoneFactory()
    item = CostItem(zone=zone, kind="water", amount=Decimal("12000"), basis="m3")
    with pytest.raises(ValidationError):
        item.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_the_zone_page_shows_its_zone_wide_costs_only(client, plot, fee):
    CostItem.objects.create(
        zone=plot.zone, plot=plot, kind="deposit", amount=Decimal(3), basis="months"
    )
    response = client.get("/en/zones/dong-banh/")
    assert "0.5 USD/m²/year" in cost_row(response, "management_fee")
    assert "on request" in cost_row(response, "deposit")
