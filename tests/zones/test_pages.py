"""What an investor sees on the home page, the zone list and a zone's page."""

from decimal import Decimal

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import PlotFactory, ProjectFactory, ZoneFactory
from zones.models import Plot

pytestmark = pytest.mark.django_db


def test_home_shows_the_headline_figures_and_every_zone(client, langson):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in [
        "Khu công nghiệp Đồng Bành",
        "Khu công nghiệp Hữu Lũng",
        "Khu công nghiệp Hồng Phong",
        "Cụm công nghiệp số 2 Hợp Thành",
    ]:
        assert name in html
    # 162 + 600 + ~400 + 8.5 ha of parks and clusters, grouped the Vietnamese way: approximate,
    # so no finer than the ~400 allows.
    assertContains(
        response, '<div class="figure-value" id="figure-area">~1.170 ha</div>', html=True
    )
    assertContains(response, "6.238 tỷ đồng")
    assertContains(response, "10,97 %")


def test_zone_list_shows_kind_district_areas_fill_rate_and_status(client, langson):
    response = client.get(reverse("zones:list"))
    assert response.status_code == 200
    row = response.content.decode().split('id="zone-dong-banh"')[1].split("</tr>")[0]
    for text in [
        "Khu công nghiệp Đồng Bành",
        "Khu công nghiệp",
        "Chi Lăng",
        "162 ha",
        "tối đa ≈ 65 ha",
        "~60 %",
        "Đang hoạt động",
    ]:
        assert text in row


def test_zone_list_says_when_a_figure_is_not_reported(client, langson):
    response = client.get(reverse("zones:list"))
    row = response.content.decode().split('id="zone-huu-lung"')[1].split("</tr>")[0]
    assert "600 ha" in row
    assert "chưa báo cáo" in row


def test_zone_page_shows_figures_plots_free_first_and_projects(client, langson):
    response = client.get(reverse("zones:detail", kwargs={"slug": "dong-banh"}))
    assert response.status_code == 200
    html = response.content.decode()
    plots = [html.index(f'id="plot-{code}"') for code in ["B1", "B5", "A1", "A4"]]
    assert plots == sorted(plots), "available plots come before leased ones"
    assertContains(response, "450 tỷ đồng")
    assertContains(response, "Nhà đầu tư A (tên mẫu)")
    assertContains(response, '<dd class="col-6" id="zone-as-of">2020–2021</dd>', html=True)
    assertContains(response, "dữ liệu mẫu")


def test_zone_page_shows_rent_on_request_not_zero(client):
    plot = PlotFactory(rent_amount=None)
    response = client.get(plot.zone.get_absolute_url())
    assertContains(response, "theo thoả thuận")


def test_a_reserved_plot_is_listed_but_not_counted_free(client):
    zone = ZoneFactory(plots_complete=True)
    PlotFactory(zone=zone, code="R1", status=Plot.Status.RESERVED)
    PlotFactory(zone=zone, code="F1", area_m2=Decimal("20000"))
    response = client.get(zone.get_absolute_url())
    assertContains(response, "Đã giữ chỗ")
    assertContains(response, '<span class="free-land-figure text-nowrap">2 ha</span>', html=True)


def test_sample_records_carry_a_visible_badge_and_real_ones_do_not(client):
    real = ZoneFactory(is_sample=False)
    ProjectFactory(zone=real, is_sample=False)
    assertNotContains(client.get(real.get_absolute_url()), "sample-badge")
    sample = ZoneFactory(is_sample=True)
    assertContains(client.get(sample.get_absolute_url()), "sample-badge")


def test_economic_zone_page_lists_the_parks_inside_it(client, langson):
    response = client.get(reverse("zones:detail", kwargs={"slug": "dong-dang-lang-son"}))
    assertContains(response, 'href="/zones/hong-phong/"')


def test_unknown_zone_is_404(client):
    assert client.get("/zones/khong-co/").status_code == 404


def test_unpublished_zone_is_hidden_and_404(client):
    zone = ZoneFactory(is_published=False, name="Khu chưa công bố")
    assertNotContains(client.get(reverse("zones:list")), "Khu chưa công bố")
    assert client.get(zone.get_absolute_url()).status_code == 404


def test_names_typed_by_staff_are_escaped(client):
    zone = ZoneFactory(name="<script>alert(1)</script>")
    response = client.get(zone.get_absolute_url())
    assertNotContains(response, "<script>alert(1)</script>")
    assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
