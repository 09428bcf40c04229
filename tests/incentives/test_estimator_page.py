"""The estimator page, the API answer and the checklist, as a visitor sees them."""

import datetime
import json

import pytest
from django.urls import reverse

from incentives.models import IncentiveRule

pytestmark = pytest.mark.django_db


def test_zone_page_link_opens_the_estimate_with_the_zone_chosen(client, langson):
    page = client.get("/zones/hong-phong/")
    assert 'href="/incentives/?zone=hong-phong"' in page.content.decode()

    answer = client.get("/incentives/?zone=hong-phong&licence_date=2025-06-01&profit=100")
    html = answer.content.decode()

    assert answer.status_code == 200
    assert "thuế suất 10 % trong 15 năm" in html
    assert "IRC" in html  # indicative, the IRC binds
    assert 'id="cit-table"' in html and "<svg" in html
    assert "Tiết kiệm trong 15 năm: 235 tỷ đồng" in html  # 300 at 20 % minus 65


def test_the_estimate_is_in_english_and_chinese_too(client, langson):
    english = client.get("/en/incentives/?zone=dong-banh&licence_date=2025-06-01")
    chinese = client.get("/zh-hans/incentives/?zone=dong-banh&licence_date=2025-06-01")

    assert "CIT incentive in a difficult area" in english.content.decode()
    assert "困难地区的企业所得税优惠" in chinese.content.decode()


def test_without_a_place_the_form_asks_for_one(client, langson):
    page = client.get("/incentives/?jobs=10")

    assert page.status_code == 200
    assert "Chọn khu, cụm công nghiệp hoặc huyện của dự án." in page.content.decode()


def test_api_answers_the_same_as_the_page(client, langson):
    response = client.get(
        "/api/v1/incentives/estimate",
        {"zone": "hong-phong", "licence_date": "2025-06-01", "profit": "100", "lang": "en"},
    )

    data = response.json()
    assert response.status_code == 200
    assert data["cit_rates_pct"] == [0] * 4 + [5] * 9 + [10] * 2
    assert data["applies"][0]["title"] == (
        "CIT incentive in an economic zone or especially difficult area"
    )
    assert data["applies"][0]["confidence"] == "H"
    assert "IRC" in data["indicative"]
    assert data["illustration"][0] == {
        "year": 1,
        "rate_pct": 0.0,
        "tax_vnd_bn": 0.0,
        "standard_vnd_bn": 20.0,
    }


@pytest.mark.parametrize(
    "params",
    [
        {"district": "x"},
        {"zone": "hong-phong", "jobs": "-1"},
        {"zone": "hong-phong", "licence_date": "2025-13-01"},
        {"zone": "hong-phong", "capital": "lots"},
    ],
)
def test_api_refuses_bad_parameters_with_json_400(client, langson, params):
    response = client.get("/api/v1/incentives/estimate", params)

    assert response.status_code == 400
    assert response.json()["detail"] == "Invalid parameters."


@pytest.mark.parametrize("params", [{"zone": "no-such-zone"}, {"sector": "no-such-sector"}])
def test_api_does_not_find_an_unknown_zone_or_sector(client, langson, params):
    response = client.get("/api/v1/incentives/estimate", params)

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_api_without_a_place_answers_for_a_project_outside_any_incentive_area(client, langson):
    data = client.get("/api/v1/incentives/estimate", {"capital": "7000", "jobs": "4000"}).json()

    assert data["locations"] == []
    assert data["cit_rates_pct"][:5] == [0, 0, 0, 0, 5]  # the large-project level, on size alone


def test_changing_a_rule_in_the_admin_changes_the_answer(admin_client, client, langson):
    rule = IncentiveRule.objects.get(title="Thuế TNDN ưu đãi tại địa bàn khó khăn")
    url = "/api/v1/incentives/estimate?zone=dong-banh&licence_date=2025-06-01"
    assert client.get(url).json()["cit_rates_pct"][0] == 0

    change = reverse("admin:incentives_incentiverule_change", args=[rule.pk])
    form = admin_client.get(change).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "exempt_years": 1,
            "location_classes": [lc.pk for lc in rule.location_classes.all()],
            "sectors": [],
            "licensed_before": "2025-10-01",
            "_save": "Save",
        }
    )
    data = {k: v for k, v in data.items() if not isinstance(v, datetime.date)}
    data["licensed_before"] = "2025-10-01"
    response = admin_client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    rates = client.get(url).json()["cit_rates_pct"]
    assert rates[:2] == [0, 8.5]
    assert rule.history.get().exempt_years == 1  # who changed what, kept


def test_checklist_leaves_out_policy_approval_below_the_threshold(client, langson):
    small = client.get("/incentives/checklist/?zone=hong-phong&capital=100")
    large = client.get("/incentives/checklist/?zone=hong-phong&capital=7000")

    assert "Chấp thuận chủ trương đầu tư" not in small.content.decode()
    assert "Chấp thuận chủ trương đầu tư" in large.content.decode()
    assert "Giấy chứng nhận đăng ký đầu tư (IRC)" in small.content.decode()


def test_guide_lists_every_step_in_order(client, langson):
    html = client.get("/incentives/guide/").content.decode()

    steps = [
        "Chấp thuận chủ trương",
        "(IRC)",
        "(ERC)",
        "Con dấu",
        "Thuê lại đất",
        "môi trường",
        "phòng cháy",
        "Giấy phép xây dựng",
        "Khởi công",
    ]
    positions = [html.index(step) for step in steps]
    assert positions == sorted(positions)
    json.dumps(positions)


def test_a_rule_changed_shows_at_once_on_the_cached_zone_page(client, langson, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = "/zones/dong-banh/"
    assert "17 %" in client.get(url).content.decode()
    assert client.get(url)["X-Cache"] == "hit"

    rule = IncentiveRule.objects.get(title="Thuế TNDN ưu đãi tại địa bàn khó khăn (luật mới)")
    rule.cit_rate_pct = 15
    rule.save()

    page = client.get(url)
    assert page["X-Cache"] == "miss"
    assert "thuế suất 15 % trong 10 năm" in page.content.decode()


def test_a_changed_rule_shows_at_once_on_the_zone_page(client, langson):
    # The rules are read once per catalogue version (incentives.estimator.rule_book).
    assert "thuế suất 10 % trong 15 năm" in client.get("/zones/hong-phong/").content.decode()
    for rule in IncentiveRule.objects.filter(cit_rate_pct=10, cit_rate_years=15):
        rule.cit_rate_years = 12
        rule.save()
    page = client.get("/zones/hong-phong/").content.decode()
    assert "thuế suất 10 % trong 12 năm" in page
    assert "thuế suất 10 % trong 15 năm" not in page
