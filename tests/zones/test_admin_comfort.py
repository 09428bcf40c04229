"""Staff comfort in the admin: a zone's page lists its plots compactly, with a way to all of
them; lists show money as money and areas with their units; the Vietnamese admin is Vietnamese."""

import re
from decimal import Decimal

import pytest

from tests.factories import PlotFactory, ProjectFactory
from zones.models import Zone

pytestmark = pytest.mark.django_db
VI = {"accept-language": "vi"}


def test_a_zones_page_lists_its_plots_compactly_and_links_to_all_of_them(admin_client, langson):
    zone = Zone.objects.get(slug="dong-banh")
    plot = zone.plots.first()
    html = admin_client.get(f"/admin/zones/zone/{zone.pk}/change/", headers=VI).content.decode()
    assert 'name="plots-0-code"' in html and 'name="plots-0-status"' in html
    # Rent and translated texts are edited on the plot's own page, which each row links to.
    assert 'name="plots-0-rent_amount"' not in html
    assert f"/admin/zones/plot/{plot.pk}/change/" in html
    assert f"/admin/zones/plot/?zone__id__exact={zone.pk}" in html
    assert 'name="projects-0-investor_name_en"' not in html


def test_the_zone_list_shows_areas_with_units_and_short_headings(admin_client, langson):
    html = admin_client.get("/admin/zones/zone/", headers=VI).content.decode()
    assert "162\u00a0ha" in html
    for heading in ("tính đến", "mẫu", "công khai"):
        assert re.search(rf">\s*{heading}\s*<", html, re.IGNORECASE), heading


def test_money_reads_as_money_and_areas_have_units(admin_client):
    project = ProjectFactory(
        registered_capital_vnd=Decimal("1700000000000"), area_ha=Decimal("12.5")
    )
    PlotFactory(zone=project.zone, area_m2=Decimal("120000"), rent_amount=None)
    projects = admin_client.get("/admin/zones/project/", headers=VI).content.decode()
    assert "1.700 tỷ đồng" in projects and "1.700.000.000.000\u00a0₫" in projects
    assert "12,5\u00a0ha" in projects
    plots = admin_client.get("/admin/zones/plot/", headers=VI).content.decode()
    assert "120.000\u00a0m²" in plots and "theo thoả thuận" in plots


def test_the_vietnamese_admin_has_no_english_labels_left(admin_client):
    index = admin_client.get("/admin/", headers=VI).content.decode()
    assert "Access attempts" not in index and "Các lần đăng nhập thất bại" in index
    assert "Skip to main content" not in index
    zones = admin_client.get("/admin/zones/zone/", headers=VI).content.decode()
    assert "Show counts" not in zones and "Hiện số lượng" in zones
