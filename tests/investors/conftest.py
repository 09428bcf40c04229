import pytest

from tests.factories import SectorFactory, ZoneFactory


@pytest.fixture
def sector(db):
    return SectorFactory(slug="building-materials", name="Vật liệu xây dựng")


@pytest.fixture
def zone(db):
    return ZoneFactory(
        slug="dong-banh", name="Khu công nghiệp Đồng Bành", contact_email="kcn@example.vn"
    )


@pytest.fixture
def valid_data(sector, zone):
    """What an investor from Guangxi types into the form."""
    return {
        "company_name": "Guangxi Building Materials Co., Ltd.",
        "contact_name": "Wang Li",
        "email": "wang.li@example.cn",
        "phone": "+86 771 123 4567",
        "country": "CN",
        "sector": str(sector.pk),
        "area_needed_ha": "20",
        "zones": [str(zone.pk)],
        "capital_amount": "15000000",
        "capital_currency": "USD",
        "jobs_expected": "250",
        "start_quarter": "",
        "message": "We want 20 ha near the border gate, power and water in place.",
        "consent": "on",
        "form_token": "6f1c1e5e-93a4-4a51-9d2b-0c1b5a7c1d11",
        "website": "",
    }
