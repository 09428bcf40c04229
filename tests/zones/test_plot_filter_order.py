"""The plot search's fields read in order: rent from … to …, as area from … to …."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_rent_from_comes_before_rent_to(client, langson):
    html = client.get("/en/plots/").content.decode()
    names = re.findall(r'<(?:input|select)[^>]*name="(\w+)"', html)
    assert names.index("area_min") < names.index("area_max")
    assert names.index("rent_min") < names.index("rent_max")
    assert "Rent from (USD/m²)" in html
