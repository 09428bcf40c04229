"""Downloads, the sitemap, robots.txt and the metadata that search engines and partners read."""

import csv
import io
import json
import time
import xml.etree.ElementTree as ET

import pytest

from tests.factories import ZoneFactory
from zones.models import Plot, Zone

pytestmark = pytest.mark.django_db
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def test_zone_csv_applies_the_current_filters(client, langson):
    response = client.get("/zones/download.csv?district=cao-loc")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(r["slug"] for r in rows) == ["dong-dang-lang-son", "hong-phong", "hop-thanh-2"]
    assert next(r for r in rows if r["slug"] == "hong-phong")["total_area_ha"] == "400"


def test_plot_geojson_is_a_feature_collection_qgis_can_open(client, langson):
    response = client.get("/plots/download.geojson?zone=dong-banh&status=")
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == Plot.objects.filter(zone__slug="dong-banh").count()
    feature = data["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] == "Polygon"
    ring = feature["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1] and 106 < ring[0][0] < 107.5 and 21 < ring[0][1] < 22.6
    assert feature["properties"]["zone"] == "dong-banh"


def test_zone_geojson_falls_back_to_a_point_and_list_pages_link_downloads(client):
    ZoneFactory(slug="pointy", latitude="21.85", longitude="106.75")
    data = json.loads(client.get("/zones/download.geojson").content)
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [106.75, 21.85]}
    page = client.get("/zones/?kind=kcn").content.decode()
    assert 'href="/zones/download.csv?kind=kcn"' in page
    assert 'href="/zones/download.geojson?kind=kcn"' in page


def test_a_bad_download_filter_is_a_400_in_json(client):
    response = client.get("/plots/download.csv?area_min=lots")
    assert response.status_code == 400
    assert "area_min" in response.json()["errors"]


def test_the_sitemap_has_the_shape_of_the_schema_and_each_zone_in_three_languages(
    client, langson, settings
):
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap, not untrusted)
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    locations = []
    for url in root:
        assert url.tag == f"{{{SITEMAP_NS}}}url"
        children = [
            child.tag.split("}")[1] for child in url if child.tag.startswith(f"{{{SITEMAP_NS}}}")
        ]
        assert children[0] == "loc" and set(children) <= {
            "loc",
            "lastmod",
            "changefreq",
            "priority",
        }
        lastmod = url.find(f"{{{SITEMAP_NS}}}lastmod").text
        assert len(lastmod) == 10 and lastmod[4] == "-"
        assert len(url.findall(f"{{{XHTML_NS}}}link")) == 4  # vi, en, zh-hans, x-default
        locations.append(url.find(f"{{{SITEMAP_NS}}}loc").text)
    for zone in Zone.objects.published():
        for prefix in ("", "/en", "/zh-hans"):
            assert f"{settings.SITE_URL}{prefix}/zones/{zone.slug}/" in locations
    assert not any("/inquire/" in loc or "/admin/" in loc for loc in locations)


def test_robots_txt_keeps_crawlers_out_of_admin_and_sent_inquiries(client, settings):
    text = client.get("/robots.txt").content.decode()
    for line in [
        "Disallow: /admin/",
        "Disallow: /inquire/thanks/",
        "Disallow: /en/inquire/thanks/",
        "Disallow: /zh-hans/developer/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]:
        assert line in text
    # The form itself is a page investors find from a search (Lighthouse's is-crawlable).
    assert "Disallow: /inquire/\n" not in text


def test_zone_pages_carry_canonical_opengraph_twitter_and_json_ld(client, langson, settings):
    settings.SITE_URL = "https://dautu.langson.gov.vn"
    html = client.get("/en/zones/hong-phong/").content.decode()
    assert '<link rel="canonical" href="https://dautu.langson.gov.vn/en/zones/hong-phong/">' in html
    assert '<meta property="og:title" content="Hong Phong Industrial Park">' in html
    assert '<meta name="twitter:card"' in html
    ld = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert ld["@type"] == "Place" and ld["name"] == "Hong Phong Industrial Park"
    assert ld["geo"]["@type"] == "GeoCoordinates" and ld["geo"]["latitude"] == 21.88
    assert {"name": "area", "value": 400.0}.items() <= ld["additionalProperty"][0].items()


def test_the_download_columns_are_named_as_in_the_api():
    """One vocabulary for the open data: each column of the zone and plot files is a field of
    the API's zones and plots, with the same meaning."""
    from zones.api import PlotOut, ZoneOut
    from zones.downloads import PLOT_COLUMNS, ZONE_COLUMNS

    assert set(ZONE_COLUMNS) <= set(ZoneOut.model_fields)
    assert set(PLOT_COLUMNS) <= set(PlotOut.model_fields)


def test_a_name_that_would_end_the_script_stays_inside_the_json_ld(client, db):
    name = "Khu </script><!-- & <b>"
    html = client.get(ZoneFactory(slug="odd", name=name).get_absolute_url()).content.decode()
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(script)["name"] == name
    assert "<" not in script and "&" not in script


def test_the_sitemap_is_never_answered_304_once_a_zone_is_gone(client, db):
    older = ZoneFactory(slug="older")
    ZoneFactory(slug="newer")  # the last one changed stays: its date would not move
    time.sleep(1.05)  # HTTP dates have whole seconds
    first = client.get("/sitemap.xml")
    older.delete()
    for validator in (
        {"HTTP_IF_MODIFIED_SINCE": first.get("Last-Modified", "")},
        {"HTTP_IF_NONE_MATCH": first["ETag"]},
    ):
        again = client.get("/sitemap.xml", **validator)
        assert again.status_code == 200 and b"/zones/older/" not in again.content
