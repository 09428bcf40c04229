"""Anonymous pages and API answers served from the cache, and never stale."""

from decimal import Decimal

import pytest
import redis
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains

from tests.factories import PlotFactory, ZoneFactory
from tests.tools import RedisServer
from zones.models import Plot, Zone

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, len(context.captured_queries)


def test_an_anonymous_page_is_served_from_the_cache(client, page_cache):
    zone = ZoneFactory(fill_rate_pct=Decimal("60"))
    first, first_queries = queries(client, "/zones/")
    second, second_queries = queries(client, "/zones/")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert first_queries > 0 and second_queries == 0
    assert second["Content-Security-Policy"] and second["Content-Language"] == "vi"
    assert zone.name in second.content.decode()


@pytest.mark.parametrize(
    "change",
    [
        lambda zone: (setattr(zone, "fill_rate_pct", Decimal("75")), zone.save()),
        lambda zone: PlotFactory(zone=zone, code="NEW-1"),
        lambda zone: zone.plots.all().delete(),
        lambda zone: Zone.objects.filter(pk=zone.pk).update(fill_rate_pct=Decimal("75")),
        lambda zone: (
            Plot.objects.bulk_create([Plot(zone=zone, code="NEW-1", area_m2=Decimal("500"))]),
            Zone.objects.filter(pk=zone.pk).refresh_plot_totals(),
        ),
    ],
    ids=["zone saved", "plot added", "plots deleted", "zone updated in bulk", "plots bulk-created"],
)
def test_any_change_of_the_data_shows_at_once(client, page_cache, change):
    zone = Zone.objects.get(pk=ZoneFactory(fill_rate_pct=Decimal("60")).pk)
    PlotFactory(zone=zone, code="OLD-1")
    url = zone.get_absolute_url()
    before = client.get(url)
    assert client.get(url)["X-Cache"] == "hit"
    change(zone)
    after = client.get(url)
    assert after["X-Cache"] == "miss"
    assert after.content != before.content


def test_the_map_s_markers_are_cached_and_follow_a_renamed_zone(client, page_cache):
    zone = ZoneFactory(name="Khu cũ", latitude=Decimal("21.61"), longitude=Decimal("106.58"))
    client.get("/zones/map.json")
    assert client.get("/zones/map.json")["X-Cache"] == "hit"
    zone.name = "Khu mới"
    zone.save()
    after = client.get("/zones/map.json")
    assert after["X-Cache"] == "miss" and after.json()["markers"][0]["name"] == "Khu mới"


def test_a_staff_edit_in_the_admin_shows_at_once(client, admin_client, page_cache):
    zone = ZoneFactory(fill_rate_pct=Decimal("60"))
    client.get("/zones/")
    admin_client.post(
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
    assertContains(client.get("/zones/"), "71 %")


def test_visitors_with_a_session_and_pages_with_forms_are_not_cached(client, page_cache):
    zone = ZoneFactory(slug="first")
    client.post(f"/zones/{zone.slug}/shortlist/", {"next": "/zones/"})  # now has a session
    assert not client.get("/zones/").has_header("X-Cache")
    assert not Client().get("/inquire/").has_header("X-Cache")


def test_catalogue_pages_set_no_cookie(client, page_cache):
    ZoneFactory()
    for url in ["/", "/zones/", "/plots/", "/en/zones/"]:
        assert client.get(url).cookies == {}


def test_a_cached_page_keeps_the_site_s_protections(client, page_cache):
    ZoneFactory()
    client.get("/en/zones/")
    hit = client.get("/en/zones/")
    assert hit["X-Cache"] == "hit"
    assert hit["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in hit["Content-Security-Policy"]
    assert hit["X-Content-Type-Options"] == "nosniff" and hit["Permissions-Policy"]
    assert hit["Content-Language"] == "en" and int(hit["Content-Length"]) == len(hit.content)
    # A forged Host header is refused before the cache is asked.
    assert client.get("/en/zones/", HTTP_HOST="evil.example").status_code == 400


def test_api_responses_are_cached_per_language_and_refreshed_by_a_change(client, page_cache):
    zone = ZoneFactory(slug="dong-banh", fill_rate_pct=Decimal("60"), name_en="Dong Banh")
    first, first_queries = queries(client, "/api/v1/zones/dong-banh")
    second, second_queries = queries(client, "/api/v1/zones/dong-banh")
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert first_queries > 0 and second_queries == 0
    assert second.json() == first.json() and second.json()["fill_rate_pct"] == 60
    assert second["Access-Control-Allow-Origin"] == "*" and second["ETag"] == first["ETag"]

    english = client.get("/api/v1/zones/dong-banh", headers={"accept-language": "en"})
    assert english["X-Cache"] == "miss" and english.json()["name"] == "Dong Banh"
    assert english["Content-Language"] == "en"

    zone.fill_rate_pct = Decimal("75")
    zone.save()
    after = client.get("/api/v1/zones/dong-banh")
    assert after["X-Cache"] == "miss" and after.json()["fill_rate_pct"] == 75


def test_cached_api_answers_still_count_against_the_rate_limit(client, page_cache, settings):
    # A day's window: four requests never straddle its end (a minute's, under load, now and then).
    settings.API_RATE_LIMIT = "3/d"
    ZoneFactory()
    answers = [client.get("/api/v1/zones") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.get("X-Cache") for a in answers[:3]] == ["miss", "hit", "hit"]
    assert int(answers[3]["Retry-After"]) > 0
    # Another client is not limited by the first one's requests.
    other = client.get("/api/v1/zones", REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200 and other["X-Cache"] == "hit"


def test_a_cached_api_answer_keeps_its_etag_for_conditional_requests(client, page_cache):
    ZoneFactory(slug="dong-banh")
    first = client.get("/api/v1/zones/dong-banh")
    again = client.get("/api/v1/zones/dong-banh", HTTP_IF_NONE_MATCH=first["ETag"])
    assert (first["X-Cache"], again.status_code) == ("miss", 304)
    hit = client.get("/api/v1/zones/dong-banh")
    assert hit["X-Cache"] == "hit" and hit["ETag"] == first["ETag"]


def test_a_page_answers_304_until_the_catalogue_changes(client, page_cache):
    zone = ZoneFactory(fill_rate_pct=Decimal("60"))
    first = client.get("/zones/")
    again = client.get("/zones/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    Zone.objects.filter(pk=zone.pk).update(fill_rate_pct=Decimal("75"))
    changed = client.get("/zones/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assertContains(changed, "75 %")


def page_entries(redis_server):
    """The pages and API answers kept in the test's Redis."""
    keys = redis.Redis.from_url(redis_server.url).keys()
    return [k for k in keys if b":page:" in k or b":api:" in k]


def test_tracking_parameters_do_not_make_a_copy_of_the_page_each(redis_cache):
    ZoneFactory(slug="dong-banh", name="Khu công nghiệp Đồng Bành")
    visitor = Client()
    answers = [visitor.get(f"/zones/dong-banh/?utm={n}") for n in range(300)]
    assert len(page_entries(redis_cache)) <= 1
    assert {a.status_code for a in answers} == {200}
    assert [a["X-Cache"] for a in answers[:3]] == ["miss", "hit", "hit"]
    # Nobody's tracking value shows in the page another visitor gets.
    assert "utm" not in answers[-1].content.decode()


def test_the_filters_a_page_reads_make_its_key_in_any_order(redis_cache):
    park, cluster = Zone.Kind.INDUSTRIAL_PARK, Zone.Kind.INDUSTRIAL_CLUSTER
    ZoneFactory(name="Khu A", kind=park)
    ZoneFactory(name="Cụm B", kind=cluster)
    visitor = Client()
    parks = visitor.get(f"/zones/?kind={park}&sort=name&utm_source=mail")
    assert "Khu A" in parks.content.decode() and "Cụm B" not in parks.content.decode()
    again = visitor.get(f"/zones/?sort=name&kind={park}")
    assert again["X-Cache"] == "hit" and again.content == parks.content
    clusters = visitor.get(f"/zones/?kind={cluster}&sort=name")
    assert clusters["X-Cache"] == "miss" and "Cụm B" in clusters.content.decode()
    assert visitor.get(f"/api/v1/zones?kind={park}&limit=5")["X-Cache"] == "miss"
    assert visitor.get(f"/api/v1/zones?limit=5&kind={park}&utm=x")["X-Cache"] == "hit"
    assert len(page_entries(redis_cache)) == 3  # parks, clusters, the API's parks


def test_a_page_asked_with_a_parameter_it_does_not_read_is_served_uncached(redis_cache):
    ZoneFactory()
    visitor = Client()
    for n in range(20):
        response = visitor.get(f"/zones/?q={n}")
        assert response.status_code == 200 and "X-Cache" not in response
    assert page_entries(redis_cache) == []


@pytest.fixture
def pages_redis(tmp_path, settings, redis_cache):
    """A Redis for the pages alone (PAGE_CACHE_URL), bounded as docs/deploy.md says, only
    smaller; the default cache stays the test's other Redis."""
    (tmp_path / "pages").mkdir()
    bounds = ("--maxmemory", "2mb", "--maxmemory-policy", "volatile-lru")
    server = RedisServer(tmp_path / "pages", *bounds).start()
    pages = {"BACKEND": "portal.redis_cache.RedisCache", "LOCATION": server.url}
    settings.CACHES = {**settings.CACHES, "pages": pages}
    yield server
    server.stop()


def test_a_flood_of_pages_evicts_pages_in_their_own_redis_and_no_rate_limit_counter(
    redis_cache, pages_redis, settings, valid_inquiry_data
):
    settings.INQUIRY_RATE_LIMIT = "2/h"
    ZoneFactory()
    investor = Client()
    for token in ("6f1c1e5e-0000-4a51-9d2b-0c1b5a7c1d11", "6f1c1e5e-0000-4a51-9d2b-0c1b5a7c1d12"):
        data = {**valid_inquiry_data, "form_token": token}
        assert investor.post("/inquire/", data).status_code == 302

    visitor = Client()
    for n in range(200):  # every one a valid filter, so every one kept
        assert visitor.get(f"/zones/?min_free_ha={n}").status_code == 200
    stats = redis.Redis.from_url(pages_redis.url).info()
    # Redis evicts once a write takes it past maxmemory, so it may sit a little above the bound
    # (2,098,312 bytes against 2,097,152 was seen): bounded, not exact.
    assert stats["evicted_keys"] > 0 and stats["used_memory"] <= 2 * 1024 * 1024 + 64 * 1024
    assert page_entries(redis_cache) == []  # no page in the counters' Redis

    data = {**valid_inquiry_data, "form_token": "6f1c1e5e-0000-4a51-9d2b-0c1b5a7c1d13"}
    assert investor.post("/inquire/", data).status_code == 429  # its counter is still there
