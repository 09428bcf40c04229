"""An estimate goes with an inquiry: the estimator links to the inquiry form, which carries it;
staff see the inputs and the answer in the admin."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from incentives.models import Estimate
from investors.models import Inquiry

pytestmark = pytest.mark.django_db

QUERY = "zone=hong-phong&licence_date=2025-06-01&capital=500&jobs=200"


def _attach_link(client):
    page = client.get(f"/incentives/?{QUERY}").content.decode()
    return html.unescape(re.search(r'id="attach-estimate" href="([^"]+)"', page)[1])


def test_the_estimate_is_stored_with_the_inquiry_and_staff_see_it(
    client, admin_client, langson, valid_inquiry_data
):
    link = _attach_link(client)
    form_page = client.get(link)
    assert "Ước tính ưu đãi của bạn sẽ được gửi kèm đăng ký này" in form_page.content.decode()
    carried = form_page.context["form"]["estimate"].value()
    assert parse_qs(carried) == parse_qs(QUERY)
    assert parse_qs(urlsplit(link).query)["zone"] == ["hong-phong"]

    response = client.post("/inquire/", {**valid_inquiry_data, "estimate": carried})

    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.estimate.inputs["zone"] == "hong-phong"
    assert inquiry.estimate.inputs["capital"] == "500"
    assert inquiry.estimate.answer["cit_rates_pct"][:5] == [0, 0, 0, 0, 5]
    admin_page = admin_client.get(f"/admin/investors/inquiry/{inquiry.pk}/change/")
    assert "Thuế TNDN ưu đãi tại khu kinh tế, địa bàn đặc biệt khó khăn" in (
        admin_page.content.decode()
    )


@pytest.mark.parametrize("carried", ["", "zone=no-such-zone", "jobs=-4", "x" * 3000])
def test_an_estimate_that_does_not_hold_never_stops_the_inquiry(
    client, langson, valid_inquiry_data, carried
):
    response = client.post("/inquire/", {**valid_inquiry_data, "estimate": carried})

    assert response.status_code == 302
    assert Inquiry.objects.get().estimate is None
    assert not Estimate.objects.exists()
