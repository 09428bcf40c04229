"""Pages are sent gzipped to visitors, with the BREACH risk handled: the form's CSRF token is
different in every response, and signed-in staff get their pages uncompressed."""

import gzip
import re

import pytest

pytestmark = pytest.mark.django_db

GZIP = {"accept-encoding": "gzip, deflate, br"}
CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_a_public_page_is_sent_gzipped_and_much_smaller(client, langson):
    plain = client.get("/en/zones/")
    compressed = client.get("/en/zones/", headers=GZIP)
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content).startswith(b"<!doctype html>")
    assert len(compressed.content) < len(plain.content) / 3


def test_a_page_with_a_form_carries_a_new_csrf_token_in_every_compressed_response(client, langson):
    tokens = set()
    for _ in range(3):
        response = client.get("/inquire/", headers=GZIP)
        assert response["Content-Encoding"] == "gzip"
        tokens.add(CSRF_TOKEN.search(gzip.decompress(response.content)).group(1))
    assert len(tokens) == 3


def test_a_page_unchanged_since_the_last_visit_is_still_a_304_when_compressed(client, langson):
    first = client.get("/zones/", headers=GZIP)
    again = client.get("/zones/", headers={**GZIP, "if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_signed_in_staff_get_their_pages_uncompressed(admin_client, langson):
    response = admin_client.get("/admin/investors/inquiry/", headers=GZIP)
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
