"""Honest figures (issue 14): with the shipped data, every page, the API and the CSV tell the same
free land by the same rule and with the same marker; an officer's fill-rate change moves them
all; no description repeats a figure; every figure the source gives as approximate is shown
with "~" or "≈" in every language; counts agree with the lists."""

import csv
import importlib
import io
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import ZoneFactory
from tests.zones.test_admin import changelist_post
from tests.zones.test_history import zone_form
from zones.data import langson as shipped
from zones.figures import FreeBasis, FreeLand, figures_in_prose
from zones.models import Indicator, Zone
from zones.templatetags.zones_tags import vnd

pytestmark = pytest.mark.django_db

FREE_LAND = re.compile(
    r'<span class="free-land" data-basis="(?P<basis>[a-z_]+)">'
    r'<span class="[^"]*free-land-figure[^"]*">(?P<text>[^<]*)</span>'
)
LANGUAGES = ["vi", "en", "zh-hans"]


def free_land_in(html):
    """(basis, figure text) of the first free-land figure in `html`."""
    match = FREE_LAND.search(html)
    assert match, html[:500]
    return match["basis"], match["text"]


def between(html, start, end):
    return html.split(start, 1)[1].split(end, 1)[0]


def published_slugs():
    return list(Zone.objects.published().order_by("slug").values_list("slug", flat=True))


def everywhere(client):
    """{place: {slug: (basis, text)}} for the zone pages, zone list, compare page, API, CSV."""
    seen = {"zone page": {}, "zone list": {}, "compare": {}, "api": {}, "csv": {}}
    slugs = published_slugs()
    zone_list = client.get(reverse("zones:list")).content.decode()
    for slug in slugs:
        page = client.get(reverse("zones:detail", kwargs={"slug": slug})).content.decode()
        seen["zone page"][slug] = free_land_in(between(page, 'id="zone-free-area"', "</dd>"))
        row = between(zone_list, f'id="zone-{slug}"', "</tr>")
        seen["zone list"][slug] = free_land_in(row)
    for start in range(0, len(slugs), 4):  # the compare page takes four zones at a time
        batch = slugs[start : start + 4]
        page = client.get(reverse("zones:compare"), {"zones": ",".join(batch)}).content.decode()
        cells = page.split('class="compare-free-land"')[1:]
        for slug, cell in zip(batch, cells, strict=True):
            seen["compare"][slug] = free_land_in(cell)
    api = client.get("/api/v1/zones", {"limit": 100}).json()["items"]
    rows = list(csv.DictReader(io.StringIO(client.get("/zones/download.csv").content.decode())))
    for item in api:
        free = FreeLand(item["free_area_basis"], to_decimal(item["free_area_ha"]))
        assert item["free_area_approximate"] == free.approximate
        seen["api"][item["slug"]] = (free.basis, free.text())
    for row in rows:
        slug = row["\ufeffslug"] if "\ufeffslug" in row else row["slug"]
        free = FreeLand(row["free_area_basis"], to_decimal(row["free_area_ha"]))
        assert row["free_area_approximate"] == str(free.approximate)
        seen["csv"][slug] = (free.basis, free.text())
    return seen, api


def change_form(zone, **changes):
    """The zone's admin change form as a superuser posts it (who also sees the photos)."""
    return zone_form(zone, **{"photos-TOTAL_FORMS": "0", "photos-INITIAL_FORMS": "0", **changes})


def to_decimal(value):
    return None if value in (None, "") else Decimal(str(value))


def home_total(client):
    home = client.get("/").content.decode()
    return free_land_in(between(home, 'id="figure-free"', "</div>"))


def expected_total(api):
    """The home total by its rule, from the zones' own figures (economic zones not added)."""
    parts = [
        z for z in api if z["kind"] != Zone.Kind.ECONOMIC_ZONE and z["free_area_ha"] is not None
    ]
    estimates = [Decimal(str(z["free_area_ha"])) for z in parts if z["free_area_approximate"]]
    total = FreeLand.total(
        sum(Decimal(str(z["free_area_ha"])) for z in parts) if parts else None,
        largest_estimate_ha=max(estimates) if estimates else None,
        upper_bound=any(z["free_area_basis"] == FreeBasis.UPPER_BOUND for z in parts),
    )
    return total.basis, total.text()


def assert_one_figure_everywhere(client):
    seen, api = everywhere(client)
    slugs = published_slugs()
    for place, figures in seen.items():
        assert sorted(figures) == slugs, place
    for slug in slugs:
        told = {place: figures[slug] for place, figures in seen.items()}
        assert len(set(told.values())) == 1, (slug, told)
    assert home_total(client) == expected_total(api)
    return seen["zone page"]


def test_free_land_is_one_figure_with_one_basis_on_every_page_the_api_and_the_csv(client, langson):
    figures = assert_one_figure_everywhere(client)
    assert figures["dong-banh"] == (FreeBasis.UPPER_BOUND, "tối đa ≈ 65 ha")
    assert figures["hong-phong"] == (FreeBasis.UPPER_BOUND, "tối đa ≈ 280 ha")
    assert figures["hop-thanh-2"] == (FreeBasis.UPPER_BOUND, "tối đa ≈ 0,51 ha")
    assert figures["huu-lung"] == (FreeBasis.UNKNOWN, "chưa báo cáo")
    # 64.8 + 280 + 0.51 ha, no finer than its roughest part.
    assert home_total(client) == (FreeBasis.UPPER_BOUND, "tối đa ≈ 350 ha")


def test_no_shipped_figure_is_taken_from_sample_plots(client, langson):
    api = client.get("/api/v1/zones", {"limit": 100}).json()["items"]
    assert all(z["free_area_basis"] != FreeBasis.PLOT_INVENTORY for z in api)
    dong_banh = Zone.objects.get(slug="dong-banh")
    assert dong_banh.plots.filter(is_sample=True).exists()


def test_an_officers_fill_rate_change_in_the_admin_moves_every_figure(
    client, admin_client, langson
):
    zone = Zone.objects.get(slug="dong-banh")
    response = admin_client.post(
        reverse("admin:zones_zone_changelist"), changelist_post(zone, fill_rate_pct="65")
    )
    assert response.status_code == 302

    figures = assert_one_figure_everywhere(client)
    # 35 % of 162 ha = 56.7 ha; the new rate is reported exactly, so no "~" before it.
    assert figures["dong-banh"] == (FreeBasis.UPPER_BOUND, "tối đa ≈ 57 ha")
    page = client.get(zone.get_absolute_url()).content.decode()
    assert "65 %" in between(page, 'id="zone-fill-rate"', "</dd>")
    assert "35 % còn trống" in between(page, 'id="zone-free-area"', "</dd>")
    assert home_total(client) == (FreeBasis.UPPER_BOUND, "tối đa ≈ 340 ha")


def test_a_complete_real_plot_list_gives_free_land_and_fill_rate_everywhere(
    client, admin_client, langson
):
    zone = Zone.objects.get(slug="hop-thanh-2")
    zone.plots.update(is_sample=False)
    Zone.objects.filter(pk=zone.pk).update(plots_complete=True)
    Zone.objects.filter(pk=zone.pk).refresh_plot_totals()

    figures = assert_one_figure_everywhere(client)
    # The plot CN2-04 (5,100 m²) is the only free one.
    assert figures["hop-thanh-2"] == (FreeBasis.PLOT_INVENTORY, "0,51 ha")
    page = client.get(zone.get_absolute_url()).content.decode()
    assert "94 %" in between(page, 'id="zone-fill-rate"', "</dd>")
    assert "tính từ danh sách lô" in page


@pytest.mark.parametrize("language", ["vi", "en", "zh_hans"])
def test_no_shipped_description_repeats_a_figure(language):
    for record in shipped.ZONES:
        for field in Zone.PROSE_FIELDS:
            if field in record:
                text = record[field][language]
                assert figures_in_prose(text) == [], (record["slug"], field, text)


def test_no_loaded_description_repeats_a_figure(langson):
    for zone in Zone.objects.all():
        assert zone.figures_in_prose() == {}, zone.slug


@pytest.mark.parametrize(
    "text",
    [
        "khoảng 400 ha",
        "tỷ lệ lấp đầy 60 %",
        "1.700 tỷ đồng",
        "2 dự án đang làm thủ tục",
        "about 1,700 billion VND",
        "600 hectares",
        "面积600公顷",
        "17,000亿越南盾",
        "出租率约60%",
    ],
)
def test_the_check_finds_figures_in_prose(text):
    assert figures_in_prose(text)


def test_the_check_leaves_roads_and_words_alone():
    assert figures_in_prose("Trên quốc lộ 1A và cao tốc Bắc Giang – Lạng Sơn; 4G/5G.") == []


def test_the_admin_warns_when_a_description_repeats_a_figure(admin_client):
    zone = Zone.objects.create(
        name="Khu Thử", slug="khu-thu", kind="kcn", district="cao-loc", status="operating"
    )
    response = admin_client.post(
        reverse("admin:zones_zone_change", args=[zone.pk]),
        change_form(zone, description_en="About 60 % of its land is taken."),
        follow=True,
    )
    assertContains(response, "Giới thiệu (en) có số liệu trong lời văn (60 %)")
    assert Zone.objects.get(pk=zone.pk).description_en == "About 60 % of its land is taken."


def approximate_figures(language):
    """Each figure the source gives as approximate, as a page in `language` writes it."""
    with translation.override(language):
        return {
            "dong-banh": [
                "60 %",
                vnd(Decimal("1700000000000")),
                vnd(Decimal("200000000000")),
            ],
            "hong-phong": ["30 %", f"400 {translation.gettext('ha')}"],
        }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_approximate_source_figure_is_marked_in_every_language(client, langson, language):
    prefix = "" if language == "vi" else f"/{language}"
    for slug, figures in approximate_figures(language).items():
        html = client.get(f"{prefix}/zones/{slug}/").content.decode()
        for figure in figures:
            found = [m.start() for m in re.finditer(re.escape(figure), html)]
            assert found, (slug, figure)
            for at in found:
                assert html[at - 1] == "~" or html[at - 2 : at] == "≈ ", (
                    slug,
                    figure,
                    html[at - 40 : at + 20],
                )
    home = client.get(f"{prefix}/").content.decode()
    with translation.override(language):
        area = f"~762 {translation.gettext('ha')}"
    assert area in home


@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_are_dated_as_the_source_dates_them(client, langson, language):
    prefix = "" if language == "vi" else f"/{language}"
    html = client.get(f"{prefix}/zones/dong-banh/").content.decode()
    assert "2020–2021" in between(html, 'id="zone-as-of"', "</dd>")
    assert "2021-01-01" not in html and "01/01/2021" not in html


def test_counts_agree_with_the_lists(client, langson):
    hong_phong = client.get("/zones/hong-phong/").content.decode()
    assert "5 doanh nghiệp đang hoạt động (chưa công bố tên)" in hong_phong
    assert "Chưa có thông tin dự án" not in hong_phong
    english = client.get("/en/zones/hong-phong/").content.decode()
    assert "5 enterprises operating (names not published)" in english

    dong_banh = client.get("/zones/dong-banh/").content.decode()
    listed = between(dong_banh, 'class="table align-middle project-table"', "</table>")
    assert listed.count("<tr>") - 1 == 4  # the heading row
    assert "4 dự án, liệt kê bên dưới" in dong_banh


def test_the_home_counts_the_zones_it_lists_and_names_the_rest_as_a_group(client, langson):
    html = client.get("/").content.decode()
    cards = html.count('class="card h-100 zone-card"')
    assert between(html, 'id="figure-zones">', "</div>") == str(cards) == "5"
    group = between(html, 'id="other-clusters"', "</article>")
    assert "15 cụm công nghiệp địa phương khác" in group
    assert "537 ha cho cả 16 cụm" in group
    assert "Lộc Bình" in group and 'href="/inquire/"' in group
    zone_list = client.get("/zones/").content.decode()
    row = between(zone_list, 'id="other-clusters"', "</tr>")
    assert "15 cụm công nghiệp địa phương khác" in row and "537 ha" in row
    assert "15 cụm công nghiệp địa phương khác: chưa có trên bản đồ" in zone_list


def test_the_group_follows_the_indicators_staff_keep(client, langson):
    Indicator.objects.filter(slug=shipped.CLUSTER_COUNT_INDICATOR).update(value=Decimal("18"))
    assertContains(client.get("/"), "17 cụm công nghiệp địa phương khác")
    assertNotContains(client.get("/zones/?kind=kcn"), 'id="other-clusters"')


def test_the_home_shows_neighbours_crossings_and_distances_with_their_source(client, langson):
    html = client.get("/").content.decode()
    location = between(html, 'id="location"', "</section>")
    for text in [
        "Cao Bằng",
        "Quảng Ninh",
        "Bắc Ninh",
        "Cửa khẩu quốc tế Hữu Nghị",
        "Cửa khẩu Chi Ma",
        "Cửa khẩu Tân Thanh",
        "Cửa khẩu Cốc Nam",
        "Ga Đồng Đăng (cửa khẩu đường sắt)",
        "≈ 150 km",
        "143 km",
        "162 km",
        "Nguồn",
    ]:
        assert text in location, text
    # On the map only where the source gives coordinates; never invented.
    places = {
        p["name"]: (p["lat"], p["lng"]) for p in client.get("/").context["map_data"]["places"]
    }
    assert places == {
        "Cửa khẩu quốc tế Hữu Nghị": (21.97515, 106.71120),
        "Cửa khẩu Tân Thanh": (22.00310, 106.68250),
        "Ga Đồng Đăng (cửa khẩu đường sắt)": (21.94583, 106.69667),
    }


def test_a_zone_page_gives_straight_line_distances_marked_sample_with_sample_coordinates(
    client, langson
):
    html = client.get("/zones/hong-phong/").content.decode()
    section = between(html, 'id="distances"', "</section>")
    # Hồng Phong's sample centre (21.88, 106.74) to Hữu Nghị (21.97515, 106.7112): ≈ 11 km.
    assert 'Cửa khẩu quốc tế Hữu Nghị</dt><dd class="col-4 col-sm-6">≈ 11 km' in section
    assert "sample-badge" in section
    assert "≈ 150 km" in section


def test_the_public_history_shows_old_and_new_and_only_a_published_note(client, langson):
    zone = Zone.objects.get(slug="dong-banh")
    client.force_login(
        Zone._meta.apps.get_model("auth", "User").objects.create_superuser("o", "o@x.org", "pw")
    )
    form = change_form(
        zone,
        fill_rate_pct="65",
        change_note="Báo cáo quý 3/2026 của Ban quản lý",
        publish_change_note="on",
    )
    assert client.post(reverse("admin:zones_zone_change", args=[zone.pk]), form).status_code == 302
    zone.refresh_from_db()
    form = change_form(zone, fill_rate_pct="70", change_note="Ghi chú nội bộ")
    assert client.post(reverse("admin:zones_zone_change", args=[zone.pk]), form).status_code == 302
    client.logout()

    html = client.get(zone.get_absolute_url()).content.decode()
    history = between(html, 'id="figure-changes"', "</section>")
    assert "~60 % → 65 %" in history
    assert "65 % → 70 %" in history
    assert "Báo cáo quý 3/2026 của Ban quản lý" in history
    assert "Ghi chú nội bộ" not in html


def test_the_data_migration_fixes_rows_still_holding_the_shipped_values(langson):
    migration = importlib.import_module(
        "zones.migrations.0009_shipped_figures_as_the_source_gives_them"
    )
    old = {column: text for slug, column, text, _new in migration.ZONE_TEXTS if slug == "dong-banh"}
    Zone.objects.filter(slug="dong-banh").update(
        fill_rate_approximate=False,
        figures_as_of="2021-01-01",
        figures_as_of_precision="day",
        figures_as_of_until=None,
        reported_capital_vnd=None,
        **old,
    )
    Zone.objects.filter(slug="huu-lung").update(description_vi="Mô tả do cán bộ viết: 600 ha.")

    migration.forward(apps, None)

    zone = Zone.objects.get(slug="dong-banh")
    assert zone.fill_rate_approximate
    assert zone.figures_as_of_label == "2020–2021"
    assert zone.reported_capital_vnd == Decimal("1700000000000")
    assert zone.figures_in_prose() == {}
    # What staff wrote is theirs.
    assert Zone.objects.get(slug="huu-lung").description_vi == "Mô tả do cán bộ viết: 600 ha."


def test_the_compare_page_marks_sample_rents_utilities_and_distances(client, langson):
    html = client.get(reverse("zones:compare"), {"zones": "dong-banh"}).content.decode()
    for row in ["Giá thuê thấp nhất", "Điện còn trống", "Cửa khẩu Hữu Nghị", "Hà Nội"]:
        assert "sample-badge" in between(html, row, "</tr>"), row


@pytest.mark.parametrize(
    ("as_of", "precision", "until", "label"),
    [
        ("2024-06-15", "day", None, "15/06/2024"),
        ("2024-06-01", "month", None, "tháng 6 2024"),
        ("2021-01-01", "year", None, "2021"),
        ("2020-01-01", "year", "2021-12-31", "2020–2021"),
    ],
)
def test_a_date_is_told_as_precisely_as_the_source_gives_it(as_of, precision, until, label):
    zone = ZoneFactory(
        figures_as_of=as_of, figures_as_of_precision=precision, figures_as_of_until=until
    )
    assert Zone.objects.get(pk=zone.pk).figures_as_of_label.lower() == label


def test_a_changed_figure_is_dated_today_to_the_day(langson):
    zone = Zone.objects.get(slug="dong-banh")
    zone.fill_rate_pct = Decimal("65")
    zone.fill_rate_approximate = False
    zone.save()
    zone.refresh_from_db()
    assert (zone.figures_as_of_precision, zone.figures_as_of_until) == ("day", None)
    assert zone.figures_as_of_label == date_format(timezone.localdate(), "DATE_FORMAT")


def test_the_zone_page_costs_the_same_with_a_long_history(client, langson):
    zone = Zone.objects.get(slug="dong-banh")
    url = zone.get_absolute_url()
    with CaptureQueriesContext(connection) as short:
        client.get(url)
    for rate in range(61, 81):
        zone = Zone.objects.get(pk=zone.pk)
        zone.fill_rate_pct = Decimal(rate)
        zone.save()
    with CaptureQueriesContext(connection) as long:
        html = client.get(url).content.decode()
    assert len(long.captured_queries) == len(short.captured_queries)
    assert html.count("→") >= 10  # the last ten changes are listed
