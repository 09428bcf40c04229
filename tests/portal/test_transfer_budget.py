"""An investor on a phone in a slow network: the zone list, with 500 zones in the database,
costs under 150 KB of HTML, CSS and JavaScript compressed, and loads no script it does not use."""

import gzip
import re
from pathlib import Path

import brotli
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.factories import ZoneFactory
from zones.models import Zone

pytestmark = pytest.mark.django_db

BUDGET = 150 * 1024
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')


def assets(html):
    """The stylesheets and scripts a page loads, from the site's own static files."""
    urls = ASSET.findall(html)
    assert all(url.startswith(settings.STATIC_URL) for url in urls), urls  # nothing from a CDN
    return {url: finders.find(url.removeprefix(settings.STATIC_URL)) for url in urls}


def test_the_zone_list_stays_within_150_kb_compressed(client):
    Zone.objects.bulk_create(
        ZoneFactory.build(latitude=21.8 + n / 1000, longitude=106.7) for n in range(500)
    )
    response = client.get("/zones/")
    html = response.content.decode()
    files = assets(html)
    assert all(files.values()), files
    parts = [response.content] + [Path(path).read_bytes() for path in files.values()]

    gzipped = sum(len(gzip.compress(part, compresslevel=9)) for part in parts)
    brotlied = sum(len(brotli.compress(part)) for part in parts)
    assert brotlied < gzipped < BUDGET, (gzipped, brotlied)
    assert "zone-table" in html and html.count("<tr") > 20  # a real list, not an empty page


def test_pages_without_interactive_widgets_load_no_bootstrap_javascript(client):
    ZoneFactory()
    for url in ["/", "/zones/", "/plots/"]:
        scripts = [u for u in assets(client.get(url).content.decode()) if u.endswith(".js")]
        assert not [s for s in scripts if "bootstrap" in s], (url, scripts)
