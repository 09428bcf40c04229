"""A plot search that finds nothing leads to an inquiry already filled with what was searched."""

import pytest
from pytest_django.asserts import assertContains

from tests.factories import SectorFactory, ZoneFactory

pytestmark = pytest.mark.django_db


def test_an_empty_search_offers_an_inquiry_filled_with_the_search(client):
    ZoneFactory(slug="hong-phong", name="Khu công nghiệp Hồng Phong", name_en="Hong Phong IP")
    SectorFactory(slug="logistics", name="Logistics")
    query = "zone=hong-phong&district=cao-loc&area_min=8&area_max=15&sector=logistics&rent_max=40"
    response = client.get(f"/en/plots/?{query}")
    assertContains(response, 'id="no-results"')
    page = response.content.decode()
    link = page.split('id="tell-us" href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert link.startswith("/en/inquire/?") and "from=search" in link

    form = client.get(link).context["form"]
    assert form.initial["area_needed_ha"] == 8
    assert form.initial["sector"].slug == "logistics"
    assert [zone.slug for zone in form.initial["zones"]] == ["hong-phong"]
    message = form.initial["message"]
    assert "8 – 15 ha" in message
    assert "Cao Loc" in message
    assert "40 USD/m²" in message
