"""Two app servers (two gunicorns, each keeping its own copies of pages in front of one shared
Redis): a staff edit shows on both, on every page and API answer, within a second."""

import json
import re
import time
import urllib.request

import pytest

from tests.portal.conftest import running_app_servers
from tests.tools import run_in_production

# The edit, as the admin saves it: a model save, which moves the catalogue's version in Redis.
EDIT = (
    "from zones.models import Zone\n"
    "zone = Zone.objects.get(slug='dong-banh')\n"
    "zone.fill_rate_pct = 37\n"
    "zone.save()\n"
)
PAGES = ["/zones/dong-banh/", "/en/zones/dong-banh/", "/api/v1/zones/dong-banh"]


def shows_the_edit(path, body):
    if path.startswith("/api/"):
        return json.loads(body)["fill_rate_pct"] == 37
    return re.search(r'id="zone-fill-rate">.*?value="37(\.0*)?"', body) is not None


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as answer:  # noqa: S310
        return answer.headers.get("X-Cache"), answer.read().decode()


@pytest.fixture
def app_servers(site):
    with running_app_servers(site, count=2) as ports:
        yield ports


def test_a_fill_rate_change_shows_on_both_app_servers_within_a_second(site, app_servers):
    for port in app_servers:
        for path in PAGES:
            get(port, path)
            cached, body = get(port, path)
            assert cached == "hit" and not shows_the_edit(path, body), (port, path)

    done = run_in_production(["manage.py", "shell", "-c", EDIT], **site)
    assert done.returncode == 0, done.stderr
    saved = time.monotonic()

    waiting = {(port, path) for port in app_servers for path in PAGES}
    while waiting and time.monotonic() - saved < 1:
        for port, path in sorted(waiting):
            if shows_the_edit(path, get(port, path)[1]):
                waiting.discard((port, path))
        time.sleep(0.02)
    assert not waiting, f"still the old figure after a second: {sorted(waiting)}"
