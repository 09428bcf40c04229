"""The shipped incentive rules, location classes and licensing steps, from the shared sources
(INCENTIVES.md) with their confidence marks: H official page or two agreeing sources, M one
reputable secondary source, L weak or unconfirmed, X not found. Loaded once by the migration
`0002_load_shipped_rules`; staff keep them in the admin from then on."""

import datetime

from zones.data.langson import T

BEFORE = {"licensed_before": datetime.date(2025, 10, 1)}
FROM = {"licensed_from": datetime.date(2025, 10, 1)}
CIT_OLD = T(
    "Luật Thuế TNDN 2008 (sửa đổi bởi Luật 32/2013, 71/2014)",
    "CIT Law 2008 (as amended by Laws 32/2013, 71/2014)",
    "2008年企业所得税法（经第32/2013号、第71/2014号法律修订）",
)
CIT_NEW = T(
    "Luật Thuế TNDN 2025 (Luật 67/2025/QH15 – số hiệu chưa xác nhận)",
    "CIT Law 2025 (Law 67/2025/QH15 – number not confirmed)",
    "2025年企业所得税法（第67/2025/QH15号法律——编号未确认）",
)
IMPORT_LAW = T(
    "Luật Thuế xuất nhập khẩu 107/2016; Nghị định 134/2016",
    "Import and Export Duty Law 107/2016; Decree 134/2016",
    "第107/2016号进出口税法；第134/2016号议定",
)
LARGE = {"min_capital_vnd_bn": 6000, "min_jobs": 3001, "min_revenue_vnd_bn": 10000}
NOT_CONFIRMED = T(
    " Mức và thời hạn dự kiến giữ như luật cũ; nghị định hướng dẫn chưa thấy.",
    " Rates and holidays are expected to carry over; the guiding decree was not seen.",
    " 税率和免减期预计沿用旧法；尚未见到实施细则。",
)


def _plus(a, b):
    return {lang: a[lang] + b[lang] for lang in a}


LOCATION_CLASSES = [
    {
        "slug": "economic-zone",
        "rank": 1,
        "name": T("Khu kinh tế", "Economic zone", "经济区"),
        "confidence": "H",
        "source": T(
            "Nghị định 35/2022 (khu kinh tế được coi là địa bàn đặc biệt khó khăn)",
            "Decree 35/2022 (economic zones count as especially difficult areas)",
            "第35/2022号议定（经济区视为特别困难地区）",
        ),
    },
    {
        "slug": "especially-difficult",
        "rank": 2,
        "name": T(
            "Địa bàn kinh tế – xã hội đặc biệt khó khăn",
            "Area with especially difficult socio-economic conditions",
            "社会经济条件特别困难地区",
        ),
        "confidence": "H",
        "source": T(
            "Nghị định 31/2021, Phụ lục III; Nghị định 239/2025 (theo xã)",
            "Decree 31/2021, Appendix III; Decree 239/2025 (by commune)",
            "第31/2021号议定附录三；第239/2025号议定（按乡）",
        ),
    },
    {
        "slug": "difficult",
        "rank": 3,
        "name": T(
            "Địa bàn kinh tế – xã hội khó khăn",
            "Area with difficult socio-economic conditions",
            "社会经济条件困难地区",
        ),
        "confidence": "H",
        "source": T(
            "Nghị định 31/2021, Phụ lục III; Nghị định 239/2025 (theo xã)",
            "Decree 31/2021, Appendix III; Decree 239/2025 (by commune)",
            "第31/2021号议定附录三；第239/2025号议定（按乡）",
        ),
    },
    {
        "slug": "industrial-park",
        "rank": 4,
        "name": T("Khu công nghiệp", "Industrial park", "工业园区"),
        "confidence": "H",
        "source": T(
            "Luật Đầu tư 2020, Điều 16", "Investment Law 2020, Art. 16", "2020年投资法第16条"
        ),
    },
]

# Decree 31/2021 Appendix III for Lạng Sơn, from memory of the decree: not confirmed (L).
DISTRICT_SOURCE = T(
    "Nghị định 31/2021, Phụ lục III (chưa xác nhận: cần đối chiếu văn bản)",
    "Decree 31/2021, Appendix III (not confirmed: check the text)",
    "第31/2021号议定附录三（未确认：请核对原文）",
)
DISTRICT_CLASSES = {
    **dict.fromkeys(
        [
            "bac-son",
            "binh-gia",
            "cao-loc",
            "dinh-lap",
            "loc-binh",
            "trang-dinh",
            "van-lang",
            "van-quan",
        ],
        "especially-difficult",
    ),
    "chi-lang": "difficult",
    "huu-lung": "difficult",
}

RULES = [
    # Corporate income tax, projects licensed before 1 Oct 2025 (H).
    {
        "kind": "cit",
        "order": 1,
        "title": T(
            "Thuế TNDN ưu đãi tại khu kinh tế, địa bàn đặc biệt khó khăn",
            "CIT incentive in an economic zone or especially difficult area",
            "经济区或特别困难地区的企业所得税优惠",
        ),
        "summary": T(
            "Thuế suất 10 % trong 15 năm; miễn thuế 4 năm, giảm 50 % trong 9 năm tiếp theo.",
            "10 % for 15 years; 4 years exempt, then 50 % off for 9 years.",
            "15年内税率10%；免税4年，其后9年减半。",
        ),
        "cit_rate_pct": 10,
        "cit_rate_years": 15,
        "exempt_years": 4,
        "reduction_years": 9,
        "classes": ["economic-zone", "especially-difficult"],
        **BEFORE,
        "legal_document": CIT_OLD,
        "legal_article": T(
            "Nghị định 218/2013, Điều 15–16",
            "Decree 218/2013, Art. 15–16",
            "第218/2013号议定第15–16条",
        ),
        "confidence": "H",
    },
    {
        "kind": "cit",
        "order": 2,
        "title": T(
            "Thuế TNDN ưu đãi cho dự án quy mô lớn",
            "CIT incentive for a large project",
            "大型项目企业所得税优惠",
        ),
        "summary": T(
            "Vốn từ 6.000 tỷ đồng, giải ngân đủ trong 3 năm kể từ khi cấp IRC, và doanh thu từ "
            "10.000 tỷ đồng/năm hoặc trên 3.000 lao động: 10 % trong 15 năm, miễn 4 năm, giảm 50 % "
            "9 năm.",
            "Capital ≥ 6,000 billion VND, disbursed within 3 years of the IRC, and revenue ≥ "
            "10,000 billion VND a year or > 3,000 workers: 10 % for 15 years, 4 + 9.",
            "投资额≥6万亿越南盾且IRC后3年内到位，年收入≥10万亿越南盾或员工>3000人：15年10%，"
            "免4减半9。",
        ),
        "cit_rate_pct": 10,
        "cit_rate_years": 15,
        "exempt_years": 4,
        "reduction_years": 9,
        **LARGE,
        **BEFORE,
        "legal_document": CIT_OLD,
        "legal_article": T(
            "Luật Đầu tư 2020, Điều 15–16; Nghị định 218/2013, Điều 15",
            "Investment Law 2020, Art. 15–16; Decree 218/2013, Art. 15",
            "2020年投资法第15–16条；第218/2013号议定第15条",
        ),
        "confidence": "H",
    },
    {
        "kind": "cit",
        "order": 3,
        "title": T(
            "Thuế TNDN ưu đãi tại địa bàn khó khăn",
            "CIT incentive in a difficult area",
            "困难地区的企业所得税优惠",
        ),
        "summary": T(
            "Thuế suất 17 % trong 10 năm; miễn thuế 2 năm, giảm 50 % trong 4 năm tiếp theo.",
            "17 % for 10 years; 2 years exempt, then 50 % off for 4 years.",
            "10年内税率17%；免税2年，其后4年减半。",
        ),
        "cit_rate_pct": 17,
        "cit_rate_years": 10,
        "exempt_years": 2,
        "reduction_years": 4,
        "classes": ["difficult"],
        **BEFORE,
        "legal_document": CIT_OLD,
        "legal_article": T(
            "Nghị định 218/2013, Điều 15–16",
            "Decree 218/2013, Art. 15–16",
            "第218/2013号议定第15–16条",
        ),
        "confidence": "H",
    },
    {
        "kind": "cit",
        "order": 4,
        "title": T(
            "Miễn, giảm thuế TNDN trong khu công nghiệp",
            "CIT holiday in an industrial park",
            "工业园区企业所得税免减",
        ),
        "summary": T(
            "Thuế suất phổ thông 20 %; miễn thuế 2 năm, giảm 50 % trong 4 năm tiếp theo.",
            "Standard 20 %; 2 years exempt, then 50 % off for 4 years.",
            "标准税率20%；免税2年，其后4年减半。",
        ),
        "exempt_years": 2,
        "reduction_years": 4,
        "classes": ["industrial-park"],
        **BEFORE,
        "legal_document": CIT_OLD,
        "legal_article": T(
            "Nghị định 218/2013, Điều 16", "Decree 218/2013, Art. 16", "第218/2013号议定第16条"
        ),
        "confidence": "H",
    },
    # The new CIT law (in force 1 Oct 2025): areas and economic zones remain (H), their rates
    # and holidays are expected to carry over (X).
    {
        "kind": "cit",
        "order": 5,
        "title": T(
            "Thuế TNDN ưu đãi tại khu kinh tế, địa bàn đặc biệt khó khăn (luật mới)",
            "CIT incentive in an economic zone or especially difficult area (new law)",
            "经济区或特别困难地区的企业所得税优惠（新法）",
        ),
        "summary": _plus(
            T(
                "10 % trong 15 năm, miễn 4 năm, giảm 50 % 9 năm.",
                "10 % for 15 years, 4 + 9.",
                "15年10%，免4减半9。",
            ),
            NOT_CONFIRMED,
        ),
        "cit_rate_pct": 10,
        "cit_rate_years": 15,
        "exempt_years": 4,
        "reduction_years": 9,
        "classes": ["economic-zone", "especially-difficult"],
        **FROM,
        "legal_document": CIT_NEW,
        "confidence": "X",
    },
    {
        "kind": "cit",
        "order": 6,
        "title": T(
            "Thuế TNDN ưu đãi cho dự án quy mô lớn (luật mới)",
            "CIT incentive for a large project (new law)",
            "大型项目企业所得税优惠（新法）",
        ),
        "summary": _plus(
            T(
                "10 % trong 15 năm, miễn 4 năm, giảm 50 % 9 năm.",
                "10 % for 15 years, 4 + 9.",
                "15年10%，免4减半9。",
            ),
            NOT_CONFIRMED,
        ),
        "cit_rate_pct": 10,
        "cit_rate_years": 15,
        "exempt_years": 4,
        "reduction_years": 9,
        **LARGE,
        **FROM,
        "legal_document": CIT_NEW,
        "confidence": "X",
    },
    {
        "kind": "cit",
        "order": 7,
        "title": T(
            "Thuế TNDN ưu đãi tại địa bàn khó khăn (luật mới)",
            "CIT incentive in a difficult area (new law)",
            "困难地区的企业所得税优惠（新法）",
        ),
        "summary": _plus(
            T(
                "17 % trong 10 năm, miễn 2 năm, giảm 50 % 4 năm.",
                "17 % for 10 years, 2 + 4.",
                "10年17%，免2减半4。",
            ),
            NOT_CONFIRMED,
        ),
        "cit_rate_pct": 17,
        "cit_rate_years": 10,
        "exempt_years": 2,
        "reduction_years": 4,
        "classes": ["difficult"],
        **FROM,
        "legal_document": CIT_NEW,
        "confidence": "X",
    },
    {
        "kind": "cit",
        "order": 8,
        "title": T(
            "Thuế suất cho doanh nghiệp nhỏ",
            "Rate for a small enterprise",
            "小型企业税率",
        ),
        "summary": T(
            "15 % cho doanh nghiệp có doanh thu năm dưới 3 tỷ đồng, từ kỳ tính thuế 2025.",
            "15 % for an enterprise with annual revenue under 3 billion VND, from tax year 2025.",
            "年收入低于30亿越南盾的企业税率15%，自2025纳税年度起。",
        ),
        "cit_rate_pct": 15,
        "max_revenue_vnd_bn": 3,
        "legal_document": CIT_NEW,
        "confidence": "M",
    },
    {
        "kind": "cit",
        "order": 9,
        "title": T(
            "Thuế suất cho doanh nghiệp vừa",
            "Rate for a medium enterprise",
            "中型企业税率",
        ),
        "summary": T(
            "17 % cho doanh nghiệp có doanh thu năm từ 3 đến dưới 50 tỷ đồng, từ kỳ tính thuế "
            "2025.",
            "17 % for an enterprise with annual revenue of 3 to 50 billion VND, from tax year "
            "2025.",
            "年收入30亿至500亿越南盾的企业税率17%，自2025纳税年度起。",
        ),
        "cit_rate_pct": 17,
        "min_revenue_vnd_bn": 3,
        "max_revenue_vnd_bn": 50,
        "legal_document": CIT_NEW,
        "confidence": "M",
    },
    # Land rent (H; longer tiers and sub-leases X).
    {
        "kind": "land_rent",
        "order": 1,
        "title": T(
            "Miễn tiền thuê đất trong thời gian xây dựng cơ bản",
            "Land rent exempt during construction",
            "基本建设期间免土地租金",
        ),
        "summary": T(
            "Tối đa 3 năm; thêm 3 năm cho dự án thuộc ngành nghề ưu đãi đầu tư. Các mức dài hơn "
            "theo địa bàn và ngành (7, 11, 15 năm, cả thời hạn thuê) chưa xác nhận.",
            "Up to 3 years; 3 more for projects in an incentive sector. Longer tiers by area and "
            "sector (7, 11, 15 years, the whole term) are not confirmed.",
            "最长3年；鼓励投资行业的项目再加3年。按地区和行业的更长期限（7、11、15年或整个租期）"
            "尚未确认。",
        ),
        "exempt_years_other": 3,
        "legal_document": T(
            "Nghị định 103/2024 (thay Nghị định 46/2014, từ 01/8/2024)",
            "Decree 103/2024 (replacing Decree 46/2014, from 1 Aug 2024)",
            "第103/2024号议定（自2024年8月1日起取代第46/2014号议定）",
        ),
        "confidence": "H",
    },
    # Import duty (H).
    {
        "kind": "import_duty",
        "order": 1,
        "title": T(
            "Miễn thuế nhập khẩu hàng hoá tạo tài sản cố định",
            "Import duty exemption on goods forming fixed assets",
            "构成固定资产的进口货物免征进口税",
        ),
        "summary": T(
            "Hàng hoá nhập khẩu để tạo tài sản cố định của dự án thuộc diện ưu đãi đầu tư.",
            "Goods imported to form the fixed assets of an incentive-eligible project.",
            "享受投资优惠项目为形成固定资产而进口的货物。",
        ),
        # Industrial parks stay incentive areas under the Investment Law (Art. 16): the new CIT
        # law's "a park alone no longer qualifies" is about corporate income tax.
        "classes": ["economic-zone", "especially-difficult", "difficult", "industrial-park"],
        "legal_document": IMPORT_LAW,
        "legal_article": T("Điều 16 khoản 11", "Art. 16.11", "第16条第11款"),
        "confidence": "H",
    },
    {
        "kind": "import_duty",
        "order": 3,
        "title": T(
            "Miễn thuế nhập khẩu nguyên liệu, vật tư, linh kiện trong 5 năm",
            "Import duty exemption on materials and components for 5 years",
            "原材料、物资、零部件免征进口税5年",
        ),
        "summary": T(
            "Nguyên liệu, vật tư, linh kiện trong nước chưa sản xuất được, 5 năm từ khi bắt đầu "
            "sản xuất; không áp dụng cho dự án sản xuất hàng chịu thuế tiêu thụ đặc biệt.",
            "Raw materials, supplies and components not produced in Vietnam, for 5 years from "
            "the start of production; not for projects making goods subject to excise tax.",
            "越南国内尚不能生产的原材料、物资、零部件，自投产起5年；生产应税消费品的项目除外。",
        ),
        "exempt_years_other": 5,
        "classes": ["economic-zone", "especially-difficult"],
        "legal_document": IMPORT_LAW,
        "legal_article": T("Điều 16 khoản 13", "Art. 16.13", "第16条第13款"),
        "confidence": "H",
    },
    # Warnings.
    {
        "kind": "warning",
        "order": 1,
        "title": T(
            "Thuế tối thiểu toàn cầu",
            "Global minimum tax",
            "全球最低税",
        ),
        "summary": T(
            "Thành viên tập đoàn đa quốc gia có doanh thu hợp nhất từ 750 triệu EUR trong 2 của 4 "
            "năm trước nộp bổ sung đến thuế suất thực tế 15 %: ưu đãi 10 % hay 0 % phần lớn bị "
            "bù trừ.",
            "Members of multinational groups with consolidated revenue ≥ EUR 750 million in 2 "
            "of the 4 preceding years pay a top-up to a 15 % effective rate: a 10 % or 0 % "
            "incentive is largely offset.",
            "前4年中有2年合并收入≥7.5亿欧元的跨国集团成员须补缴至15%的有效税率：10%或0%的"
            "优惠大部分被抵消。",
        ),
        "large_group": True,
        "bites_below_cit_pct": 15,
        "legal_document": T(
            "Nghị quyết 107/2023/QH15; Nghị định 236/2025",
            "Resolution 107/2023/QH15; Decree 236/2025",
            "第107/2023/QH15号决议；第236/2025号议定",
        ),
        "confidence": "H",
    },
    {
        "kind": "warning",
        "order": 2,
        "title": T(
            "Vị trí trong khu công nghiệp không còn đủ để được ưu đãi",
            "An industrial-park location alone no longer qualifies",
            "仅位于工业园区已不再享受优惠",
        ),
        "summary": T(
            "Với dự án được cấp phép từ 01/10/2025, chỉ riêng việc nằm trong khu công nghiệp không "
            "còn được ưu đãi thuế TNDN; địa bàn khó khăn, đặc biệt khó khăn và khu kinh tế vẫn "
            "được ưu đãi. Ưu đãi đã cấp tiếp tục được hưởng.",
            "For projects licensed from 1 Oct 2025, an industrial-park location alone no longer "
            "earns a CIT incentive; difficult and especially difficult areas and economic zones "
            "still do. Incentives already granted continue.",
            "2025年10月1日起获证的项目，仅位于工业园区不再享受企业所得税优惠；困难、特别困难地区"
            "和经济区仍享受优惠。已获得的优惠继续有效。",
        ),
        "classes": ["industrial-park"],
        **FROM,
        "legal_document": CIT_NEW,
        "confidence": "H",
    },
    {
        "kind": "warning",
        "order": 3,
        "title": T(
            "Miễn tiền thuê đất khi thuê lại đất của chủ đầu tư hạ tầng",
            "Land-rent exemption when sub-leasing from the park developer",
            "向园区开发商转租土地时的租金减免",
        ),
        "summary": T(
            "Chưa xác nhận các ưu đãi tiền thuê đất có áp dụng cho doanh nghiệp thuê lại đất trong "
            "khu, cụm công nghiệp hay không: hãy hỏi chủ đầu tư hạ tầng và Ban quản lý.",
            "Whether land-rent exemptions reach a tenant sub-leasing from a park developer is "
            "not confirmed: ask the developer and the management board.",
            "土地租金减免是否适用于向园区开发商转租土地的企业尚未确认：请咨询开发商和管委会。",
        ),
        "legal_document": T("Nghị định 103/2024", "Decree 103/2024", "第103/2024号议定"),
        "confidence": "X",
    },
    {
        "kind": "warning",
        "order": 4,
        "title": T(
            "Quỹ hỗ trợ đầu tư",
            "Investment Support Fund",
            "投资支持基金",
        ),
        "summary": T(
            "Dự án công nghệ cao từ 12.000 tỷ đồng vốn hoặc 20.000 tỷ đồng doanh thu/năm, và trung "
            "tâm R&D từ 3.000 tỷ đồng, có thể được hỗ trợ chi phí.",
            "High-tech projects with ≥ 12,000 billion VND capital or ≥ 20,000 billion VND revenue "
            "a year, and R&D centres ≥ 3,000 billion VND, may receive grants.",
            "投资额≥12万亿越南盾或年收入≥20万亿越南盾的高科技项目，以及≥3万亿越南盾的研发中心，"
            "可获资助。",
        ),
        "min_capital_vnd_bn": 3000,
        "legal_document": T("Nghị định 182/2024", "Decree 182/2024", "第182/2024号议定"),
        "confidence": "H",
    },
]

# The licensing steps seen on Vietnamese provinces' eRegulations portals (H); the time limits
# are from one secondary source (M). Where the deciding body or documents go beyond the sources,
# the step is marked L until staff confirm it. Fees are left to staff where not known.
STEP_SOURCE = T(
    "Cổng eRegulations của các tỉnh; Luật Đầu tư 2020",
    "Provinces' eRegulations portals; Investment Law 2020",
    "各省eRegulations门户；2020年投资法",
)
BOARD = T(
    "Ban quản lý khu kinh tế, khu công nghiệp của tỉnh",
    "The province's economic-zone and industrial-park management board",
    "省经济区和工业园区管理委员会",
)
BOARD_CONTACT = T(
    "Ban quản lý khu (xem mục Liên hệ trên trang của khu)",
    "The zone's management board (see Contact on the zone's page)",
    "园区管理委员会（见园区页面的联系方式）",
)
STEPS = [
    {
        "title": T(
            "Chấp thuận chủ trương đầu tư (khi luật yêu cầu)",
            "Investment policy approval (where required)",
            "投资主张批准（如需）",
        ),
        "what": T(
            "Cấp có thẩm quyền chấp thuận mục tiêu, quy mô, địa điểm của dự án. Chỉ cần cho một số "
            "dự án (ví dụ dự án lớn); Ban quản lý cho biết dự án của bạn có cần hay không.",
            "The competent authority approves the project's objectives, scale and location. "
            "Only some projects need it (large ones, for instance); the board tells you whether "
            "yours does.",
            "主管机关批准项目的目标、规模和地点。仅部分项目（如大型项目）需要；管委会会告知您的"
            "项目是否需要。",
        ),
        "who_decides": T(
            "Ủy ban nhân dân tỉnh (hoặc Thủ tướng, Quốc hội với dự án rất lớn)",
            "The provincial People's Committee (the Prime Minister or National Assembly for "
            "very large projects)",
            "省人民委员会（特大型项目由总理或国会批准）",
        ),
        "documents": T(
            "Đề xuất dự án, tài liệu về tư cách pháp lý và năng lực tài chính của nhà đầu tư.",
            "Project proposal, the investor's legal status and proof of financial capacity.",
            "项目建议书、投资者法律地位及财务能力证明。",
        ),
        "time_limit": T(
            "35 ngày (gồm cả cấp IRC)",
            "35 days (IRC included)",
            "35天（含IRC）",
        ),
        "min_capital_vnd_bn": 6000,
        "confidence": "M",
    },
    {
        "title": T(
            "Giấy chứng nhận đăng ký đầu tư (IRC)",
            "Investment Registration Certificate (IRC)",
            "投资登记证（IRC）",
        ),
        "what": T(
            "Ghi nhận dự án và các ưu đãi đầu tư của dự án: đây là văn bản ràng buộc về ưu đãi.",
            "Records the project and its investment incentives: the binding word on incentives.",
            "登记项目及其投资优惠：优惠以此为准。",
        ),
        "who_decides": BOARD,
        "documents": T(
            "Văn bản đề nghị, đề xuất dự án, tài liệu pháp lý và tài chính của nhà đầu tư, thoả "
            "thuận thuê đất với chủ đầu tư hạ tầng.",
            "Application, project proposal, the investor's legal and financial documents, the "
            "land agreement with the park developer.",
            "申请书、项目建议书、投资者法律和财务文件、与园区开发商的土地协议。",
        ),
        "time_limit": T("15 ngày", "15 days", "15天"),
        "confidence": "M",
    },
    {
        "title": T(
            "Giấy chứng nhận đăng ký doanh nghiệp (ERC)",
            "Enterprise Registration Certificate (ERC)",
            "企业登记证（ERC）",
        ),
        "what": T(
            "Thành lập công ty thực hiện dự án.",
            "Sets up the company that carries out the project.",
            "设立实施项目的公司。",
        ),
        "who_decides": T(
            "Sở Tài chính (phòng đăng ký kinh doanh) tỉnh Lạng Sơn",
            "Lạng Sơn's Department of Finance (business registration office)",
            "谅山省财政厅（企业登记处）",
        ),
        "documents": T(
            "Điều lệ, danh sách thành viên hoặc cổ đông, bản sao IRC.",
            "Charter, list of members or shareholders, copy of the IRC.",
            "公司章程、成员或股东名单、IRC副本。",
        ),
        "confidence": "L",  # the step is in the sources (H); its body and documents are not
    },
    {
        "title": T(
            "Con dấu và mã số thuế",
            "Company seal and tax code",
            "公司印章和税号",
        ),
        "what": T(
            "Mã số doanh nghiệp là mã số thuế; khắc dấu và mở tài khoản vốn đầu tư trực tiếp.",
            "The enterprise number is the tax code; make the seal and open the direct "
            "investment capital account.",
            "企业编号即税号；刻制印章并开立直接投资资本账户。",
        ),
        "who_decides": T("Cơ quan thuế; ngân hàng", "Tax office; bank", "税务机关；银行"),
        "confidence": "L",  # the step is in the sources (H); its body and documents are not
    },
    {
        "title": T(
            "Thuê lại đất trong khu",
            "Land sub-lease in the zone",
            "园区内土地转租",
        ),
        "what": T(
            "Hợp đồng thuê lại đất với chủ đầu tư hạ tầng (hoặc thuê đất của Nhà nước ngoài khu).",
            "Sub-lease contract with the park developer (or a lease from the State outside a "
            "park).",
            "与园区开发商签订土地转租合同（园区外则向国家租地）。",
        ),
        "who_decides": T(
            "Chủ đầu tư hạ tầng khu",
            "The park developer",
            "园区开发商",
        ),
        "parallel": T(
            "Có thể đàm phán từ trước khi xin IRC.",
            "Can be negotiated before the IRC application.",
            "可在申请IRC前洽谈。",
        ),
        "confidence": "H",
    },
    {
        "title": T(
            "Đánh giá tác động môi trường hoặc giấy phép môi trường",
            "Environmental impact assessment or environmental permit",
            "环境影响评价或环境许可证",
        ),
        "what": T(
            "Tuỳ loại và quy mô dự án: báo cáo đánh giá tác động môi trường, giấy phép môi trường "
            "hoặc đăng ký môi trường.",
            "Depending on the project's type and scale: an impact assessment report, an "
            "environmental permit or an environmental registration.",
            "视项目类型和规模：环境影响评价报告、环境许可证或环境登记。",
        ),
        "who_decides": T(
            "Sở Nông nghiệp và Môi trường hoặc Ban quản lý (theo phân cấp)",
            "Department of Agriculture and Environment, or the board (as delegated)",
            "农业与环境厅或管委会（按分级）",
        ),
        "parallel": T(
            "Song song với thẩm duyệt phòng cháy.",
            "In parallel with the fire-safety approval.",
            "可与消防审批同时进行。",
        ),
        "confidence": "L",  # the step is in the sources (H); its body and documents are not
    },
    {
        "title": T(
            "Thẩm duyệt thiết kế phòng cháy chữa cháy",
            "Fire-safety design approval",
            "消防设计审核",
        ),
        "what": T(
            "Thẩm duyệt hồ sơ thiết kế về phòng cháy chữa cháy của nhà xưởng.",
            "Approval of the factory's fire-safety design.",
            "审核厂房的消防设计。",
        ),
        "who_decides": T(
            "Phòng Cảnh sát PCCC và CNCH, Công an tỉnh",
            "Fire police, provincial Police",
            "省公安厅消防警察处",
        ),
        "parallel": T(
            "Song song với thủ tục môi trường.",
            "In parallel with the environmental procedure.",
            "可与环境手续同时进行。",
        ),
        "confidence": "L",  # the step is in the sources (H); its body and documents are not
    },
    {
        "title": T(
            "Giấy phép xây dựng (hoặc miễn giấy phép)",
            "Construction permit (or exemption)",
            "建设许可证（或豁免）",
        ),
        "what": T(
            "Trong khu công nghiệp đã có quy hoạch chi tiết được duyệt, công trình có thể được "
            "miễn giấy phép xây dựng; khi đó chỉ cần thông báo khởi công.",
            "Inside a park with approved detailed planning, the building may be exempt from a "
            "permit; then a notice of the start of works suffices.",
            "在详细规划已获批的工业园区内，工程可免办建设许可证，只需报告开工。",
        ),
        "who_decides": BOARD,
        "confidence": "H",
    },
    {
        "title": T("Khởi công", "Start of works", "开工"),
        "what": T(
            "Thông báo khởi công và bắt đầu xây dựng.",
            "Notify the start of works and begin building.",
            "报告开工并开始建设。",
        ),
        "who_decides": BOARD,
        "confidence": "H",
    },
]
