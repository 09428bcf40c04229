"""Headers, cookies, error pages, bounded input and logs: hard to abuse, nothing leaks."""

import json
import logging

import pytest
from django.test import Client
from pytest_django.asserts import assertContains

from investors.models import Inquiry
from tests.factories import ZoneFactory
from tests.tools import run_in_production

pytestmark = pytest.mark.django_db
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def directives(response):
    policy = response["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in policy.split("; ")}


@pytest.mark.parametrize("url", ["/", "/zones/", "/inquire/", "/en/plots/", "/api/v1/zones"])
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    csp = directives(response)
    assert csp["script-src"] == ["'self'"]
    assert not any("unsafe" in v for v in csp["script-src"] + csp["default-src"])
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert csp["form-action"] == ["'self'"] and csp["frame-ancestors"] == ["'none'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in response["Permissions-Policy"]
    assert len(response["X-Request-ID"]) == 16


def test_a_response_that_sets_a_cookie_is_private(client, valid_inquiry_data):
    # No shared cache (a proxy, a CDN) may keep one visitor's CSRF or session cookie for the next.
    form = client.get("/inquire/")
    assert "csrftoken" in form.cookies
    assert "private" in form["Cache-Control"]
    sent = client.post("/inquire/", valid_inquiry_data)
    assert "sessionid" in sent.cookies
    assert "private" in sent["Cache-Control"]


def test_a_response_without_cookies_stays_cacheable(client, langson):
    response = client.get("/zones/")
    assert not response.cookies
    assert "private" not in response.get("Cache-Control", "")


def test_no_page_has_an_inline_script(client, langson):
    for url in ["/", "/zones/", "/zones/dong-banh/", "/inquire/", "/plots/", "/zones/compare/"]:
        html = client.get(url).content.decode()
        for tag in html.split("<script")[1:]:
            head = tag.split(">", 1)[0]
            assert "src=" in head or 'type="application/' in head, (url, head)


# What production's settings module makes of the secure transport and the cookies: every setting
# of those families, read in a process of its own with no development values.
PRODUCTION_TRANSPORT = """
import json
from django.conf import settings
print(json.dumps({name: getattr(settings, name) for name in dir(settings)
                  if name.startswith(("SECURE_", "SESSION_", "CSRF_"))}))
"""


def test_production_settings_send_hsts_and_host_prefixed_secure_cookies(settings, langson):
    # One process reads the production settings; the requests run here, on the test database,
    # with those settings in place of the tests' (which turn the HTTPS redirect off).
    read = run_in_production(
        ["-c", "import django; django.setup(); " + PRODUCTION_TRANSPORT],
        ALLOWED_HOSTS="testserver",
    )
    assert read.returncode == 0, read.stderr
    production = json.loads(read.stdout.strip().splitlines()[-1])
    assert production["SECURE_SSL_REDIRECT"] is True and production["SECURE_HSTS_SECONDS"]
    for name, value in production.items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)

    client = Client()
    home = client.get("/", secure=True)
    client.get("/inquire/", secure=True)
    client.post("/zones/dong-banh/shortlist/", {"next": "/"}, secure=True)
    assert home["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert Client().get("/").status_code == 301  # plain HTTP goes to HTTPS
    assert set(client.cookies) == {"__Host-csrftoken", "__Host-sessionid"}
    for cookie in client.cookies.values():
        assert cookie["secure"] is True and cookie["httponly"] is True
        assert cookie["samesite"] == "Lax" and cookie["path"] == "/"


@pytest.fixture
def failing_site(settings):
    settings.ROOT_URLCONF = "tests.portal.failing_urls"
    client = Client(raise_request_exception=False)
    return client


def test_a_server_error_shows_the_site_page_without_a_traceback_and_is_logged_with_an_id(
    failing_site, caplog
):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = failing_site.get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Xin lỗi, đã có lỗi xảy ra" in html
    for leak in ("Traceback", "leak-me", "postgres://", "RuntimeError", "SECRET_KEY"):
        assert leak not in html
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.request_id == response["X-Request-ID"]


def test_a_refusal_is_logged_on_one_line_without_a_traceback(client, zone_editor, caplog):
    """A 403 or a 400 is the client's doing: one line each, not a traceback each."""
    client.force_login(zone_editor)
    with caplog.at_level(logging.WARNING):
        assert client.get("/admin/investors/inquiry/").status_code == 403
        assert Client().get("/", HTTP_HOST="evil.example").status_code == 400
    [console] = [h for h in logging.getLogger().handlers if h.get_name() == "console"]
    written = [console.format(r) for r in caplog.records if console.filter(r)]
    assert any("Forbidden" in line for line in written), written
    assert any("evil.example" in line for line in written), written
    for line in written:
        assert "\n" not in line and "Traceback" not in line, line


def test_a_forged_form_gets_the_sites_403_page(client):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/inquire/", {"company_name": "x"})
    assert response.status_code == 403
    assertContains(response, "Phiên làm việc đã hết hạn", status_code=403)


def test_a_bad_host_gets_the_sites_400_page():
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assertContains(response, "Yêu cầu không hợp lệ", status_code=400)


def test_an_oversized_body_is_refused_with_400(client):
    response = client.post("/inquire/", {"message": "x" * 3_000_000})
    assert response.status_code == 400
    assert not Inquiry.objects.exists()


def test_xss_payloads_come_back_escaped_in_every_form_field(client):
    ZoneFactory()
    data = dict.fromkeys(
        [
            "company_name",
            "contact_name",
            "email",
            "phone",
            "country",
            "sector",
            "area_needed_ha",
            "capital_amount",
            "jobs_expected",
            "start_quarter",
            "message",
            "form_token",
            "plot",
            "zones",
        ],
        XSS,
    )
    response = client.post("/inquire/", data)
    html = response.content.decode()
    assert XSS not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize(
    "url",
    ["/zones/", "/plots/", "/zones/compare/", "/inquire/", "/api/v1/zones", "/zones/download.csv"],
)
def test_xss_payloads_in_filters_come_back_escaped(client, url):
    query = {
        "kind": XSS,
        "district": XSS,
        "zone": XSS,
        "zones": XSS,
        "sector": XSS,
        "sort": XSS,
        "min_free_ha": XSS,
        "plot": XSS,
    }
    response = client.get(url, query)
    assert response.status_code in (200, 400)
    assert XSS.encode() not in response.content


@pytest.mark.parametrize("value", ["' OR 1=1 --", "1; DROP TABLE zones_zone", '" OR ""="', "%' --"])
def test_sql_metacharacters_in_filters_are_only_values(client, langson, value):
    before = client.get("/zones/").context["paginator"].count
    response = client.get("/zones/", {"sector": value})
    assert response.status_code == 400
    response = client.get("/api/v1/zones", {"sector": value})
    assert response.status_code in (200, 400)
    assert client.get("/zones/").context["paginator"].count == before


def test_the_request_log_carries_no_personal_data(client, caplog, valid_inquiry_data):
    with caplog.at_level(logging.INFO):
        client.post("/inquire/?zone=dong-banh", valid_inquiry_data)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "POST /inquire/ 302" in text
    for secret in ("wang.li@example.cn", "Wang Li", "+86", "Guangxi"):
        assert secret not in text
