"""Absolute URLs on pages come from SITE_URL, never from the request: a cached page filled by a
request with another Host or scheme must not hand those to the next visitor."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import ZoneFactory
from tests.tools import ROOT
from tests.zones.test_photos import jpeg_with_exif
from zones.models import ZonePhoto

pytestmark = pytest.mark.django_db
SITE = "https://dautu.langson.gov.vn"


@pytest.fixture
def site(settings, tmp_path):
    settings.SITE_URL = SITE
    settings.PAGE_CACHE_SECONDS = 300
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    settings.MEDIA_ROOT = tmp_path
    zone = ZoneFactory(slug="dong-banh")
    ZonePhoto.objects.create(
        zone=zone,
        alt_text="Cổng",
        image=SimpleUploadedFile("gate.jpg", jpeg_with_exif(), "image/jpeg"),
    )
    return zone


def absolute_urls(text):
    return re.findall(r"""(?:https?:)?//[^"'<\s]+""", text)


def from_elsewhere(url):
    """A request through another Host, over HTTPS: what fills the cache first."""
    return Client().get(url, HTTP_HOST="localhost:8200", secure=True)


@pytest.mark.parametrize(
    "url", ["/zones/dong-banh/", "/en/zones/", "/zones/compare/?zones=dong-banh"]
)
def test_a_cached_page_carries_only_the_site_url(client, site, url):
    first = from_elsewhere(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    for response in (first, second):
        html = response.content.decode()
        assert "localhost" not in html and "testserver" not in html
        for link in absolute_urls(html):
            if "langson" in link or link.startswith(("//localhost", "http://localhost")):
                assert link.startswith(SITE + "/"), link
    assert f'<link rel="canonical" href="{SITE}{url.split("?")[0]}">' in second.content.decode()


def test_a_zone_page_s_open_graph_and_structured_data_use_the_site_url(client, site):
    html = from_elsewhere("/zones/dong-banh/").content.decode()
    assert f'<meta property="og:url" content="{SITE}/zones/dong-banh/">' in html
    assert re.search(rf'<meta property="og:image" content="{SITE}/media/photos/', html)
    assert f'"url": "{SITE}/zones/dong-banh/"' in html


def test_robots_txt_and_the_sitemap_name_the_site_url(client, site):
    robots = from_elsewhere("/robots.txt").content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml" in robots
    sitemap = from_elsewhere("/sitemap.xml").content
    locations = [
        element.text
        for element in ElementTree.fromstring(sitemap).iter()  # noqa: S314 (our own sitemap)
        if element.tag.endswith("loc")
    ] + re.findall(r'href="([^"]+)"', sitemap.decode())
    assert locations and all(url.startswith(SITE + "/") for url in locations), locations


def test_the_api_names_zone_pages_by_the_site_url(client, site):
    zones = from_elsewhere("/api/v1/zones").json()
    items = zones["items"] if isinstance(zones, dict) else zones
    assert [zone["url"] for zone in items] == [f"{SITE}/zones/dong-banh/"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scheme_seen_by_the_app(trust):
    """Start gunicorn with the deployment's config, ask it over plain HTTP with
    X-Forwarded-Proto: https from 127.0.0.1, and return the scheme the app was given."""
    port = free_port()
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1"}
    env["TRUST_PROXY_HEADERS"] = trust
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]
        + ["tests.portal.scheme_app:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/", headers={"X-Forwarded-Proto": "https"}
        )
        for _ in range(100):
            try:
                with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
                    return response.read().decode()
            except OSError:
                time.sleep(0.1)
        raise AssertionError("gunicorn did not start")
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize(("trust", "scheme"), [("false", "http"), ("", "http"), ("true", "https")])
def test_gunicorn_trusts_x_forwarded_proto_only_when_the_settings_do(trust, scheme):
    assert scheme_seen_by_the_app(trust) == scheme
