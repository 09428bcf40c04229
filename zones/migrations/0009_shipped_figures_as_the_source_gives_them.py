"""Existing databases get what a fresh `load_langson` now gives, on the rows that still hold
the shipped values (a value staff changed is left alone):

- the stored plot totals gain the plots' area and their count of sample plots;
- the report's figures keep their precision: "~60 %", "~30 %", "~400 ha", ~1,700 and ~200
  billion VND approximate, ~762 ha approximate, and dated 2020–2021 (not an invented 01/01/2021,
  in the zones' history too);
- the descriptions no longer repeat figures (they are fields now): a shipped text is replaced
  by the new shipped text, a text staff wrote is kept.
"""

from datetime import date
from decimal import Decimal

from django.db import migrations
from django.db.models import Count, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

SHIPPED_SOURCE_VI = "Sở Công Thương tỉnh Lạng Sơn, báo cáo 2020–2021"
INVENTED_DAY = date(2021, 1, 1)
SHIPPED_ZONES = ["dong-dang-lang-son", "dong-banh", "huu-lung", "hong-phong", "hop-thanh-2"]
# (slug, field, shipped value, approximate flag to tick)
APPROXIMATE = [
    ("dong-banh", "fill_rate_pct", Decimal("60"), "fill_rate_approximate"),
    ("hong-phong", "total_area_ha", Decimal("400"), "total_area_approximate"),
    ("hong-phong", "fill_rate_pct", Decimal("30"), "fill_rate_approximate"),
]
DONG_BANH_MONEY = {
    "reported_capital_vnd": Decimal("1700000000000"),
    "reported_capital_approximate": True,
    "public_investment_vnd": Decimal("200000000000"),
    "public_investment_approximate": True,
}
PLAN_INDICATORS = [
    "national-plan-industrial-parks",
    "local-industrial-clusters-count",
    "local-industrial-clusters-area",
]
# (slug, column, shipped text, new shipped text)
ZONE_TEXTS = [
    (
        "dong-banh",
        "description_vi",
        "Khu công nghiệp thuộc quy hoạch phát triển khu công nghiệp quốc gia, tại huyện Chi Lăng. Đã thu "
        "hút 4 dự án sản xuất bê tông, vật liệu xây dựng và công nghiệp nhẹ với tổng vốn đăng ký khoảng "
        "1.700 tỷ đồng: 2 dự án đang sản xuất ổn định, 2 dự án đang làm thủ tục đầu tư. Tỷ lệ lấp đầy "
        "khoảng 60 %.",
        "Khu công nghiệp thuộc quy hoạch phát triển khu công nghiệp quốc gia, tại huyện Chi Lăng. Khu đã "
        "thu hút các dự án sản xuất bê tông, vật liệu xây dựng và công nghiệp nhẹ; từng dự án và tình "
        "trạng của nó có trong danh sách bên dưới.",
    ),
    (
        "dong-banh",
        "description_en",
        "An industrial park in Viet Nam's national industrial park plan, in Chi Lang district. It has "
        "attracted 4 projects in concrete, building materials and light industry with about 1,700 "
        "billion VND of registered capital: 2 in stable operation and 2 in investment procedures. About "
        "60 % of its land is taken.",
        "An industrial park in Viet Nam's national industrial park plan, in Chi Lang district. It has "
        "attracted projects in concrete, building materials and light industry; each is listed below "
        "with its status.",
    ),
    (
        "dong-banh",
        "description_zh_hans",
        "列入越南国家工业园发展规划的工业园，位于支棱县。已吸引混凝土、建筑材料和轻工业领域4个项目，注册资本合计约17,000亿越南盾：2个项目稳定生产经营，2个项目正在办理投资手续。出租率约60%。",
        "列入越南国家工业园发展规划的工业园，位于支棱县。园区已吸引混凝土、建筑材料和轻工业领域的项目，各项目及其进展见下方列表。",
    ),
    (
        "dong-banh",
        "infrastructure_vi",
        "Tỉnh đã dành khoảng 200 tỷ đồng ngân sách cho giải phóng mặt bằng và hạ tầng giao thông của "
        "khu.",
        "Tỉnh đã dùng ngân sách để giải phóng mặt bằng và xây dựng hạ tầng giao thông của khu.",
    ),
    (
        "dong-banh",
        "infrastructure_en",
        "The province has spent about 200 billion VND of its budget on site clearance and road "
        "infrastructure for the park.",
        "The province has paid for the park's site clearance and road infrastructure from its budget.",
    ),
    (
        "dong-banh",
        "infrastructure_zh_hans",
        "省政府已投入约2,000亿越南盾预算用于园区征地清场和交通基础设施建设。",
        "省政府以预算资金承担了园区的征地清场和交通基础设施建设。",
    ),
    (
        "huu-lung",
        "description_vi",
        "Khu công nghiệp lớn nhất tỉnh theo quy hoạch: 600 ha tại huyện Hữu Lũng, thuộc quy hoạch phát "
        "triển khu công nghiệp quốc gia, ở cửa ngõ phía nam của tỉnh, gần Bắc Giang và Hà Nội. Tỷ lệ lấp "
        "đầy chưa được báo cáo.",
        "Khu công nghiệp có diện tích quy hoạch lớn nhất tỉnh, tại huyện Hữu Lũng, thuộc quy hoạch phát "
        "triển khu công nghiệp quốc gia, ở cửa ngõ phía nam của tỉnh, gần Bắc Giang và Hà Nội. Tỷ lệ lấp "
        "đầy chưa được báo cáo.",
    ),
    (
        "huu-lung",
        "description_en",
        "The province's largest planned industrial park: 600 ha in Huu Lung district, in the national "
        "industrial park plan, at the province's southern gateway towards Bac Giang and Ha Noi. Its fill "
        "rate has not been reported.",
        "The province's largest planned industrial park, in Huu Lung district, in the national "
        "industrial park plan, at the province's southern gateway towards Bac Giang and Ha Noi. Its fill "
        "rate has not been reported.",
    ),
    (
        "huu-lung",
        "description_zh_hans",
        "全省规划面积最大的工业园：位于友陇县，面积600公顷，列入国家工业园发展规划，地处本省南部门户，靠近北江省和河内。出租率尚未公布。",
        "全省规划面积最大的工业园，位于友陇县，列入国家工业园发展规划，地处本省南部门户，靠近北江省和河内。出租率尚未公布。",
    ),
    (
        "hong-phong",
        "description_vi",
        "Khu công nghiệp khoảng 400 ha tại huyện Cao Lộc, quy hoạch trong Khu kinh tế cửa khẩu Đồng Đăng "
        "– Lạng Sơn. 5 doanh nghiệp sản xuất vật liệu xây dựng và chế biến khoáng sản đang hoạt động; tỷ "
        "lệ lấp đầy khoảng 30 %.",
        "Khu công nghiệp tại huyện Cao Lộc, quy hoạch trong Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn. "
        "Các doanh nghiệp đang hoạt động trong khu sản xuất vật liệu xây dựng và chế biến khoáng sản; "
        "báo cáo không nêu tên doanh nghiệp.",
    ),
    (
        "hong-phong",
        "description_en",
        "An industrial park of about 400 ha in Cao Loc district, planned within the Dong Dang – Lang Son "
        "Border-Gate Economic Zone. 5 companies in building materials and mineral processing operate "
        "there; about 30 % of its land is taken.",
        "An industrial park in Cao Loc district, planned within the Dong Dang – Lang Son Border-Gate "
        "Economic Zone. The companies operating there make building materials and process minerals; the "
        "report does not name them.",
    ),
    (
        "hong-phong",
        "description_zh_hans",
        "位于高禄县、规划于同登—谅山口岸经济区内的工业园，面积约400公顷。目前有5家建筑材料和矿产加工企业生产经营，出租率约30%。",
        "位于高禄县、规划于同登—谅山口岸经济区内的工业园。园内企业从事建筑材料生产和矿产加工，报告未公布企业名称。",
    ),
    (
        "hop-thanh-2",
        "description_vi",
        "Cụm công nghiệp địa phương 8,5 ha tại xã Hợp Thành, huyện Cao Lộc, đã đi vào khai thác: 11 "
        "doanh nghiệp sản xuất kinh doanh ổn định, tỷ lệ lấp đầy 94 %.",
        "Cụm công nghiệp địa phương tại xã Hợp Thành, huyện Cao Lộc, đã đi vào khai thác; các doanh "
        "nghiệp trong cụm đang sản xuất kinh doanh ổn định.",
    ),
    (
        "hop-thanh-2",
        "description_en",
        "A local industrial cluster of 8.5 ha in Hop Thanh commune, Cao Loc district, in use: 11 "
        "companies in stable operation, 94 % of its land taken.",
        "A local industrial cluster in Hop Thanh commune, Cao Loc district, in use; the companies in it "
        "are in stable operation.",
    ),
    (
        "hop-thanh-2",
        "description_zh_hans",
        "位于高禄县合成乡的地方工业集群，面积8.5公顷，已投入使用：11家企业稳定生产经营，出租率94%。",
        "位于高禄县合成乡的地方工业集群，已投入使用，集群内企业生产经营稳定。",
    ),
]
INDICATOR_NOTES = [
    (
        "industrial-output-2020",
        "note_vi",
        "Tăng khoảng 5 % so với 2019 dù chịu ảnh hưởng của dịch COVID-19.",
        "≈ 5 % cao hơn năm 2019, dù chịu ảnh hưởng của dịch COVID-19.",
    ),
    (
        "industrial-output-2020",
        "note_en",
        "About 5 % more than in 2019, despite COVID-19.",
        "≈ 5 % more than in 2019, despite COVID-19.",
    ),
    (
        "industrial-output-2020",
        "note_zh_hans",
        "尽管受新冠疫情影响，仍比2019年增长约5%。",
        "尽管受新冠疫情影响，仍比2019年增长≈ 5 %。",
    ),
]


def recount_plot_totals(apps):
    Zone = apps.get_model("zones", "Zone")
    Plot = apps.get_model("zones", "Plot")
    plots = Plot.objects.filter(zone=OuterRef("pk")).order_by().values("zone")
    Zone.objects.update(
        plot_m2=Coalesce(Subquery(plots.annotate(s=Sum("area_m2")).values("s")), Value(Decimal(0))),
        sample_plot_count=Coalesce(
            Subquery(plots.filter(is_sample=True).annotate(n=Count("pk")).values("n")), 0
        ),
    )


def forward(apps, schema_editor):
    Zone = apps.get_model("zones", "Zone")
    HistoricalZone = apps.get_model("zones", "HistoricalZone")
    Indicator = apps.get_model("zones", "Indicator")
    recount_plot_totals(apps)
    range_2020_2021 = {
        "figures_as_of": date(2020, 1, 1),
        "figures_as_of_precision": "year",
        "figures_as_of_until": date(2021, 12, 31),
    }
    for model in (Zone, HistoricalZone):
        model.objects.filter(
            slug__in=SHIPPED_ZONES, figures_as_of=INVENTED_DAY, source_vi=SHIPPED_SOURCE_VI
        ).update(**range_2020_2021)
    for slug, field, value, flag in APPROXIMATE:
        Zone.objects.filter(slug=slug, **{field: value}).update(**{flag: True})
    for field, value in DONG_BANH_MONEY.items():
        if field.endswith("_vnd"):
            Zone.objects.filter(slug="dong-banh", **{f"{field}__isnull": True}).update(
                **{field: value, field.replace("_vnd", "_approximate"): True}
            )
    for slug, column, shipped, new in ZONE_TEXTS:
        Zone.objects.filter(slug=slug, **{column: shipped}).update(**{column: new})
    Indicator.objects.filter(slug="national-plan-industrial-parks", value=Decimal("762")).update(
        is_approximate=True
    )
    Indicator.objects.filter(slug__in=PLAN_INDICATORS, period="2021").update(period="2020–2021")
    for slug, column, shipped, new in INDICATOR_NOTES:
        Indicator.objects.filter(slug=slug, **{column: shipped}).update(**{column: new})


class Migration(migrations.Migration):
    dependencies = [("zones", "0008_figures_precision_and_free_land_basis")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
