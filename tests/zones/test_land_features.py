"""Geometry, photos, comparison, the shortlist and the numbers that sell."""

import io
import struct
import zlib
from decimal import Decimal

import pytest
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import PlotFactory, ZoneFactory
from zones.geo import validate_polygon
from zones.models import Zone, ZonePhoto
from zones.photos import validate_photo

pytestmark = pytest.mark.django_db

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[106.58, 21.61], [106.59, 21.61], [106.59, 21.62], [106.58, 21.61]]],
}


def test_a_polygon_inside_lang_son_is_accepted_bare_or_as_a_feature():
    validate_polygon(SQUARE)
    validate_polygon({"type": "Feature", "properties": {}, "geometry": SQUARE})
    validate_polygon({"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]})


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        ("not json", "GeoJSON"),
        ({"type": "Point", "coordinates": [106.5, 21.6]}, "Polygon"),
        ({"type": "Polygon", "coordinates": [[[106.58, 21.61], [106.59, 21.61]]]}, "4"),
        (
            {
                "type": "Polygon",
                "coordinates": [[[106.58, 21.61], [106.59, 21.61], [106.59, 21.62], [106.5, 21.7]]],
            },
            "khép kín",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [[["a", 21.61], [106.59, 21.61], [106.59, 21.62], ["a", 21.61]]],
            },
            "cặp số",
        ),
        # Hà Nội, and a polygon with latitude and longitude swapped: outside the province.
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [[105.85, 21.02], [105.86, 21.02], [105.86, 21.03], [105.85, 21.02]]
                ],
            },
            "ngoài tỉnh",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [[21.61, 106.58], [21.61, 106.59], [21.62, 106.59], [21.61, 106.58]]
                ],
            },
            "ngoài tỉnh",
        ),
    ],
)
def test_malformed_or_outside_geometry_is_refused_with_a_reason(geometry, message):
    with pytest.raises(ValidationError) as error:
        validate_polygon(geometry)
    assert message in " ".join(error.value.messages)


def test_staff_paste_geometry_in_the_admin_and_bad_geometry_is_refused(admin_client):
    zone = ZoneFactory(latitude=Decimal("21.61"), longitude=Decimal("106.58"))
    zone.boundary = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}
    with pytest.raises(ValidationError):
        zone.full_clean()


def test_coordinates_outside_the_province_are_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        ZoneFactory(latitude=Decimal("21.02"), longitude=Decimal("105.85"))  # Hà Nội


def test_the_zone_page_maps_the_outline_and_the_plots_with_a_legend(client):
    zone = ZoneFactory(latitude=Decimal("21.61"), longitude=Decimal("106.58"), boundary=SQUARE)
    plot = PlotFactory(zone=zone, code="B1", boundary=SQUARE)
    response = client.get(zone.get_absolute_url())
    html = response.content.decode()
    data = html.split('id="map-data"')[1]
    assert '"code": "B1"' in data and f'"inquire": "/inquire/?plot={plot.pk}"' in data
    assert "/static/leaflet/leaflet.js" in html and "/static/js/map.js" in html
    assertContains(response, "swatch-available")
    # Without JavaScript the table still has every plot.
    assertContains(response, 'id="plot-B1"')


def test_leaflet_comes_from_a_package_not_a_cdn(client, langson):
    found = finders.find("leaflet/leaflet.js")
    assert found and "site-packages/leaflet/static" in found
    assert "//unpkg.com" not in client.get("/zones/").content.decode()


def jpeg_with_exif():
    image = Image.new("RGB", (2000, 1200), "#2a6f97")
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x8825] = {2: (21.0, 36.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def bomb_png(width=60_000, height=60_000):
    """A tiny file that claims 3.6 billion pixels: refused before anything is decoded."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 100))
        + chunk(b"IEND", b"")
    )


def test_a_real_jpeg_loses_its_exif_and_gets_webp_renditions(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    zone = ZoneFactory()
    photo = ZonePhoto(
        zone=zone,
        alt_text="Cổng khu công nghiệp",
        image=SimpleUploadedFile("gate.jpg", jpeg_with_exif(), "image/jpeg"),
    )
    photo.full_clean()
    photo.save()

    stored = Image.open(photo.image.path)
    assert not stored.getexif()
    assert sorted(map(int, photo.renditions)) == [480, 960, 1600]
    for name in photo.renditions.values():
        assert Image.open(tmp_path / name).format == "WEBP"
    response = client.get(zone.get_absolute_url())
    assertContains(response, 'loading="lazy"')
    assertContains(response, " 480w, ")
    assertContains(response, 'alt="Cổng khu công nghiệp"')
    assertNotContains(response, "gate.jpg")  # stored under a generated name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.jpg", b"This is a text file, not a photo.", "không phải là ảnh"),
        ("bomb.png", bomb_png(), "quá nhiều điểm ảnh"),
    ],
)
def test_a_fake_image_or_a_decompression_bomb_is_refused_with_a_message(name, content, message):
    with pytest.raises(ValidationError) as error:
        validate_photo(SimpleUploadedFile(name, content))
    assert message in " ".join(error.value.messages)


def test_a_photo_needs_alt_text(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = ZonePhoto(
        zone=ZoneFactory(),
        alt_text="",
        image=SimpleUploadedFile("gate.jpg", jpeg_with_exif(), "image/jpeg"),
    )
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert "alt_text" in error.value.message_dict
    photo.alt_text = "Cổng"
    photo.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        ZonePhoto.objects.rewrite(False).filter(pk=photo.pk).update(alt_text="")


@pytest.mark.parametrize("count", [1, 4])
def test_compare_up_to_four_zones_side_by_side(client, count):
    zones = [ZoneFactory(slug=f"z{i}", name=f"Zone {i}") for i in range(count)]
    response = client.get("/zones/compare/?zones=" + ",".join(z.slug for z in zones))
    assert response.status_code == 200
    assert [z.slug for z in response.context["zones"]] == [z.slug for z in zones]
    assertNotContains(response, 'id="too-many"')


def test_five_zones_are_too_many_and_say_so(client):
    zones = [ZoneFactory(slug=f"z{i}") for i in range(5)]
    response = client.get("/zones/compare/?zones=" + ",".join(z.slug for z in zones))
    assert response.status_code == 400
    assertContains(response, 'id="too-many"', status_code=400)
    assertContains(response, "tối đa 4 khu", status_code=400)
    assert len(response.context["zones"]) == 4


def test_the_shortlist_lives_in_the_session_feeds_compare_and_the_inquiry_form(client):
    first, second = ZoneFactory(slug="first"), ZoneFactory(slug="second")
    client.post("/zones/first/shortlist/", {"next": "/zones/"})
    response = client.post("/zones/second/shortlist/", {"next": "https://evil.example/"})
    assert response["Location"] == "/zones/compare/"  # never off-site

    compare = client.get("/zones/compare/")
    assert [z.slug for z in compare.context["zones"]] == ["first", "second"]
    assertContains(compare, "?zones=first,second")
    form = client.get("/inquire/").context["form"]
    assert {z.pk for z in form["zones"].initial} == {first.pk, second.pk}

    client.post("/zones/first/shortlist/", {"next": "/zones/"})  # a second press removes it
    assert [z.slug for z in client.get("/zones/compare/").context["zones"]] == ["second"]


def test_catalogue_pages_set_no_cookie_for_a_visitor_without_a_shortlist(client):
    zone = ZoneFactory()
    for url in ["/", "/zones/", zone.get_absolute_url(), "/plots/"]:
        assert client.get(url).cookies == {}, url


def test_the_home_page_charts_growth_and_output_with_text(client, langson):
    response = client.get("/")
    html = response.content.decode()
    assert html.count('class="d-block bar-chart"') == 2
    assert "2011–2015 7,9 %; 2016–2020 10,97 %" in html  # the growth chart's text alternative
    assert "5.899 tỷ đồng" in html and "6.238 tỷ đồng" in html
    assert html.index("Khu công nghiệp Hồng Phong") < html.index("Khu công nghiệp Đồng Bành")


def test_rents_state_their_basis_quote_date_or_on_request(client):
    zone = ZoneFactory()
    PlotFactory(
        zone=zone,
        code="P1",
        rent_amount=Decimal("45"),
        rent_quoted_on="2026-11-01",
        lease_term_ends="2068-12-31",
    )
    PlotFactory(zone=zone, code="P2", rent_amount=None)
    response = client.get(zone.get_absolute_url())
    assertContains(response, "45 USD/m² cho cả thời hạn thuê")
    assertContains(response, "báo giá ngày 01/11/2026")
    assertContains(response, "thời hạn thuê đến 31/12/2068")
    assertContains(response, "theo thoả thuận")
    assert Zone.objects.count() == 1


def test_the_home_map_loads_every_zone_from_map_json_after_the_page(client):
    shown = ZoneFactory(
        slug="a", name_en="Park A", latitude=Decimal("21.61"), longitude=Decimal("106.58")
    )
    ZoneFactory(slug="hidden", is_published=False, latitude=Decimal("21.7"), longitude=106.6)
    ZoneFactory(slug="nowhere", latitude=None, longitude=None)
    html = client.get("/").content.decode()
    data = html.split('id="map-data"')[1]
    assert '"markersUrl": "/zones/map.json"' in data and '"markers"' not in data

    markers = client.get("/zones/map.json").json()["markers"]
    assert [m["url"] for m in markers] == [shown.get_absolute_url()]
    english = client.get("/en/zones/map.json").json()["markers"]
    assert (english[0]["name"], english[0]["url"], english[0]["status"]) == (
        "Park A",
        "/en/zones/a/",
        "Operating",
    )


def test_without_a_located_zone_the_home_page_has_no_map(client):
    ZoneFactory(latitude=None, longitude=None)
    assert 'id="map"' not in client.get("/").content.decode()
