"""The worked examples of the shared sources (INCENTIVES.md), answered from the shipped rules."""

import datetime
from decimal import Decimal

import pytest

from incentives.estimator import Project, cit_level, estimate
from tests.factories import ZoneFactory
from zones.models import District, Zone

BEFORE = datetime.date(2025, 6, 1)
AFTER = datetime.date(2026, 1, 15)
D = Decimal


def rates(*pairs):
    """(rate, years), ... → the rate of each of 15 years."""
    out = []
    for rate, years in pairs:
        out += [D(rate)] * years
    return out


def _project(slug, licence_date, **kwargs):
    zone = Zone.objects.select_related("parent").get(slug=slug) if slug else None
    return Project(licence_date=licence_date, zone=zone, **kwargs)


CASES = [
    # Hồng Phong, inside the border-gate economic zone: 10 % for 15 years, 4 + 9.
    ("hong-phong", BEFORE, {}, rates((0, 4), (5, 9), (10, 2)), "H"),
    # Đồng Bành (Chi Lăng, a difficult district: the list is unconfirmed, so L).
    ("dong-banh", BEFORE, {}, rates((0, 2), ("8.5", 4), (17, 4), (20, 5)), "L"),
    ("huu-lung", BEFORE, {}, rates((0, 2), ("8.5", 4), (17, 4), (20, 5)), "L"),
    # After 1 Oct 2025 the rates are expected to carry over, not confirmed (X).
    ("hong-phong", AFTER, {}, rates((0, 4), (5, 9), (10, 2)), "X"),
    # A large project in the city: 10 % for 15 years on its size alone.
    (
        None,
        BEFORE,
        {"district": District.LANG_SON_CITY, "capital_vnd_bn": D(7000), "jobs": 3500},
        rates((0, 4), (5, 9), (10, 2)),
        "H",
    ),
]


@pytest.mark.parametrize(("slug", "licence_date", "extra", "expected", "confidence"), CASES)
def test_worked_example_gets_the_sources_cit_level(
    langson, slug, licence_date, extra, expected, confidence
):
    answer = estimate(_project(slug, licence_date, **extra))

    assert answer.cit is not None
    assert answer.cit_rates == expected
    assert answer.cit.confidence == confidence
    assert answer.cit.verify == (confidence != "H")
    cit_applying = [f for f in answer.applies if f.kind == "cit"]
    assert cit_applying == [answer.cit]  # one level, never two


def test_a_large_project_below_the_workforce_and_revenue_bars_is_not_large(db):
    project = Project(
        licence_date=BEFORE, district=District.LANG_SON_CITY, capital_vnd_bn=D(7000), jobs=100
    )

    answer = estimate(project)

    assert answer.cit is None
    large = next(f for f in answer.does_not_apply if "quy mô lớn" in f.title and f.rates)
    assert large.reasons == ["Cần doanh thu từ 10.000 tỷ đồng mỗi năm hoặc từ 3.001 lao động."]


def test_a_plain_industrial_park_licensed_after_october_2025_earns_nothing_for_its_place(db):
    park = ZoneFactory(kind=Zone.Kind.INDUSTRIAL_PARK, district=District.LANG_SON_CITY)

    answer = estimate(Project(licence_date=AFTER, zone=park))

    assert answer.cit is None
    assert answer.cit_rates == [D(20)] * 15
    assert [f.title for f in answer.warnings] == [
        "Vị trí trong khu công nghiệp không còn đủ để được ưu đãi",
        "Miễn tiền thuê đất khi thuê lại đất của chủ đầu tư hạ tầng",
    ]
    old = next(f for f in answer.does_not_apply if f.title.startswith("Miễn, giảm thuế TNDN"))
    assert old.reasons == ["Chỉ cho dự án được cấp phép trước ngày 01/10/2025."]


def test_the_same_park_licensed_before_october_2025_gets_two_plus_four(db):
    park = ZoneFactory(kind=Zone.Kind.INDUSTRIAL_PARK, district=District.LANG_SON_CITY)

    answer = estimate(Project(licence_date=BEFORE, zone=park))

    assert answer.cit_rates == rates((0, 2), (10, 4), (20, 9))


@pytest.mark.parametrize(
    ("large_group", "slug", "bites"),
    [(True, "hong-phong", True), (False, "hong-phong", False)],
)
def test_global_minimum_tax_warns_a_large_group_whose_rate_falls_below_15(
    langson, large_group, slug, bites
):
    answer = estimate(_project(slug, BEFORE, large_group=large_group))

    assert ("Thuế tối thiểu toàn cầu" in [f.title for f in answer.warnings]) is bites


def test_global_minimum_tax_does_not_bite_where_the_rate_stays_at_20(db):
    park = ZoneFactory(kind=Zone.Kind.INDUSTRIAL_PARK, district=District.LANG_SON_CITY)

    answer = estimate(Project(licence_date=AFTER, zone=park, large_group=True))

    gmt = next(f for f in answer.does_not_apply if f.title == "Thuế tối thiểu toàn cầu")
    assert gmt.reasons == ["Thuế suất áp dụng không xuống dưới 15 %."]


@pytest.mark.parametrize(
    ("slug", "licence_date", "expected"),
    [
        # Economic zone: fixed assets and, for 5 years, materials.
        (
            "hong-phong",
            AFTER,
            [
                "Miễn thuế nhập khẩu hàng hoá tạo tài sản cố định",
                "Miễn thuế nhập khẩu nguyên liệu, vật tư, linh kiện trong 5 năm",
            ],
        ),
        # A difficult district: fixed assets only.
        ("dong-banh", AFTER, ["Miễn thuế nhập khẩu hàng hoá tạo tài sản cố định"]),
    ],
)
def test_import_duty_exemptions(langson, slug, licence_date, expected):
    answer = estimate(_project(slug, licence_date))

    assert [f.title for f in answer.applies if f.kind == "import_duty"] == expected


def test_a_plain_park_after_october_2025_keeps_the_fixed_asset_import_duty_exemption(db):
    # The new CIT law's "a park alone no longer qualifies" is about CIT: parks stay incentive
    # areas under the Investment Law, so their projects' fixed assets still enter duty-free.
    park = ZoneFactory(kind=Zone.Kind.INDUSTRIAL_PARK, district=District.LANG_SON_CITY)

    answer = estimate(Project(licence_date=AFTER, zone=park))

    assert [f.title for f in answer.applies if f.kind == "import_duty"] == [
        "Miễn thuế nhập khẩu hàng hoá tạo tài sản cố định"
    ]


def test_an_economic_zone_gets_each_import_duty_exemption_once(langson):
    answer = estimate(_project("hong-phong", BEFORE))

    titles = [f.title for f in answer.applies if f.kind == "import_duty"]
    assert len(titles) == len(set(titles)) == 2


def test_every_answer_says_it_is_indicative_and_the_irc_binds(langson):
    data = estimate(_project("hong-phong", BEFORE)).as_json()

    assert "IRC" in data["indicative"]
    assert "không cộng dồn" in data["single_level"]
    assert data["cit_rates_pct"][:5] == [0, 0, 0, 0, 5]


@pytest.mark.parametrize(("slug", "licence_date", "extra", "expected", "confidence"), CASES)
def test_zone_headline_level_is_the_one_the_estimator_chooses(
    langson, slug, licence_date, extra, expected, confidence
):
    project = _project(slug, licence_date, **extra)

    assert cit_level(project) == estimate(project).cit
