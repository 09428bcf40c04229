"""Rents state their basis and date, or say they are on request."""

from decimal import Decimal

import pytest
from pytest_django.asserts import assertContains

from tests.factories import PlotFactory, ZoneFactory
from zones.models import Zone

pytestmark = pytest.mark.django_db


def test_rents_state_their_basis_quote_date_or_on_request(client):
    zone = ZoneFactory()
    PlotFactory(
        zone=zone,
        code="P1",
        rent_amount=Decimal("45"),
        rent_quoted_on="2026-11-01",
        lease_term_ends="2068-12-31",
    )
    PlotFactory(zone=zone, code="P2", rent_amount=None)
    response = client.get(zone.get_absolute_url())
    assertContains(response, "45 USD/m² cho cả thời hạn thuê")
    assertContains(response, "báo giá ngày 01/11/2026")
    assertContains(response, "thời hạn thuê đến 31/12/2068")
    assertContains(response, "theo thoả thuận")
    assert Zone.objects.count() == 1
