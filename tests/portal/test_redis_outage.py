"""Redis stops under traffic: the site degrades (no page cache, rate limits counted per
process), it does not fail; and it picks Redis up again by itself when Redis returns."""

import logging
import signal
import time
import uuid
from decimal import Decimal

import pytest
from django.test import Client
from pytest_django.asserts import assertContains

from investors.models import Inquiry
from tests.factories import PlotFactory, SectorFactory, ZoneFactory
from tests.portal.conftest import CACHE_RETRY_SECONDS
from tests.tools import run_in_production
from zones.models import Zone

pytestmark = pytest.mark.django_db


def visitor():
    """A browser that sees what the visitor sees, a 500 page included."""
    return Client(raise_request_exception=False)


def restart(redis_server):
    redis_server.start()
    time.sleep(CACHE_RETRY_SECONDS * 2)  # each process tries Redis again this long after a failure


def test_pages_and_the_api_are_served_uncached_while_redis_is_down(redis_cache, caplog):
    zone = ZoneFactory(slug="dong-banh", name="Khu công nghiệp Đồng Bành")
    PlotFactory(zone=zone, code="A1")
    urls = ["/", "/zones/", "/zones/dong-banh/", "/plots/", "/en/zones/", "/sitemap.xml"]
    urls += ["/api/v1/zones", "/api/v1/zones/dong-banh", "/api/v1/plots", "/zones/map.json"]
    browser = visitor()
    for url in urls:
        browser.get(url)
        assert browser.get(url)["X-Cache"] == "hit", url

    redis_cache.stop()
    caplog.clear()
    for _ in range(3):
        for url in urls:
            response = browser.get(url)
            assert response.status_code == 200, url
            assert "X-Cache" not in response, url  # made by Django, kept nowhere
    assertContains(browser.get("/zones/dong-banh/"), "Khu công nghiệp Đồng Bành")
    assert browser.get("/api/v1/zones").json()["items"][0]["slug"] == "dong-banh"
    # One warning for the outage, not a traceback per request.
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(problems) == 1, [r.getMessage() for r in problems]
    assert "cache" in problems[0].getMessage().lower()
    assert problems[0].levelno == logging.WARNING and not problems[0].exc_text

    restart(redis_cache)
    assert browser.get("/zones/")["X-Cache"] == "miss"
    assert browser.get("/zones/")["X-Cache"] == "hit"


def test_a_staff_edit_while_redis_is_down_is_saved_and_shown(redis_cache, superuser):
    zone = ZoneFactory(fill_rate_pct=Decimal("60"))
    staff = Client(raise_request_exception=False)
    login = staff.post("/developer/login/", {"username": "chief", "password": "pw"})
    assert login.status_code == 302
    browser = visitor()
    browser.get("/zones/")

    redis_cache.stop()
    response = staff.post(
        "/admin/zones/zone/",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(zone.pk),
            "form-0-fill_rate_pct": "71",
            "form-0-status": zone.status,
            "_save": "Lưu",
        },
    )
    assert response.status_code == 302
    assert Zone.objects.get(pk=zone.pk).fill_rate_pct == 71
    assertContains(browser.get("/zones/"), "71 %")

    restart(redis_cache)
    assertContains(browser.get("/zones/"), "71 %")


def inquiry(valid_inquiry_data):
    return {**valid_inquiry_data, "form_token": str(uuid.uuid4())}


def test_every_expression_of_interest_is_stored_while_redis_is_down(
    redis_cache, settings, valid_inquiry_data
):
    settings.INQUIRY_RATE_LIMIT = "100/h"
    investor = visitor()
    for _ in range(3):
        assert investor.post("/inquire/", inquiry(valid_inquiry_data)).status_code == 302

    redis_cache.stop()
    for _ in range(10):
        response = investor.post("/inquire/", inquiry(valid_inquiry_data), follow=True)
        assert response.status_code == 200
        reference = Inquiry.objects.latest("pk").reference
        assertContains(response, reference)  # the thanks page, from the session
    assert Inquiry.objects.count() == 13

    restart(redis_cache)
    assert investor.post("/inquire/", inquiry(valid_inquiry_data)).status_code == 302
    assert Inquiry.objects.count() == 14


def test_while_redis_is_down_the_inquiry_limit_still_holds(
    redis_cache, settings, valid_inquiry_data
):
    settings.INQUIRY_RATE_LIMIT = "2/h"
    redis_cache.stop()
    investor = visitor()
    for _ in range(2):
        assert investor.post("/inquire/", inquiry(valid_inquiry_data)).status_code == 302
    refused = investor.post("/inquire/", inquiry(valid_inquiry_data))
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert Inquiry.objects.count() == 2


def test_the_api_limit_still_holds_while_redis_is_down(redis_cache, settings):
    # A day's window: four requests never straddle its end (a minute's, under load, now and then).
    settings.API_RATE_LIMIT = "3/d"
    ZoneFactory()
    redis_cache.stop()
    client = visitor()
    assert [client.get("/api/v1/zones").status_code for _ in range(4)] == [200, 200, 200, 429]


def test_sessions_keep_working_while_redis_is_down(redis_cache, superuser):
    SectorFactory()
    ZoneFactory(slug="huu-lung", name="Khu công nghiệp Hữu Lũng")
    staff = Client(raise_request_exception=False)
    assert (
        staff.post("/developer/login/", {"username": "chief", "password": "pw"}).status_code == 302
    )
    assert staff.get("/admin/").status_code == 200

    redis_cache.stop()
    assert staff.get("/admin/").status_code == 200  # the session, read from the database
    # A new log-in, a visitor's new shortlist, and a log-out, all while Redis is down.
    other = Client(raise_request_exception=False)
    assert (
        other.post("/developer/login/", {"username": "chief", "password": "pw"}).status_code == 302
    )
    assert other.get("/admin/").status_code == 200
    shopper = visitor()
    assert shopper.post("/zones/huu-lung/shortlist/").status_code == 302
    assertContains(shopper.get("/zones/compare/"), "Khu công nghiệp Hữu Lũng")
    assert other.post("/admin/logout/").status_code == 302
    assert other.get("/admin/").status_code == 302

    restart(redis_cache)
    assert staff.get("/admin/").status_code == 200
    assertContains(shopper.get("/zones/compare/"), "Khu công nghiệp Hữu Lũng")
    assert other.get("/admin/").status_code == 302


def test_readyz_says_degraded_but_ready_while_only_redis_is_down(redis_cache):
    client = visitor()
    assert client.get("/readyz").json() == {"status": "ok", "database": "ok", "cache": "ok"}

    redis_cache.stop()
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "degraded"}
    assert client.get("/healthz").json() == {"status": "ok"}

    redis_cache.start()  # readyz asks Redis itself, at once, whatever the site last saw
    assert client.get("/readyz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_a_redis_that_hangs_holds_up_one_request_per_process_not_every_one(redis_cache, settings):
    production = run_in_production(
        ["-c", "import django; django.setup(); from django.conf import settings as s; "
               "print(s.CACHES['default']['OPTIONS'])"],
        CACHE_URL="redis://127.0.0.1:6379/1",
    )  # fmt: skip
    assert "'socket_timeout': 0.5" in production.stdout, production.stderr
    # Here a longer timeout than production's, so that "held up once" and "held up every time"
    # stay far apart on a machine of any speed: one wait of 2 s against at least 40 s.
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "OPTIONS": {"socket_timeout": 2}},
    }
    settings.CACHE_RETRY_SECONDS = 120
    ZoneFactory()
    browser = visitor()
    browser.get("/zones/")

    redis_cache.process.send_signal(signal.SIGSTOP)  # alive, listening, answering nothing
    try:
        started = time.monotonic()
        assert [browser.get("/zones/").status_code for _ in range(20)] == [200] * 20
        elapsed = time.monotonic() - started
    finally:
        redis_cache.process.send_signal(signal.SIGCONT)
    # One timeout of 2 s, then no question to Redis for CACHE_RETRY_SECONDS: had each of the 20
    # requests asked, they would have waited 20 × 2 s. (It took 2.5–7.6 s under load 1–20.)
    assert elapsed < 20
