from decimal import Decimal

import factory

from zones.models import District, Indicator, Plot, Project, Sector, Zone


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
