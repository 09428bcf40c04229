"""An investor narrows the zones and plots down to what their project needs."""

from decimal import Decimal

import pytest
from pytest_django.asserts import assertContains

from tests.factories import PlotFactory, SectorFactory, ZoneFactory
from zones.models import District, Plot, Zone

pytestmark = pytest.mark.django_db


@pytest.fixture
def zones():
    cement = SectorFactory(slug="building-materials")
    textiles = SectorFactory(slug="textiles")
    big = ZoneFactory(
        slug="big",
        name="A Big Park",
        district=District.CAO_LOC,
        total_area_ha=Decimal("400"),
        fill_rate_pct=Decimal("30"),
    )
    mid = ZoneFactory(
        slug="mid",
        name="B Mid Park",
        district=District.CHI_LANG,
        total_area_ha=Decimal("162"),
        fill_rate_pct=Decimal("60"),
    )
    small = ZoneFactory(
        slug="small",
        name="C Small Cluster",
        kind=Zone.Kind.INDUSTRIAL_CLUSTER,
        district=District.CAO_LOC,
        total_area_ha=Decimal("8.5"),
        fill_rate_pct=Decimal("94"),
    )
    planned = ZoneFactory(
        slug="planned",
        name="D Planned Park",
        status=Zone.Status.PLANNED,
        district=District.HUU_LUNG,
        total_area_ha=Decimal("600"),
        fill_rate_pct=None,
    )
    big.sectors.add(cement)
    mid.sectors.add(cement, textiles)
    return {"big": big, "mid": mid, "small": small, "planned": planned}


def slugs(response):
    return [zone.slug for zone in response.context["zones"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=ccn", ["small"]),
        ("district=cao-loc", ["big", "small"]),
        ("status=planned", ["planned"]),
        ("min_free_ha=50", ["big", "mid"]),
        ("sector=textiles", ["mid"]),
        ("sector=building-materials", ["big", "mid"]),
        ("kind=kcn&district=cao-loc", ["big"]),
        ("district=cao-loc&min_free_ha=1", ["big"]),
        ("sector=building-materials&min_free_ha=100", ["big"]),
    ],
)
def test_each_zone_filter_alone_and_combined(client, zones, query, expected):
    response = client.get(f"/zones/?{query}")
    assert response.status_code == 200
    assert sorted(slugs(response)) == expected
    assertContains(response, f"Tìm thấy {len(expected)} khu.")


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-free", ["big", "mid", "small"]),
        ("fill", ["big", "mid", "small"]),
        ("-fill", ["small", "mid", "big"]),
        ("name", ["big", "mid", "small", "planned"]),
    ],
)
def test_zones_sort_by_free_area_fill_rate_or_name(client, zones, sort, expected):
    found = slugs(client.get(f"/zones/?sort={sort}"))
    assert [s for s in found if s in expected] == expected


@pytest.mark.parametrize(
    "query", ["min_free_ha=abc", "kind=castle", "district=paris", "sector=nope", "sort=price"]
)
def test_bad_zone_filters_give_a_message_not_an_error(client, zones, query):
    response = client.get(f"/zones/?{query}")
    assert response.status_code == 400
    assertContains(response, "invalid-feedback", status_code=400)
    assert list(response.context["zones"]) == []


def test_an_empty_result_says_so_and_offers_to_clear_filters(client, zones):
    response = client.get("/zones/?kind=ccn&min_free_ha=1000")
    assertContains(response, 'id="no-results"')
    assertContains(response, 'href="/zones/">Xoá bộ lọc')


def test_zones_are_paginated_and_keep_the_filters(client):
    ZoneFactory.create_batch(25, district=District.CAO_LOC)
    first = client.get("/zones/?district=cao-loc")
    assert len(first.context["zones"]) == 20
    assertContains(first, "?district=cao-loc&amp;page=2")
    second = client.get("/zones/?district=cao-loc&page=2")
    assert len(second.context["zones"]) == 5


@pytest.fixture
def plots(zones):
    sector = SectorFactory(slug="logistics")
    made = {
        "b1": PlotFactory(
            zone=zones["mid"], code="B1", area_m2=Decimal("120000"), rent_amount=Decimal("45")
        ),
        "b2": PlotFactory(
            zone=zones["mid"], code="B2", area_m2=Decimal("5000"), rent_amount=Decimal("60")
        ),
        "hp": PlotFactory(
            zone=zones["big"], code="HP", area_m2=Decimal("600000"), rent_amount=None
        ),
        "leased": PlotFactory(zone=zones["big"], code="L1", status=Plot.Status.LEASED),
        "reserved": PlotFactory(zone=zones["small"], code="R1", status=Plot.Status.RESERVED),
    }
    made["hp"].sectors.add(sector)
    return made


def codes(response):
    return sorted(plot.code for plot in response.context["plots"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["B1", "B2", "HP"]),  # available by default
        ("status=", ["B1", "B2", "HP", "L1", "R1"]),
        ("status=leased", ["L1"]),
        ("zone=mid", ["B1", "B2"]),
        ("district=cao-loc", ["HP"]),
        ("area_min=10", ["B1", "HP"]),
        ("area_min=10&area_max=20", ["B1"]),
        ("area_max=10000&area_unit=m2", ["B2"]),
        ("rent_max=50", ["B1"]),
        ("rent_min=50", ["B2"]),
        ("sector=logistics", ["HP"]),
        ("zone=big&status=", ["HP", "L1"]),
    ],
)
def test_each_plot_filter_alone_and_combined(client, plots, query, expected):
    response = client.get(f"/plots/?{query}")
    assert response.status_code == 200
    assert codes(response) == expected


def test_plots_sort_by_area_or_rent(client, plots):
    by_area = [p.code for p in client.get("/plots/?sort=-area").context["plots"]]
    assert by_area == ["HP", "B1", "B2"]
    by_rent = [p.code for p in client.get("/plots/?sort=rent&rent_min=1").context["plots"]]
    assert by_rent == ["B1", "B2"]


def test_each_free_plot_links_to_its_zone_and_to_the_inquiry_form(client, plots):
    response = client.get("/plots/")
    assertContains(response, f'href="/inquire/?plot={plots["b1"].zone.slug}/B1"')
    assertContains(response, 'href="/zones/mid/"')
    assertContains(response, "theo thoả thuận")  # HP: rent on request, never 0


@pytest.mark.parametrize(
    "query", ["area_min=ten", "status=sold", "zone=atlantis", "rent_max=-1", "sort=colour"]
)
def test_bad_plot_filters_give_a_message_not_an_error(client, plots, query):
    response = client.get(f"/plots/?{query}")
    assert response.status_code == 400
    assert list(response.context["plots"]) == []


def test_sql_metacharacters_in_filters_are_just_values(client, plots):
    response = client.get("/plots/?zone=mid'%20OR%201=1--")
    assert response.status_code == 400
    assert Plot.objects.count() == 5


def test_the_zone_choice_lists_every_published_zone_and_keeps_the_one_chosen(client, plots):
    ZoneFactory(slug="evil", name='<script>alert("x")</script> & Co')
    ZoneFactory(slug="hidden", is_published=False)
    html = client.get("/plots/?zone=mid").content.decode()
    select = html[
        html.index('<select name="zone"') : html.index("</select>", html.index('name="zone"'))
    ]
    assert 'class="form-select form-select-sm"' in select and 'id="id_zone"' in select
    assert '<option value="mid" selected>' in select
    assert select.count(" selected") == 1
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in select
    assert 'value="hidden"' not in select
    assert select.count("<option") == Zone.objects.published().count() + 1  # and "---------"


def test_an_unknown_zone_is_marked_on_its_field(client, plots):
    html = client.get("/plots/?zone=atlantis").content.decode()
    select = html[html.index('<select name="zone"') : html.index(">", html.index('name="zone"'))]
    assert 'aria-invalid="true"' in select and "is-invalid" in select
    assert 'aria-describedby="id_zone-error"' in select


def test_the_zone_choice_names_zones_in_the_visitors_language(client, plots):
    ZoneFactory(slug="a", name_vi="Khu công nghiệp A", name_en="Industrial park A")
    ZoneFactory(slug="b", name_vi="Khu công nghiệp B", name_en="")
    html = client.get("/en/plots/").content.decode()
    assert '<option value="a">Industrial park A</option>' in html
    assert '<option value="b">Khu công nghiệp B</option>' in html  # no English name yet
    assert '<option value="a">Khu công nghiệp A</option>' in client.get("/plots/").content.decode()
