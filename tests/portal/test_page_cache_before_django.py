"""A kept page is answered before Django's stack (portal/wsgi.py), exactly as Django answers it:
the same body, every header, 304 to a conditional request, the API's rate limit counted."""

import gzip
import time
from decimal import Decimal
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from portal.page_cache import VERSION_CHECK_SECONDS, PageCacheApplication
from portal.wsgi import application
from tests.factories import ZoneFactory

pytestmark = pytest.mark.django_db

# Headers that belong to one answer: the rest must be the same on a hit as on Django's answer.
PER_ANSWER = {"date", "x-request-id", "x-cache"}


class Answer:
    def __init__(self, status, headers, body):
        self.status_code = int(status.split()[0])
        self.headers = dict(headers)
        self.content = body

    def __getitem__(self, name):
        return self.headers[name]

    def get(self, name):
        return self.headers.get(name)


def wsgi_get(path, app=application, **environ):
    """A GET through the site's WSGI application, as gunicorn makes it; and whether Django's
    request cycle was entered."""
    path, _, query = path.partition("?")
    env = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "testserver", **environ}
    setup_testing_defaults(env)
    started = []

    def saw_django(**kwargs):
        started.append(True)

    captured = {}

    def start_response(status, headers, exc_info=None):
        captured.update(status=status, headers=headers)

    # As Django's test client does: the test's transaction holds the connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.connect(saw_django)
    try:
        result = app(env, start_response)
        try:
            body = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
    finally:
        request_started.disconnect(saw_django)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return Answer(captured["status"], captured["headers"], body), bool(started)


@pytest.fixture
def catalogue(redis_cache):
    return ZoneFactory(slug="dong-banh", fill_rate_pct=Decimal("60"), name_en="Dong Banh")


URLS = ["/", "/zones/", "/en/zones/", "/zones/dong-banh/", "/plots/", "/api/v1/zones"]


@pytest.mark.parametrize("url", URLS)
def test_a_hit_is_answered_before_django_with_every_header_django_sends(catalogue, url):
    made, entered = wsgi_get(url)
    assert made["X-Cache"] == "miss" and entered
    hit, entered = wsgi_get(url)
    assert hit["X-Cache"] == "hit" and not entered
    assert hit.content == made.content
    kept = {k: v for k, v in made.headers.items() if k.lower() not in PER_ANSWER}
    assert {k: v for k, v in hit.headers.items() if k.lower() not in PER_ANSWER} == kept
    for header in ("Content-Security-Policy", "X-Frame-Options", "Permissions-Policy"):
        assert hit[header]
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert int(hit["Content-Length"]) == len(hit.content) and len(hit["X-Request-ID"]) == 16


@pytest.mark.parametrize("url", ["/zones/", "/api/v1/zones"])
def test_a_client_that_does_not_accept_gzip_never_gets_the_gzipped_copy(catalogue, url):
    """Browsers ask for gzip; a script, a feed reader or a monitoring probe often does not,
    and must get plain text even when a browser's request made the copy that is kept; and a
    browser must not be sent the plain copy such a client's request made."""
    browser = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
    made_for_browser, _ = wsgi_get(url, **browser)
    plain, entered = wsgi_get(url)
    assert made_for_browser["Content-Encoding"] == "gzip"
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
    assert entered and plain["X-Cache"] == "miss"  # a copy of its own, made by Django
    assert gzip.decompress(made_for_browser.content) == plain.content
    for environ, gzipped in (({}, False), (browser, True), ({}, False), (browser, True)):
        hit, entered = wsgi_get(url, **environ)
        assert hit["X-Cache"] == "hit" and not entered
        assert (hit.get("Content-Encoding") == "gzip") is gzipped
        assert hit.content == (made_for_browser if gzipped else plain).content
        assert int(hit["Content-Length"]) == len(hit.content)


def test_a_hit_over_https_carries_hsts_and_one_over_http_does_not(catalogue, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Django's middlewares read the HSTS setting when they are made.
    https = {"HTTP_X_FORWARDED_PROTO": "https", "app": PageCacheApplication(WSGIHandler())}
    wsgi_get("/zones/", **https)
    hit, entered = wsgi_get("/zones/", **https)
    assert not entered and hit["Strict-Transport-Security"].startswith("max-age=31536000")
    plain, entered = wsgi_get("/zones/", app=https["app"])
    assert entered and "Strict-Transport-Security" not in plain.headers


def test_a_hit_answers_304_to_its_etag_and_200_after_a_change(catalogue):
    first, _ = wsgi_get("/zones/")
    again, entered = wsgi_get("/zones/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not entered and again.content == b""
    assert again["ETag"] == first["ETag"] and again["Content-Security-Policy"]
    catalogue.fill_rate_pct = Decimal("75")
    catalogue.save()
    changed, entered = wsgi_get("/zones/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and entered and "75 %" in changed.content.decode()


def test_api_hits_before_django_count_against_the_rate_limit(catalogue, settings):
    # A day's window: four requests never straddle its end (a minute's, under load, now and then).
    settings.API_RATE_LIMIT = "3/d"
    answers = [wsgi_get("/api/v1/zones")[0] for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.get("X-Cache") for a in answers] == ["miss", "hit", "hit", None]
    assert int(answers[3]["Retry-After"]) > 0 and answers[3]["Content-Security-Policy"]
    other, _ = wsgi_get("/api/v1/zones", REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200 and other["X-Cache"] == "hit"


def test_a_forged_host_or_a_session_never_gets_a_kept_page(catalogue, client):
    wsgi_get("/zones/")
    forged, _ = wsgi_get("/zones/", HTTP_HOST="evil.example")
    assert forged.status_code == 400
    with_session, entered = wsgi_get("/zones/", HTTP_COOKIE="sessionid=abc")
    assert entered and "X-Cache" not in with_session.headers


def test_while_redis_is_down_pages_are_made_by_django(catalogue, redis_cache):
    wsgi_get("/zones/")
    assert wsgi_get("/zones/")[0]["X-Cache"] == "hit"
    redis_cache.stop()
    time.sleep(VERSION_CHECK_SECONDS)
    answer, entered = wsgi_get("/zones/")
    assert answer.status_code == 200 and entered and "X-Cache" not in answer.headers
