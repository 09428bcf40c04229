"""The micro-cache in front of the app servers (deploy/nginx-locations.conf), in Debian's nginx
before a real gunicorn: anonymous pages kept a second, a copy for clients that accept gzip and
one for those that do not, shared by browsers of every language, nothing kept for a visitor
with a session."""

import gzip
import os
import shutil
import tempfile
import urllib.request

import pytest

from deploy import nginx_local
from tests.portal.conftest import running_app_servers
from tests.tools import free_port, tool_missing, wait_until_it_answers

BROWSER = {"Accept-Encoding": "gzip, deflate, br"}


def get(port, path, **headers):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310
        return answer.headers, answer.read()


@pytest.fixture
def nginx(site):
    """nginx with the portal's configuration on a port of its own, before one app server."""
    # Not under pytest's tmp_path, which only root may enter: nginx's workers run as another
    # user, and keep the micro-cache in this folder.
    directory = tempfile.mkdtemp(prefix="portal-test-nginx-")
    os.chmod(directory, 0o755)  # noqa: S103
    with running_app_servers(site, count=1) as (app_port,):
        port = free_port()
        server = nginx_local.start(directory, app_port=app_port, port=port)
        if server is None:
            tool_missing("nginx is missing: apt-get install nginx")
        try:
            wait_until_it_answers(port)
            yield port
        finally:
            server.terminate()
            server.wait(timeout=10)
            shutil.rmtree(directory, ignore_errors=True)


def test_the_micro_cache_keeps_a_copy_per_encoding_and_none_for_a_session(nginx):
    """A browser's visit leaves a gzipped copy; a script or a probe that does not accept gzip
    gets a plain copy of its own, and each is then served from the micro-cache, whatever
    language the browser asks for. A visitor with a session always gets the app's own page."""
    first_headers, gzipped = get(nginx, "/zones/", **BROWSER)
    assert first_headers["Content-Encoding"] == "gzip"
    assert first_headers["X-Micro-Cache"] == "MISS"
    plain_headers, plain = get(nginx, "/zones/")
    assert plain_headers.get("Content-Encoding") is None
    assert "Đồng Bành" in plain.decode()
    assert gzip.decompress(gzipped) == plain

    again_headers, again = get(nginx, "/zones/", **BROWSER)
    assert again_headers["Content-Encoding"] == "gzip" and gzip.decompress(again) == plain
    assert again_headers["X-Micro-Cache"] in ("HIT", "UPDATING")
    plain_again_headers, plain_again = get(nginx, "/zones/")
    assert plain_again_headers.get("Content-Encoding") is None and plain_again == plain
    assert plain_again_headers["X-Micro-Cache"] in ("HIT", "UPDATING")

    # Browsers set to other languages share the copy: the page's language is in its address.
    for language in ("zh-CN,zh;q=0.9", "en-US,en;q=0.9", "vi-VN,vi;q=0.9,en;q=0.8"):
        other, body = get(nginx, "/zones/", **BROWSER, **{"Accept-Language": language})
        assert other["X-Micro-Cache"] in ("HIT", "UPDATING"), language
        assert gzip.decompress(body) == plain

    with_session, _ = get(nginx, "/zones/", Cookie="sessionid=abc", **BROWSER)
    assert with_session["X-Micro-Cache"] == "BYPASS"
