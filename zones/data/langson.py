"""The Lạng Sơn data the portal ships with.

Real figures come from ../shared/sources/FACTS.md (a provincial article reporting the Department of
Industry and Trade, 2020/2021). Everything the source lacks (plots, rents, coordinates, tenants'
names) is sample data and is marked `is_sample` / `coordinates_are_sample`, so staff replace it.
"""

from datetime import date
from decimal import Decimal as D

SOURCE = "Sở Công Thương tỉnh Lạng Sơn, báo cáo 2020–2021"
AS_OF = date(2021, 1, 1)

SECTORS = [
    {"slug": "concrete", "name": "Sản xuất bê tông"},
    {"slug": "building-materials", "name": "Vật liệu xây dựng"},
    {"slug": "light-industry", "name": "Công nghiệp nhẹ"},
    {"slug": "mineral-processing", "name": "Chế biến khoáng sản"},
    {"slug": "agro-processing", "name": "Chế biến nông, lâm sản"},
    {"slug": "logistics", "name": "Kho vận, logistics"},
    {"slug": "electronics-assembly", "name": "Lắp ráp điện tử"},
]

ZONES = [
    {
        "slug": "dong-dang-lang-son",
        "name": "Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
        "kind": "kkt",
        "district": "cao-loc",
        "status": "operating",
        "description": (
            "Khu kinh tế cửa khẩu bao quanh các cửa khẩu biên giới với Quảng Tây (Trung Quốc). "
            "Khu công nghiệp Hồng Phong được quy hoạch trong phạm vi khu kinh tế này."
        ),
        "connectivity": (
            "Nằm trên trục quốc lộ 1A và tuyến đường sắt liên vận quốc tế Hà Nội – Đồng Đăng – "
            "Bằng Tường, cửa ngõ hàng hoá giữa Việt Nam và Trung Quốc."
        ),
        "latitude": D("21.945000"),
        "longitude": D("106.700000"),
        "coordinates_are_sample": True,
        "managing_body": "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
    },
    {
        "slug": "dong-banh",
        "name": "Khu công nghiệp Đồng Bành",
        "kind": "kcn",
        "district": "chi-lang",
        "status": "operating",
        "total_area_ha": D("162"),
        "fill_rate_pct": D("60"),
        "reported_tenants": 4,
        "description": (
            "Khu công nghiệp thuộc quy hoạch phát triển khu công nghiệp quốc gia, tại huyện Chi "
            "Lăng. Đã thu hút 4 dự án sản xuất bê tông, vật liệu xây dựng và công nghiệp nhẹ với "
            "tổng vốn đăng ký khoảng 1.700 tỷ đồng: 2 dự án đang sản xuất ổn định, 2 dự án đang "
            "làm thủ tục đầu tư. Tỷ lệ lấp đầy khoảng 60 %."
        ),
        "infrastructure": (
            "Tỉnh đã bố trí khoảng 200 tỷ đồng ngân sách cho giải phóng mặt bằng và hạ tầng giao "
            "thông của khu."
        ),
        "connectivity": "Nằm trên hành lang quốc lộ 1A Hà Nội – Lạng Sơn.",
        "latitude": D("21.610000"),
        "longitude": D("106.580000"),
        "coordinates_are_sample": True,
        "managing_body": "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
    },
    {
        "slug": "huu-lung",
        "name": "Khu công nghiệp Hữu Lũng",
        "kind": "kcn",
        "district": "huu-lung",
        "status": "planned",
        "total_area_ha": D("600"),
        "description": (
            "Khu công nghiệp lớn nhất tỉnh theo quy hoạch, 600 ha tại huyện Hữu Lũng, thuộc quy "
            "hoạch phát triển khu công nghiệp quốc gia; là cửa ngõ phía nam của tỉnh, gần Bắc "
            "Giang và Hà Nội. Tỷ lệ lấp đầy chưa được báo cáo."
        ),
        "connectivity": "Gần ranh giới với Bắc Giang, trên trục quốc lộ 1A về Hà Nội.",
        "latitude": D("21.500000"),
        "longitude": D("106.340000"),
        "coordinates_are_sample": True,
        "managing_body": "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
    },
    {
        "slug": "hong-phong",
        "name": "Khu công nghiệp Hồng Phong",
        "kind": "kcn",
        "district": "cao-loc",
        "parent": "dong-dang-lang-son",
        "status": "operating",
        "total_area_ha": D("400"),
        "fill_rate_pct": D("30"),
        "reported_tenants": 5,
        "description": (
            "Khu công nghiệp khoảng 400 ha tại huyện Cao Lộc, quy hoạch trong Khu kinh tế cửa "
            "khẩu Đồng Đăng – Lạng Sơn. 5 doanh nghiệp sản xuất vật liệu xây dựng và chế biến "
            "khoáng sản đang hoạt động; tỷ lệ lấp đầy khoảng 30 %."
        ),
        "connectivity": "Gần các cửa khẩu biên giới với Trung Quốc và thành phố Lạng Sơn.",
        "latitude": D("21.880000"),
        "longitude": D("106.740000"),
        "coordinates_are_sample": True,
        "managing_body": "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn",
    },
    {
        "slug": "hop-thanh-2",
        "name": "Cụm công nghiệp số 2 Hợp Thành",
        "kind": "ccn",
        "district": "cao-loc",
        "status": "operating",
        "total_area_ha": D("8.5"),
        "fill_rate_pct": D("94"),
        "reported_tenants": 11,
        "description": (
            "Cụm công nghiệp địa phương 8,5 ha tại xã Hợp Thành, huyện Cao Lộc, đã đi vào khai "
            "thác: 11 doanh nghiệp sản xuất kinh doanh ổn định, tỷ lệ lấp đầy 94 %."
        ),
        "latitude": D("21.830000"),
        "longitude": D("106.700000"),
        "coordinates_are_sample": True,
        "managing_body": "UBND huyện Cao Lộc",
    },
]

# Sample plots, sized so that the free land matches each zone's reported fill rate.
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

# Đồng Bành's four projects (real: sectors, statuses, ~1,700 billion VND in all); the investors'
# names and the split of the capital are not in the source, so they are sample.
PROJECTS = {
    "dong-banh": [
        ("Nhà đầu tư A (tên mẫu)", "concrete", 450_000_000_000, "operating", "A1"),
        ("Nhà đầu tư B (tên mẫu)", "building-materials", 600_000_000_000, "operating", "A2"),
        ("Nhà đầu tư C (tên mẫu)", "light-industry", 350_000_000_000, "procedures", "A3"),
        ("Nhà đầu tư D (tên mẫu)", "building-materials", 300_000_000_000, "procedures", "A4"),
    ],
}

INDICATORS = [
    {
        "slug": "national-plan-industrial-parks",
        "name": "Khu công nghiệp trong quy hoạch quốc gia (Đồng Bành, Hữu Lũng)",
        "value": D("762"),
        "unit": "ha",
        "period": "2021",
    },
    {
        "slug": "local-industrial-clusters-count",
        "name": "Cụm công nghiệp địa phương theo quy hoạch",
        "value": D("16"),
        "unit": "count",
        "period": "2021",
        "note": (
            "Tại Lộc Bình, Đình Lập, Cao Lộc, Văn Lãng, Tràng Định, Bình Gia, Bắc Sơn, Hữu Lũng "
            "và thành phố Lạng Sơn; ngoài cụm số 2 Hợp Thành, các cụm đang thu hút nhà đầu tư "
            "hoặc giải phóng mặt bằng."
        ),
    },
    {
        "slug": "local-industrial-clusters-area",
        "name": "Diện tích cụm công nghiệp địa phương theo quy hoạch",
        "value": D("537"),
        "unit": "ha",
        "period": "2021",
    },
    {
        "slug": "industrial-growth-2011-2015",
        "name": "Tăng trưởng công nghiệp bình quân hằng năm",
        "value": D("7.9"),
        "unit": "percent",
        "period": "2011–2015",
    },
    {
        "slug": "industrial-growth-2016-2020",
        "name": "Tăng trưởng công nghiệp bình quân hằng năm",
        "value": D("10.97"),
        "unit": "percent",
        "period": "2016–2020",
    },
    {
        "slug": "industrial-output-2019",
        "name": "Giá trị sản xuất công nghiệp",
        "value": D("5899"),
        "unit": "billion_vnd",
        "period": "2019",
    },
    {
        "slug": "industrial-output-2020",
        "name": "Giá trị sản xuất công nghiệp",
        "value": D("6238"),
        "unit": "billion_vnd",
        "period": "2020",
        "note": "Tăng khoảng 5 % so với 2019 dù chịu ảnh hưởng của dịch COVID-19.",
    },
]
