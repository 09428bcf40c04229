"""A NUL byte in an address or a form, or a form in a charset no one can read, is a bad request:
the site's 400 page (JSON on the API), one line in the log, never a 500."""

import logging
from urllib.parse import urlencode

import pytest
from pytest_django.asserts import assertContains

from tests.factories import ZoneFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/zones/compare/?zones=%00",
        "/zones/compare/?zones=dong-banh%00",
        "/inquire/?zone=%00",
        "/inquire/?zones=%00",
        "/en/plots/?zone=%00",
        "/zones/?q=%00",
        "/zones/%00/",
    ],
)
def test_a_nul_byte_in_a_page_address_gets_the_sites_400_page(client, url):
    ZoneFactory(slug="dong-banh")
    response = client.get(url)
    assert response.status_code in (400, 404)
    assertContains(response, "<html", status_code=response.status_code)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/zones/%00",
        "/api/v1/zones/dong-banh%00",
        "/api/v1/projects?zone=%00",
        "/api/v1/plots?zone=%00",
        "/api/v1/zones?q=%00",
    ],
)
def test_a_nul_byte_in_an_api_address_gets_json(client, url):
    ZoneFactory(slug="dong-banh")
    response = client.get(url)
    assert response.status_code in (400, 404)
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/investors/inquiry/?status=%00",
        "/admin/investors/inquiry/?q=%00",
        "/admin/zones/zone/?kind=%00",
        "/admin/zones/plot/?zone__slug=%00",
    ],
)
def test_a_nul_byte_in_a_staff_filter_is_a_bad_request(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code in (400, 404)


def test_a_nul_byte_in_a_form_value_is_a_bad_request(client, valid_inquiry_data):
    zone = ZoneFactory()
    response = client.post("/inquire/", {**valid_inquiry_data, "zone": f"{zone.slug}\x00"})
    assertContains(response, "Yêu cầu không hợp lệ", status_code=400)
    response = client.post(
        "/inquire/status/", {"reference": "EOI-2026-\x0012345", "email": "a@b.c"}
    )
    assertContains(response, "Yêu cầu không hợp lệ", status_code=400)


POSTS = [
    ("/inquire/", {"company_name": "Công ty", "email": "a@example.org"}),
    ("/en/inquire/status/", {"reference": "EOI-2026-12345", "email": "a@example.org"}),
    ("/zones/dong-banh/shortlist/", {"next": "/"}),
    ("/admin/login/", {"username": "chief", "password": "pw"}),
    ("/developer/login/", {"username": "dev", "password": "pw"}),
]


@pytest.mark.parametrize("charset", ["latin-1", "ascii", "utf-16", "no-such-charset"])
@pytest.mark.parametrize(("url", "data"), POSTS)
def test_a_form_in_a_charset_that_cannot_be_read_gets_the_sites_400_page(
    client, caplog, url, data, charset
):
    ZoneFactory(slug="dong-banh")
    encoding = charset if charset != "no-such-charset" else "utf-8"
    body = urlencode(data, encoding="utf-8" if encoding == "utf-16" else encoding, errors="replace")
    with caplog.at_level(logging.INFO):
        response = client.generic(
            "POST",
            url,
            body.encode(encoding) if isinstance(body, str) else body,
            content_type=f"application/x-www-form-urlencoded; charset={charset}",
        )
    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code == 400:
        assertContains(response, "<html", status_code=400)
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    assert all(r.levelno < logging.ERROR for r in caplog.records)
