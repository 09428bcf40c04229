from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from zones.models import District, Indicator, Plot, Project, Sector, Zone

# The staff roles' groups, as the migrations make them (portal/migrations).
ZONE_EDITORS = "Cán bộ cập nhật khu, cụm công nghiệp"
INVESTMENT_OFFICERS = "Cán bộ xúc tiến đầu tư"


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Ngành {n}")
    slug = factory.Sequence(lambda n: f"sector-{n}")


class ZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zone

    name = factory.Sequence(lambda n: f"Khu công nghiệp Thử {n}")
    slug = factory.Sequence(lambda n: f"zone-{n}")
    kind = Zone.Kind.INDUSTRIAL_PARK
    district = District.CAO_LOC
    status = Zone.Status.OPERATING
    total_area_ha = Decimal("100")
    fill_rate_pct = Decimal("50")


class PlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plot

    zone = factory.SubFactory(ZoneFactory)
    code = factory.Sequence(lambda n: f"L{n}")
    area_m2 = Decimal("10000")
    status = Plot.Status.AVAILABLE


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    zone = factory.SubFactory(ZoneFactory)
    investor_name = factory.Sequence(lambda n: f"Công ty Thử {n}")
    sector = factory.SubFactory(SectorFactory)
    registered_capital_vnd = Decimal("100000000000")
    status = Project.Status.OPERATING


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    slug = factory.Sequence(lambda n: f"indicator-{n}")
    name = "Giá trị sản xuất công nghiệp"
    value = Decimal("6238")
    unit = Indicator.Unit.BILLION_VND
    period = "2020"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"officer{n}")
    first_name = "Lan"
    last_name = "Nguyễn"
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    is_staff = True


class InquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "investors.Inquiry"

    reference = factory.Sequence(lambda n: f"EOI-2026-{n + 50000:05d}")
    submission_token = factory.Faker("uuid4", cast_to=None)
    company_name = factory.Sequence(lambda n: f"Guangxi Materials Co. {n}")
    contact_name = "Wang Li"
    email = factory.Sequence(lambda n: f"buyer{n}@example.cn")
    country = "CN"
    sector = factory.SubFactory(SectorFactory)
    language = "zh-hans"
    consent_at = factory.LazyFunction(timezone.now)
    privacy_notice_version = "2026-12"
    first_response_due = factory.LazyFunction(lambda: timezone.now() + timedelta(days=2))


# A small square inside Lạng Sơn, for zone and plot outlines.
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[106.58, 21.61], [106.59, 21.61], [106.59, 21.62], [106.58, 21.61]]],
}
