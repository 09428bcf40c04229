"""Every page names its icon, and /favicon.ico (asked for by browsers and crawlers whatever the
page says) leads to it instead of a 404 that Lighthouse counts as a console error."""

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("favicon.ico")
    assert "max-age=86400" in response["Cache-Control"]
    icon = finders.find("favicon.ico")
    with open(icon, "rb") as file:
        assert file.read(4) == b"\x00\x00\x01\x00"  # an ICO file


def test_every_page_links_its_icon(client, langson):
    for path in ["/", "/en/zones/", "/zh-hans/inquire/"]:
        html = client.get(path).content.decode()
        assert 'rel="icon"' in html and "favicon.svg" in html
