"""Partners take the portal's data without scraping it: the JSON API."""

from decimal import Decimal

import pytest

from investors.models import InquiryNote
from tests.factories import InquiryFactory, PlotFactory, UserFactory, ZoneFactory
from zones.models import Plot, Zone

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response


def test_zones_list_their_figures_as_the_database_holds_them(client, langson):
    body = get(client, "/api/v1/zones").json()
    assert body["count"] == Zone.objects.published().count()
    dong_banh = next(z for z in body["items"] if z["slug"] == "dong-banh")
    assert dong_banh["total_area_ha"] == 162
    assert dong_banh["fill_rate_pct"] == 60
    # 40 % of the total area, as the leasable area is unknown: at most ≈ 65 ha.
    assert dong_banh["free_area_ha"] == 65
    assert dong_banh["free_area_basis"] == "reported_fill_rate_upper_bound"
    assert dong_banh["fill_rate_approximate"] is True
    assert dong_banh["kind"] == "kcn" and dong_banh["district"] == "chi-lang"
    assert dong_banh["url"].endswith("/zones/dong-banh/")
    assert [z["slug"] for z in body["items"]] == sorted(z["slug"] for z in body["items"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=ccn", ["hop-thanh-2"]),
        ("district=chi-lang", ["dong-banh"]),
        ("min_free_ha=100&kind=kcn", ["hong-phong"]),
        ("sector=mineral-processing", ["hong-phong"]),
    ],
)
def test_zones_take_the_same_filters_as_the_zone_list(client, langson, query, expected):
    body = get(client, f"/api/v1/zones?{query}").json()
    assert [z["slug"] for z in body["items"]] == expected


def test_a_zone_has_its_plots_summary_and_fill_rate_history(client, langson):
    zone = Zone.objects.get(slug="dong-banh")
    zone.fill_rate_pct = Decimal("66")
    zone.save()
    body = get(client, "/api/v1/zones/dong-banh").json()
    assert body["plots"] == {
        "count": 9,
        "available_count": 5,
        "available_area_ha": pytest.approx(64.8),
    }
    assert [p["fill_rate_pct"] for p in body["fill_rate_history"]] == [60, 66]
    assert body["fill_rate_history"][0]["date"] == "2020-01-01"  # the report's 2020–2021


def test_plots_default_to_available_and_filter_like_the_plot_search(client, langson):
    body = get(client, "/api/v1/plots?limit=100").json()
    assert body["count"] == Plot.objects.available().count()
    assert {p["status"] for p in body["items"]} == {"available"}
    body = get(client, "/api/v1/plots?zone=hop-thanh-2&status=").json()
    assert sorted(p["code"] for p in body["items"]) == ["CN2-01", "CN2-02", "CN2-03", "CN2-04"]
    assert get(client, "/api/v1/plots?area_min=50&area_unit=ha").json()["count"] == 4


def test_projects_and_indicators(client, langson):
    projects = get(client, "/api/v1/projects?zone=dong-banh").json()
    assert projects["count"] == 4
    assert sum(p["registered_capital_vnd"] for p in projects["items"]) == 1_700_000_000_000
    indicators = {i["slug"]: i for i in get(client, "/api/v1/indicators").json()["items"]}
    assert indicators["industrial-output-2020"]["value"] == 6238


def test_translated_fields_follow_lang_or_accept_language(client, langson):
    assert (
        get(client, "/api/v1/zones/dong-banh?lang=en").json()["name"] == "Dong Banh Industrial Park"
    )
    assert get(client, "/api/v1/zones/dong-banh?lang=zh-hans").json()["name"] == "同彭工业园"
    response = get(client, "/api/v1/zones/dong-banh", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert response.json()["name"] == "Dong Banh Industrial Park"
    assert response["Content-Language"] == "en"


def test_pagination_is_bounded_and_stable(client):
    Zone.objects.bulk_create(ZoneFactory.build_batch(130))
    first = get(client, "/api/v1/zones?limit=100").json()
    assert (first["count"], len(first["items"])) == (130, 100)
    rest = get(client, "/api/v1/zones?limit=100&offset=100").json()
    assert len(rest["items"]) == 30
    assert {z["slug"] for z in first["items"]}.isdisjoint(z["slug"] for z in rest["items"])
    for bad in ("limit=101", "limit=0", "offset=-1", "limit=abc"):
        response = get(client, f"/api/v1/zones?{bad}")
        assert response.status_code == 400, bad
        assert response.json()["detail"]


def test_a_repeated_request_gets_304_when_nothing_changed(client, langson):
    first = client.get("/api/v1/zones")
    assert first["ETag"]  # Last-Modified: tests/zones/test_api_conditional_get.py
    again = client.get("/api/v1/zones", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    Zone.objects.filter(slug="dong-banh").update(fill_rate_pct=Decimal("70"))
    changed = client.get("/api/v1/zones", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200


@pytest.mark.parametrize("query", ["kind=castle", "min_free_ha=lots", "sort=price", "lang=fr"])
def test_bad_filters_answer_400_in_json(client, query):
    response = get(client, f"/api/v1/zones?{query}")
    assert response.status_code == 400
    assert "detail" in response.json()


def test_an_unknown_slug_answers_404_in_json(client):
    response = get(client, "/api/v1/zones/atlantis")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_the_api_is_rate_limited_per_client_with_429(client, settings):
    # A day's window: four requests never straddle its end (a minute's, under load, now and then).
    settings.API_RATE_LIMIT = "3/d"
    for _ in range(3):
        assert client.get("/api/v1/indicators").status_code == 200
    response = get(client, "/api/v1/indicators")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    other = client.get("/api/v1/indicators", REMOTE_ADDR="198.51.100.20")
    assert other.status_code == 200


def test_cors_is_open_for_get(client):
    assert client.get("/api/v1/indicators")["Access-Control-Allow-Origin"] == "*"


def test_no_personal_data_anywhere_in_the_api(client, langson):
    inquiry = InquiryFactory(
        contact_name="Wang Secretname",
        email="wang.secret@example.cn",
        phone="+84912345678",
        message="Private plans",
    )
    inquiry.zones.add(Zone.objects.get(slug="dong-banh"))
    InquiryNote.objects.create(inquiry=inquiry, author=UserFactory(), text="Internal note")
    bodies = []
    for url in [
        "/api/v1/zones?limit=100",
        "/api/v1/zones/dong-banh",
        "/api/v1/plots?status=&limit=100",
        "/api/v1/projects?limit=100",
        "/api/v1/indicators",
        "/api/v1/openapi.json",
    ]:
        bodies.append(client.get(url).content.decode())
    text = " ".join(bodies)
    for secret in [
        "Secretname",
        "wang.secret",
        "912345678",
        "Private plans",
        "Internal note",
        inquiry.reference,
        "@",
    ]:
        assert secret not in text.replace("@context", ""), secret


def test_the_docs_and_schema_are_served_without_a_cdn(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/zones",
        "/api/v1/zones/{slug}",
        "/api/v1/plots",
        "/api/v1/projects",
        "/api/v1/indicators",
    } <= set(schema["paths"])
    docs = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs and "cdn." not in docs


def test_plots_query_count_does_not_grow(client, django_assert_max_num_queries):
    zone = ZoneFactory()
    PlotFactory.create_batch(5, zone=zone)
    with django_assert_max_num_queries(8) as small:
        client.get("/api/v1/plots?limit=100")
    PlotFactory.create_batch(60, zone=ZoneFactory())
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/api/v1/plots?limit=100")


def test_an_unpublished_zone_s_plots_are_answered_like_an_unknown_zone_s(client):
    """An empty page for both: the API never tells that an unpublished zone exists."""
    hidden = ZoneFactory(slug="hidden", is_published=False)
    PlotFactory(zone=hidden)
    unpublished = client.get("/api/v1/plots?zone=hidden")
    unknown = client.get("/api/v1/plots?zone=no-such-zone")
    assert unpublished.status_code == unknown.status_code == 200
    assert unpublished.json() == unknown.json()
    assert unpublished.json()["count"] == 0
