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


def test_the_start_is_asked_as_a_year_and_quarter_and_staff_are_told_the_essentials(
    client, valid_inquiry_data
):
    from investors.forms import start_quarter_choices
    from investors.models import Inquiry

    choices = dict(start_quarter_choices())
    assert choices[""] == "Chưa xác định"
    quarter = list(choices)[2]
    data = {
        **valid_inquiry_data,
        "start_quarter": quarter,
        "area_needed_ha": "10",
        "capital_amount": "20000000",
        "capital_currency": "USD",
        "jobs_expected": "300",
    }
    response = client.post("/inquire/", data)
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.start_quarter == quarter
    notification = inquiry.messages.get(kind="inquiry_notification").body
    year, number = quarter.split("-Q")
    assert f"Dự kiến bắt đầu: Quý {number}/{year}" in notification
    assert "Diện tích cần: 10" in notification
    assert "20.000.000 USD" in notification
    assert "Số lao động dự kiến: 300" in notification
