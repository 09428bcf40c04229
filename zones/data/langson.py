"""The Lạng Sơn data the portal ships with, in Vietnamese, English and Chinese.

Real figures come from ../shared/sources/FACTS.md (a provincial article reporting the Department of
Industry and Trade, 2020/2021); the descriptions are the portal's own words. Everything the source
lacks (plots, rents, coordinates, tenants' names) is sample data, marked `is_sample` or
`coordinates_are_sample`, for staff to replace.

A translated field is a dict {"vi": ..., "en": ..., "zh_hans": ...}; the loader stores each
language in its own column (django-modeltranslation).
"""

from datetime import date
from decimal import Decimal as D


def T(vi, en, zh_hans):
    return {"vi": vi, "en": en, "zh_hans": zh_hans}


SOURCE = T(
    "Sở Công Thương tỉnh Lạng Sơn, báo cáo 2020–2021",
    "Lang Son Department of Industry and Trade, report 2020–2021",
    "谅山省工贸厅2020—2021年报告",
)
# The report covers 2020–2021: no day or month is given, so none is invented.
AS_OF = date(2020, 1, 1)
AS_OF_UNTIL = date(2021, 12, 31)
AS_OF_PRECISION = "year"

BORDER_GATE_BOARD = T(
    "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
    "Management Board of the Dong Dang – Lang Son Border-Gate Economic Zone",
    "同登—谅山口岸经济区管理委员会",
)

FIBRE = T("Cáp quang, 4G/5G", "Fibre optic, 4G/5G", "光纤，4G/5G")

SECTORS = [
    {"slug": "concrete", "name": T("Sản xuất bê tông", "Concrete", "混凝土生产")},
    {
        "slug": "building-materials",
        "name": T("Vật liệu xây dựng", "Building materials", "建筑材料"),
    },
    {"slug": "light-industry", "name": T("Công nghiệp nhẹ", "Light industry", "轻工业")},
    {
        "slug": "mineral-processing",
        "name": T("Chế biến khoáng sản", "Mineral processing", "矿产加工"),
    },
    {
        "slug": "agro-processing",
        "name": T("Chế biến nông, lâm sản", "Agricultural and forest products", "农林产品加工"),
    },
    {"slug": "logistics", "name": T("Kho vận, logistics", "Warehousing and logistics", "仓储物流")},
    {
        "slug": "electronics-assembly",
        "name": T("Lắp ráp điện tử", "Electronics assembly", "电子组装"),
    },
    {
        "slug": "textiles",
        "name": T("Dệt may, da giày", "Textiles, garments and footwear", "纺织服装和鞋类"),
    },
    {
        "slug": "wood-furniture",
        "name": T("Chế biến gỗ, nội thất", "Wood processing and furniture", "木材加工与家具"),
    },
    {
        "slug": "mechanical-engineering",
        "name": T("Cơ khí, chế tạo", "Mechanical engineering", "机械制造"),
    },
    {"slug": "other", "name": T("Ngành khác", "Other sectors", "其他行业")},
]

ZONES = [
    {
        "slug": "dong-dang-lang-son",
        "name": T(
            "Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
            "Dong Dang – Lang Son Border-Gate Economic Zone",
            "同登—谅山口岸经济区",
        ),
        "kind": "kkt",
        "district": "cao-loc",
        "status": "operating",
        "description": T(
            "Khu kinh tế bao quanh các cửa khẩu biên giới với Quảng Tây (Trung Quốc). Khu công "
            "nghiệp Hồng Phong được quy hoạch trong phạm vi khu kinh tế này.",
            "The economic zone around the border gates with Guangxi, China. Hong Phong "
            "Industrial Park is planned within it.",
            "环绕与中国广西接壤各口岸的经济区，红峰工业园规划于其范围之内。",
        ),
        "connectivity": T(
            "Trên trục quốc lộ 1A và tuyến đường sắt liên vận quốc tế qua Đồng Đăng, cửa ngõ "
            "hàng hoá giữa Việt Nam và Trung Quốc.",
            "On National Highway 1A and the international railway through Dong Dang: a gateway "
            "for goods between Viet Nam and China.",
            "位于1A号国道和途经同登的国际联运铁路上，是越中两国货物往来的门户。",
        ),
        "latitude": D("21.945000"),
        "longitude": D("106.700000"),
        "coordinates_are_sample": True,
        "managing_body": BORDER_GATE_BOARD,
    },
    {
        "slug": "dong-banh",
        "power_substation_mva": D("80"),
        "power_spare_mva": D("35"),
        "water_m3_day": 5000,
        "water_spare_m3_day": 2200,
        "wastewater_m3_day": 3000,
        "wastewater_spare_m3_day": 1300,
        "telecom": FIBRE,
        "internal_roads": T("Trục chính 4 làn xe", "4-lane main road", "4车道主干道"),
        "km_to_huu_nghi_gate": D("57"),
        "km_to_hanoi": D("115"),
        "km_to_noi_bai": D("125"),
        "km_to_hai_phong_port": D("170"),
        "km_to_highway": D("3"),
        "km_to_railway_station": D("5"),
        "details_are_sample": True,
        "sectors": [
            "building-materials",
            "concrete",
            "light-industry",
            "agro-processing",
            "electronics-assembly",
            "logistics",
        ],
        "name": T("Khu công nghiệp Đồng Bành", "Dong Banh Industrial Park", "同彭工业园"),
        "kind": "kcn",
        "district": "chi-lang",
        "status": "operating",
        "total_area_ha": D("162"),
        "fill_rate_pct": D("60"),
        "fill_rate_approximate": True,
        "reported_tenants": 4,
        "reported_capital_vnd": D("1700000000000"),
        "reported_capital_approximate": True,
        "public_investment_vnd": D("200000000000"),
        "public_investment_approximate": True,
        "description": T(
            "Khu công nghiệp thuộc quy hoạch phát triển khu công nghiệp quốc gia, tại huyện Chi "
            "Lăng. Khu đã thu hút các dự án sản xuất bê tông, vật liệu xây dựng và công nghiệp "
            "nhẹ; từng dự án và tình trạng của nó có trong danh sách bên dưới.",
            "An industrial park in Viet Nam's national industrial park plan, in Chi Lang "
            "district. It has attracted projects in concrete, building materials and light "
            "industry; each is listed below with its status.",
            "列入越南国家工业园发展规划的工业园，位于支棱县。园区已吸引混凝土、建筑材料和轻工业"
            "领域的项目，各项目及其进展见下方列表。",
        ),
        "infrastructure": T(
            "Tỉnh đã dùng ngân sách để giải phóng mặt bằng và xây dựng hạ tầng giao thông của khu.",
            "The province has paid for the park's site clearance and road infrastructure from "
            "its budget.",
            "省政府以预算资金承担了园区的征地清场和交通基础设施建设。",
        ),
        "connectivity": T(
            "Trên hành lang quốc lộ 1A Hà Nội – Lạng Sơn.",
            "On the Ha Noi – Lang Son National Highway 1A corridor.",
            "位于河内—谅山1A号国道走廊上。",
        ),
        "latitude": D("21.610000"),
        "longitude": D("106.580000"),
        "coordinates_are_sample": True,
        "managing_body": BORDER_GATE_BOARD,
    },
    {
        "slug": "huu-lung",
        "km_to_huu_nghi_gate": D("95"),
        "km_to_hanoi": D("80"),
        "km_to_noi_bai": D("90"),
        "km_to_hai_phong_port": D("150"),
        "km_to_highway": D("2"),
        "km_to_railway_station": D("5"),
        "details_are_sample": True,
        "sectors": [
            "electronics-assembly",
            "mechanical-engineering",
            "textiles",
            "agro-processing",
            "light-industry",
        ],
        "name": T("Khu công nghiệp Hữu Lũng", "Huu Lung Industrial Park", "友陇工业园"),
        "kind": "kcn",
        "district": "huu-lung",
        "status": "planned",
        "total_area_ha": D("600"),
        "description": T(
            "Khu công nghiệp có diện tích quy hoạch lớn nhất tỉnh, tại huyện Hữu Lũng, thuộc quy "
            "hoạch phát triển khu công nghiệp quốc gia, ở cửa ngõ phía nam của tỉnh, gần Bắc "
            "Giang và Hà Nội. Tỷ lệ lấp đầy chưa được báo cáo.",
            "The province's largest planned industrial park, in Huu Lung district, in the "
            "national industrial park plan, at the province's southern gateway towards Bac "
            "Giang and Ha Noi. Its fill rate has not been reported.",
            "全省规划面积最大的工业园，位于友陇县，列入国家工业园发展规划，地处本省南部门户，"
            "靠近北江省和河内。出租率尚未公布。",
        ),
        "connectivity": T(
            "Gần ranh giới với Bắc Giang, trên trục quốc lộ 1A về Hà Nội.",
            "Near the border with Bac Giang province, on National Highway 1A to Ha Noi.",
            "靠近北江省边界，位于通往河内的1A号国道上。",
        ),
        "latitude": D("21.500000"),
        "longitude": D("106.340000"),
        "coordinates_are_sample": True,
        "managing_body": BORDER_GATE_BOARD,
    },
    {
        "slug": "hong-phong",
        "power_substation_mva": D("63"),
        "power_spare_mva": D("40"),
        "water_m3_day": 8000,
        "water_spare_m3_day": 5000,
        "wastewater_m3_day": 6000,
        "wastewater_spare_m3_day": 4000,
        "telecom": FIBRE,
        "internal_roads": T("Trục chính 2 làn xe", "2-lane main road", "2车道主干道"),
        "km_to_huu_nghi_gate": D("10"),
        "km_to_hanoi": D("160"),
        "km_to_noi_bai": D("170"),
        "km_to_hai_phong_port": D("215"),
        "km_to_highway": D("8"),
        "km_to_railway_station": D("6"),
        "details_are_sample": True,
        "sectors": [
            "building-materials",
            "mineral-processing",
            "logistics",
            "agro-processing",
            "electronics-assembly",
            "light-industry",
        ],
        "name": T("Khu công nghiệp Hồng Phong", "Hong Phong Industrial Park", "红峰工业园"),
        "kind": "kcn",
        "district": "cao-loc",
        "parent": "dong-dang-lang-son",
        "status": "operating",
        "total_area_ha": D("400"),
        "total_area_approximate": True,
        "fill_rate_pct": D("30"),
        "fill_rate_approximate": True,
        "reported_tenants": 5,
        "description": T(
            "Khu công nghiệp tại huyện Cao Lộc, quy hoạch trong Khu kinh tế cửa khẩu Đồng Đăng – "
            "Lạng Sơn. Các doanh nghiệp đang hoạt động trong khu sản xuất vật liệu xây dựng và "
            "chế biến khoáng sản; báo cáo không nêu tên doanh nghiệp.",
            "An industrial park in Cao Loc district, planned within the Dong Dang – Lang Son "
            "Border-Gate Economic Zone. The companies operating there make building materials "
            "and process minerals; the report does not name them.",
            "位于高禄县、规划于同登—谅山口岸经济区内的工业园。园内企业从事建筑材料生产和矿产"
            "加工，报告未公布企业名称。",
        ),
        "connectivity": T(
            "Gần các cửa khẩu biên giới với Trung Quốc và thành phố Lạng Sơn.",
            "Close to the border gates with China and to Lang Son city.",
            "靠近中越边境各口岸和谅山市。",
        ),
        "latitude": D("21.880000"),
        "longitude": D("106.740000"),
        "coordinates_are_sample": True,
        "managing_body": BORDER_GATE_BOARD,
    },
    {
        "slug": "hop-thanh-2",
        "power_substation_mva": D("10"),
        "power_spare_mva": D("1"),
        "water_m3_day": 500,
        "water_spare_m3_day": 40,
        "wastewater_m3_day": 400,
        "wastewater_spare_m3_day": 30,
        "km_to_huu_nghi_gate": D("20"),
        "km_to_hanoi": D("150"),
        "km_to_noi_bai": D("160"),
        "km_to_hai_phong_port": D("205"),
        "km_to_highway": D("5"),
        "km_to_railway_station": D("8"),
        "details_are_sample": True,
        "sectors": ["light-industry", "agro-processing", "building-materials", "wood-furniture"],
        "name": T(
            "Cụm công nghiệp số 2 Hợp Thành",
            "Hop Thanh Industrial Cluster No. 2",
            "合成第二工业集群",
        ),
        "kind": "ccn",
        "district": "cao-loc",
        "status": "operating",
        "total_area_ha": D("8.5"),
        "fill_rate_pct": D("94"),
        "reported_tenants": 11,
        "description": T(
            "Cụm công nghiệp địa phương tại xã Hợp Thành, huyện Cao Lộc, đã đi vào khai thác; "
            "các doanh nghiệp trong cụm đang sản xuất kinh doanh ổn định.",
            "A local industrial cluster in Hop Thanh commune, Cao Loc district, in use; the "
            "companies in it are in stable operation.",
            "位于高禄县合成乡的地方工业集群，已投入使用，集群内企业生产经营稳定。",
        ),
        "latitude": D("21.830000"),
        "longitude": D("106.700000"),
        "coordinates_are_sample": True,
        "managing_body": T(
            "Ủy ban nhân dân huyện Cao Lộc",
            "Cao Loc District People's Committee",
            "高禄县人民委员会",
        ),
    },
]

# Sample plots, sized so that the free land matches each zone's reported fill rate; the loader
# lays them out as sample rectangles around the zone's (sample) centre for the map:
# (code, area in m², status, indicative rent in USD per m² for the lease term, sectors).
PLOTS = {
    "dong-banh": [
        ("A1", 250_000, "leased", None, ["concrete"]),
        ("A2", 300_000, "leased", None, ["building-materials"]),
        ("A3", 222_000, "leased", None, ["light-industry"]),
        ("A4", 200_000, "leased", None, ["building-materials"]),
        ("B1", 120_000, "available", D("45"), ["building-materials", "concrete"]),
        ("B2", 150_000, "available", D("45"), ["light-industry", "electronics-assembly"]),
        ("B3", 88_000, "available", D("48"), ["light-industry", "agro-processing"]),
        ("B4", 200_000, "available", D("42"), ["building-materials", "logistics"]),
        ("B5", 90_000, "available", D("48"), ["agro-processing", "logistics"]),
    ],
    "hong-phong": [
        ("HP-01", 300_000, "leased", None, ["building-materials"]),
        ("HP-02", 250_000, "leased", None, ["mineral-processing"]),
        ("HP-03", 250_000, "leased", None, ["building-materials"]),
        ("HP-04", 200_000, "leased", None, ["mineral-processing"]),
        ("HP-05", 200_000, "leased", None, ["building-materials"]),
        ("HP-10", 600_000, "available", D("50"), ["logistics", "agro-processing"]),
        ("HP-11", 500_000, "available", D("50"), ["electronics-assembly", "light-industry"]),
        ("HP-12", 700_000, "available", D("46"), ["building-materials", "mineral-processing"]),
        ("HP-13", 1_000_000, "available", D("44"), ["logistics", "light-industry"]),
    ],
    "hop-thanh-2": [
        ("CN2-01", 30_000, "leased", None, ["building-materials"]),
        ("CN2-02", 28_000, "leased", None, ["light-industry"]),
        ("CN2-03", 21_900, "leased", None, ["agro-processing"]),
        ("CN2-04", 5_100, "available", D("35"), ["light-industry", "agro-processing"]),
    ],
}

# Đồng Bành's four projects. Real: sectors, statuses, ~1,700 billion VND in all. Not in the
# source, so sample: the investors' names and the split of the capital.
PROJECTS = {
    "dong-banh": [
        (
            T("Nhà đầu tư A (tên mẫu)", "Investor A (sample name)", "投资者A（示例名称）"),
            "concrete",
            450_000_000_000,
            "operating",
            "A1",
        ),
        (
            T("Nhà đầu tư B (tên mẫu)", "Investor B (sample name)", "投资者B（示例名称）"),
            "building-materials",
            600_000_000_000,
            "operating",
            "A2",
        ),
        (
            T("Nhà đầu tư C (tên mẫu)", "Investor C (sample name)", "投资者C（示例名称）"),
            "light-industry",
            350_000_000_000,
            "procedures",
            "A3",
        ),
        (
            T("Nhà đầu tư D (tên mẫu)", "Investor D (sample name)", "投资者D（示例名称）"),
            "building-materials",
            300_000_000_000,
            "procedures",
            "A4",
        ),
    ],
}

INDICATORS = [
    {
        "slug": "national-plan-industrial-parks",
        "name": T(
            "Khu công nghiệp trong quy hoạch quốc gia (Đồng Bành, Hữu Lũng)",
            "Industrial parks in the national plan (Dong Banh, Huu Lung)",
            "列入国家规划的工业园（同彭、友陇）",
        ),
        "value": D("762"),
        "is_approximate": True,
        "unit": "ha",
        "period": "2020–2021",
    },
    {
        "slug": "local-industrial-clusters-count",
        "name": T(
            "Cụm công nghiệp địa phương theo quy hoạch",
            "Local industrial clusters planned",
            "规划中的地方工业集群",
        ),
        "value": D("16"),
        "unit": "count",
        "period": "2020–2021",
        "note": T(
            "Tại Lộc Bình, Đình Lập, Cao Lộc, Văn Lãng, Tràng Định, Bình Gia, Bắc Sơn, Hữu Lũng "
            "và thành phố Lạng Sơn; ngoài cụm số 2 Hợp Thành, các cụm đang thu hút nhà đầu tư "
            "hoặc giải phóng mặt bằng.",
            "In Loc Binh, Dinh Lap, Cao Loc, Van Lang, Trang Dinh, Binh Gia, Bac Son, Huu Lung "
            "and Lang Son city; apart from Hop Thanh No. 2, they are seeking investors or in "
            "site clearance.",
            "分布于禄平、亭立、高禄、文朗、长定、平嘉、北山、友陇各县和谅山市；除合成第二工业"
            "集群外，其余正在招商或征地清场。",
        ),
    },
    {
        "slug": "local-industrial-clusters-area",
        "name": T(
            "Diện tích cụm công nghiệp địa phương theo quy hoạch",
            "Area of the local industrial clusters planned",
            "规划中的地方工业集群面积",
        ),
        "value": D("537"),
        "unit": "ha",
        "period": "2020–2021",
    },
    {
        "slug": "industrial-growth-2011-2015",
        "name": T(
            "Tăng trưởng công nghiệp bình quân hằng năm",
            "Average annual industrial growth",
            "工业年均增长率",
        ),
        "value": D("7.9"),
        "unit": "percent",
        "period": "2011–2015",
    },
    {
        "slug": "industrial-growth-2016-2020",
        "name": T(
            "Tăng trưởng công nghiệp bình quân hằng năm",
            "Average annual industrial growth",
            "工业年均增长率",
        ),
        "value": D("10.97"),
        "unit": "percent",
        "period": "2016–2020",
    },
    {
        "slug": "industrial-output-2019",
        "name": T("Giá trị sản xuất công nghiệp", "Industrial production value", "工业产值"),
        "value": D("5899"),
        "unit": "billion_vnd",
        "period": "2019",
    },
    {
        "slug": "industrial-output-2020",
        "name": T("Giá trị sản xuất công nghiệp", "Industrial production value", "工业产值"),
        "value": D("6238"),
        "unit": "billion_vnd",
        "period": "2020",
        "note": T(
            "≈ 5 % cao hơn năm 2019, dù chịu ảnh hưởng của dịch COVID-19.",
            "≈ 5 % more than in 2019, despite COVID-19.",
            "尽管受新冠疫情影响，仍比2019年增长≈ 5 %。",
        ),
    },
]

ZONES_BY_SLUG = {zone["slug"]: zone for zone in ZONES}
# When the sample rents were written down.
RENTS_QUOTED_ON = date(2026, 11, 1)

# The local clusters the report counts but does not name (with No. 2: 16 clusters, 537 ha), and
# the districts it places them in. Their count and area are the indicators above.
CLUSTER_COUNT_INDICATOR = "local-industrial-clusters-count"
CLUSTER_AREA_INDICATOR = "local-industrial-clusters-area"
CLUSTER_DISTRICTS = [
    *("loc-binh", "dinh-lap", "cao-loc", "van-lang", "trang-dinh"),
    *("binh-gia", "bac-son", "huu-lung", "lang-son-city"),
]

# Places and distances: ../shared/sources/INCENTIVES.md ("Places"). Coordinates only where the
# source gives them; Chi Ma and Cốc Nam have none there, so they are listed without a marker.
PLACES_SOURCE = T(
    "Tổng hợp từ cổng thông tin chính phủ và báo chí (2025)",
    "Public summaries from government portals and the press (2025)",
    "根据政府门户网站和新闻报道整理（2025年）",
)
CROSSINGS = [
    {
        "slug": "huu-nghi",
        "name": T(
            "Cửa khẩu quốc tế Hữu Nghị",
            "Huu Nghi International Border Gate",
            "友谊国际口岸",
        ),
        "kind": "road",
        "lat": 21.97515,
        "lng": 106.71120,
    },
    {
        "slug": "tan-thanh",
        "name": T("Cửa khẩu Tân Thanh", "Tan Thanh Border Gate", "新清口岸"),
        "kind": "road",
        "lat": 22.00310,
        "lng": 106.68250,
    },
    {
        "slug": "dong-dang-rail",
        "name": T(
            "Ga Đồng Đăng (cửa khẩu đường sắt)",
            "Dong Dang station (rail border crossing)",
            "同登站（铁路口岸）",
        ),
        "kind": "rail",
        "lat": 21.94583,
        "lng": 106.69667,
    },
    {
        "slug": "chi-ma",
        "name": T("Cửa khẩu Chi Ma", "Chi Ma Border Gate", "支麻口岸"),
        "kind": "road",
        "lat": None,
        "lng": None,
    },
    {
        "slug": "coc-nam",
        "name": T("Cửa khẩu Cốc Nam", "Coc Nam Border Gate", "谷南口岸"),
        "kind": "road",
        "lat": None,
        "lng": None,
    },
]
# Province-level distances, as facts with their source (road and rail, not straight lines).
DISTANCES = [
    {
        "name": T(
            "Thành phố Lạng Sơn – Hà Nội, đường bộ",
            "Lang Son city – Ha Noi, by road",
            "谅山市—河内，公路",
        ),
        "km": D("150"),
        "approximate": True,
        "note": T("khoảng 2,5 giờ", "about 2.5 hours", "约2.5小时"),
    },
    {
        "name": T(
            "Hà Nội – cửa khẩu Hữu Nghị, đường bộ",
            "Ha Noi – Huu Nghi border gate, by road",
            "河内—友谊口岸，公路",
        ),
        "km": D("143"),
        "approximate": False,
    },
    {
        "name": T(
            "Hà Nội – Đồng Đăng, đường sắt",
            "Ha Noi – Dong Dang, by rail",
            "河内—同登，铁路",
        ),
        "km": D("162"),
        "approximate": False,
    },
    {
        "name": T(
            "Cao tốc Bắc Giang – Lạng Sơn (thông xe 01/2020)",
            "Bac Giang – Lang Son expressway (opened 01/2020)",
            "北江—谅山高速公路（2020年1月通车）",
        ),
        "km": D("64"),
        "approximate": False,
    },
]
# From the article: the provinces around Lạng Sơn, by side.
NEIGHBOURS = [
    (
        T("Phía bắc", "North", "北面"),
        [T("Trung Quốc (Quảng Tây)", "China (Guangxi)", "中国（广西）")],
    ),
    (
        T("Phía tây", "West", "西面"),
        [
            T("Cao Bằng", "Cao Bang", "高平"),
            T("Thái Nguyên", "Thai Nguyen", "太原"),
            T("Bắc Kạn", "Bac Kan", "北件"),
        ],
    ),
    (T("Phía đông", "East", "东面"), [T("Quảng Ninh", "Quang Ninh", "广宁")]),
    (
        T("Phía nam", "South", "南面"),
        [
            T("Bắc Giang", "Bac Giang", "北江"),
            T("Bắc Ninh", "Bac Ninh", "北宁"),
            T("Hà Nội", "Ha Noi", "河内"),
        ],
    ),
]

# Sample prices for the zones with sample plots: the sources give no rent, fee or tariff, so
# every figure here is marked sample, for staff to replace; a kind left without an amount
# shows "on request". (kind, time of day, amount, currency, basis, note)
SAMPLE_SOURCE = T(
    "Dữ liệu mẫu của cổng thông tin, chưa phải giá chính thức",
    "The portal's sample data, not an official price",
    "门户网站示例数据，非官方价格",
)
COSTS = [
    (
        "land_rent",
        "",
        None,
        "",
        "m2_term",
        T(
            "Giá theo từng lô; trả một lần hoặc theo tiến độ thoả thuận.",
            "Priced plot by plot; paid once or in agreed instalments.",
            "按地块定价；一次性支付或按约定分期支付。",
        ),
    ),
    (
        "management_fee",
        "",
        D("0.5"),
        "USD",
        "m2_year",
        T("Trả hằng năm.", "Paid yearly.", "每年支付。"),
    ),
    ("power", "peak", D("3266"), "VND", "kwh", T("", "", "")),
    ("power", "normal", D("1811"), "VND", "kwh", T("", "", "")),
    ("power", "off_peak", D("1146"), "VND", "kwh", T("", "", "")),
    ("water", "", D("12000"), "VND", "m3", T("", "", "")),
    ("wastewater", "", D("0.35"), "USD", "m3", T("", "", "")),
    (
        "vat",
        "",
        D("10"),
        "",
        "percent",
        T(
            "Các mức giá trên chưa gồm VAT.",
            "The prices above exclude VAT.",
            "以上价格不含增值税。",
        ),
    ),
    ("deposit", "", None, "", "months", T("", "", "")),
]
COSTS_AS_OF = date(2026, 11, 1)
# Sample exchange rates, for the cost calculator until staff set real ones.
EXCHANGE_RATES = [("USD", D("25400")), ("CNY", D("3550"))]

# Sample ready-built factories and warehouses: none is in the sources.
# (zone, code, kind, floor m², clear height m, floor load t/m², crane t, power kVA, dock doors,
#  year built, USD/m²/month, available from)
BUILDINGS = [
    (
        "hong-phong",
        "X-01",
        "factory",
        5_000,
        D("9"),
        D("3"),
        D("5"),
        1_000,
        4,
        2024,
        D("4.2"),
        date(2027, 1, 1),
    ),
    (
        "hong-phong",
        "K-01",
        "warehouse",
        3_000,
        D("10"),
        D("5"),
        None,
        250,
        6,
        2023,
        D("3.8"),
        date(2026, 12, 1),
    ),
    (
        "dong-banh",
        "X-01",
        "factory",
        8_000,
        D("8"),
        D("2"),
        D("10"),
        1_500,
        3,
        2022,
        D("3.5"),
        date(2027, 3, 1),
    ),
]

# The bodies investors reach. The source names the management board and each zone's managing
# body, nothing more: the addresses, telephones and e-mails below are sample (reserved
# `.example` addresses, a number of zeros) and shown with the sample badge until staff set them.
SAMPLE_CONTACT = {
    "address": T(
        "Địa chỉ mẫu, thành phố Lạng Sơn, tỉnh Lạng Sơn",
        "Sample address, Lang Son city, Lang Son province",
        "示例地址，谅山省谅山市",
    ),
    "phone": "+84 205 000 0000",
    "working_hours": T(
        "Thứ Hai – Thứ Sáu, 7:30–11:30 và 13:30–17:00",
        "Monday – Friday, 7:30–11:30 and 13:30–17:00",
        "周一至周五 7:30–11:30、13:30–17:00",
    ),
    "languages": T("Tiếng Việt, tiếng Anh", "Vietnamese, English", "越南语、英语"),
    "is_sample": True,
}
PROMOTION_BODY = T(
    "Bộ phận xúc tiến đầu tư tỉnh Lạng Sơn",
    "Lang Son investment promotion desk",
    "谅山省投资促进部门",
)
PROVINCIAL_CONTACTS = [
    {
        "kind": "promotion",
        "name": PROMOTION_BODY,
        "email": "xuctiendautu@langson.example",
        "position": 0,
    },
    {
        "kind": "zone_board",
        "name": BORDER_GATE_BOARD,
        "email": "bqlkkt@langson.example",
        "position": 1,
    },
]

# Sample plots that can be divided, and their smallest part (m²): Hồng Phong's large free plots,
# so that a search for 8–15 ha finds them. Sample like the plots themselves.
DIVISIBLE_SAMPLE_PLOTS = {
    ("hong-phong", "HP-10"): 50_000,
    ("hong-phong", "HP-11"): 50_000,
    ("hong-phong", "HP-12"): 50_000,
    ("hong-phong", "HP-13"): 50_000,
}
