"""`load_langson` ships the real figures, and re-running it loses and duplicates nothing."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from zones.models import Indicator, Plot, Project, Zone

pytestmark = pytest.mark.django_db


def load():
    out = io.StringIO()
    call_command("load_langson", stdout=out)
    return out.getvalue()


def counts():
    return [m.objects.count() for m in (Zone, Plot, Project, Indicator)]


@pytest.mark.parametrize(
    ("slug", "area", "fill_rate"),
    [
        ("dong-banh", Decimal("162"), Decimal("60")),
        ("huu-lung", Decimal("600"), None),
        ("hong-phong", Decimal("400"), Decimal("30")),
        ("hop-thanh-2", Decimal("8.5"), Decimal("94")),
    ],
)
def test_the_real_figures_are_loaded(langson, slug, area, fill_rate):
    zone = Zone.objects.get(slug=slug)
    assert zone.total_area_ha == area
    assert zone.fill_rate_pct == fill_rate
    assert not zone.is_sample


def test_hong_phong_lies_inside_the_border_gate_economic_zone(langson):
    hong_phong = Zone.objects.get(slug="hong-phong")
    assert hong_phong.parent.kind == Zone.Kind.ECONOMIC_ZONE
    assert hong_phong.parent.name == "Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn"


def test_dong_banh_has_its_four_projects_worth_1700_billion(langson):
    projects = Project.objects.filter(zone__slug="dong-banh")
    assert projects.count() == 4
    assert sum(p.registered_capital_vnd for p in projects) == Decimal("1700000000000")
    assert projects.filter(status=Project.Status.OPERATING).count() == 2
    assert projects.filter(status=Project.Status.INVESTMENT_PROCEDURES).count() == 2
    # The source names no investor: the names are sample data, and say so.
    assert all(p.is_sample for p in projects)


def test_province_indicators_are_loaded(langson):
    values = dict(Indicator.objects.values_list("slug", "value"))
    assert values["industrial-growth-2011-2015"] == Decimal("7.9")
    assert values["industrial-growth-2016-2020"] == Decimal("10.97")
    assert values["industrial-output-2019"] == Decimal("5899")
    assert values["industrial-output-2020"] == Decimal("6238")
    assert values["local-industrial-clusters-count"] == 16
    assert values["local-industrial-clusters-area"] == 537
    assert values["national-plan-industrial-parks"] == 762


def test_what_the_source_lacks_is_marked_sample(langson):
    assert Plot.objects.exists()
    assert not Plot.objects.filter(is_sample=False).exists()
    assert not Zone.objects.filter(latitude__isnull=False, coordinates_are_sample=False).exists()


def test_sample_plots_agree_with_the_reported_fill_rates(langson):
    free = dict(Zone.objects.for_listing().values_list("slug", "free_area_ha"))
    assert free["dong-banh"] == Decimal("64.8")  # 40 % of 162 ha
    assert free["hong-phong"] == Decimal("280")  # 70 % of 400 ha
    assert free["hop-thanh-2"] == Decimal("0.51")  # 6 % of 8.5 ha
    assert free["huu-lung"] is None  # not reported


def test_running_it_twice_duplicates_nothing():
    load()
    before = counts()
    assert "already loaded" in load()
    assert counts() == before


def test_it_never_overwrites_what_staff_changed(langson):
    zone = Zone.objects.get(slug="dong-banh")
    zone.fill_rate_pct = Decimal("72.5")
    zone.description = "Mô tả do cán bộ viết."
    zone.save()
    plot = Plot.objects.get(zone=zone, code="B1")
    plot.status = Plot.Status.LEASED
    plot.save()

    load()

    zone.refresh_from_db()
    plot.refresh_from_db()
    assert zone.fill_rate_pct == Decimal("72.5")
    assert zone.description == "Mô tả do cán bộ viết."
    assert plot.status == Plot.Status.LEASED


def test_it_restores_what_is_missing(langson):
    Zone.objects.filter(slug="huu-lung").delete()
    Indicator.objects.filter(slug="industrial-output-2020").delete()
    Zone.objects.filter(slug="hong-phong").update(description="")

    load()

    assert Zone.objects.filter(slug="huu-lung").exists()
    assert Indicator.objects.filter(slug="industrial-output-2020").exists()
    assert "Cao Lộc" in Zone.objects.get(slug="hong-phong").description


def test_it_does_not_reseed_sample_plots_into_a_zone_staff_have_recorded(langson):
    zone = Zone.objects.get(slug="hop-thanh-2")
    zone.plots.all().delete()
    Plot.objects.create(zone=zone, code="REAL-1", area_m2=Decimal("85000"), status="leased")

    load()

    assert list(zone.plots.values_list("code", flat=True)) == ["REAL-1"]
