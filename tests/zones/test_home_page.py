"""The home page: charts of the province's growth and output, told in text too."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_charts_growth_and_output_with_text(client, langson):
    response = client.get("/")
    html = response.content.decode()
    assert html.count('class="d-block bar-chart"') == 2
    assert "2011–2015 7,9 %; 2016–2020 10,97 %" in html  # the growth chart's text alternative
    assert "5.899 tỷ đồng" in html and "6.238 tỷ đồng" in html
    assert html.index("Khu công nghiệp Hồng Phong") < html.index("Khu công nghiệp Đồng Bành")
