"""How figures are told: free land by one rule, rounded no finer than its inputs, estimates and
approximate source figures marked ("~", "≈"), dates only as precise as the source.

Every page, the API and the downloads take a zone's free land from `FreeLand.of(zone)`, which
reads the columns the database computes by one rule (`Zone.free_area_basis`, `Zone.free_area_ha`),
so they cannot disagree.
"""

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .templatetags.zones_tags import num

# A fill rate is reported in whole per cent, so an estimate from it carries two significant
# figures: 64.8 ha is told as ≈ 65 ha, 280 ha as ≈ 280 ha, 0.51 ha as ≈ 0.51 ha.
ESTIMATE_DIGITS = 2
# Plot areas are recorded to the square metre: a sum of plots is exact to 0.01 ha.
PLOT_UNIT = Decimal("0.01")


class FreeBasis(models.TextChoices):
    """What a free-land figure is computed from (the API's and the CSV's `free_area_basis`)."""

    PLOT_INVENTORY = "plot_inventory", gettext_lazy("tổng các lô còn trống")
    REPORTED_FILL_RATE = (
        "reported_fill_rate",
        gettext_lazy("ước tính từ tỷ lệ lấp đầy đã báo cáo"),
    )
    UPPER_BOUND = (
        "reported_fill_rate_upper_bound",
        gettext_lazy("giới hạn trên, từ tỷ lệ lấp đầy và tổng diện tích"),
    )
    UNKNOWN = "unknown", gettext_lazy("chưa báo cáo")

    @classmethod
    def estimates(cls) -> list[str]:
        return [cls.REPORTED_FILL_RATE.value, cls.UPPER_BOUND.value]


def estimate_unit(value: Decimal) -> Decimal:
    """The rounding unit of an estimate of `value`: its second significant figure."""
    if not value:
        return PLOT_UNIT
    return Decimal(1).scaleb(value.adjusted() - ESTIMATE_DIGITS + 1)


def round_to(value: Decimal, unit: Decimal) -> Decimal:
    rounded = value.quantize(unit, ROUND_HALF_UP)
    # 2.8E+2 → 280: a plain number for the CSV and the API.
    return rounded.quantize(Decimal(1)) if unit >= 1 else rounded


@dataclass(frozen=True)
class FreeLand:
    """A zone's free land (or a total of several), as every page, the API and the CSV tell it."""

    basis: str
    ha: Decimal | None  # rounded to what its inputs allow
    free_share_pct: Decimal | None = None  # the fill rate's complement, for an upper bound
    share_approximate: bool = False
    is_sample: bool = False

    @property
    def approximate(self) -> bool:
        """An estimate from a fill rate: shown with "≈"."""
        return self.basis in FreeBasis.estimates()

    @property
    def upper_bound(self) -> bool:
        return self.basis == FreeBasis.UPPER_BOUND

    @property
    def basis_label(self) -> str:
        return str(FreeBasis(self.basis).label)

    @classmethod
    def of(cls, zone: Any) -> "FreeLand":
        """From a zone (or a row with its `free_area_basis`, `free_area_ha` and `is_sample`)."""
        basis, raw = zone.free_area_basis, zone.free_area_ha
        if raw is None:
            return cls(FreeBasis.UNKNOWN, None, is_sample=zone.is_sample)
        raw = Decimal(raw)
        if basis == FreeBasis.PLOT_INVENTORY:
            return cls(basis, round_to(raw, PLOT_UNIT), is_sample=zone.is_sample)
        return cls(
            basis,
            round_to(raw, estimate_unit(raw)),
            free_share_pct=100 - zone.fill_rate_pct,
            share_approximate=zone.fill_rate_approximate,
            is_sample=zone.is_sample,
        )

    @classmethod
    def total(
        cls, raw: Decimal | None, *, largest_estimate_ha: Decimal | None, upper_bound: bool
    ) -> "FreeLand":
        """A sum of zones' free land: rounded as its roughest part (the largest estimate),
        an estimate if any part is one, an upper bound if any part is one."""
        if raw is None:
            return cls(FreeBasis.UNKNOWN, None)
        raw = Decimal(raw)
        if upper_bound:
            basis = FreeBasis.UPPER_BOUND
        elif largest_estimate_ha is not None:
            basis = FreeBasis.REPORTED_FILL_RATE
        else:
            basis = FreeBasis.PLOT_INVENTORY
        unit = PLOT_UNIT
        if largest_estimate_ha is not None:
            unit = max(unit, estimate_unit(Decimal(largest_estimate_ha)))
        return cls(basis, round_to(raw, unit))

    def text(self) -> str:
        """ "≈ 65 ha", "tối đa ≈ 280 ha", "3.01 ha", or "chưa báo cáo"."""
        if self.ha is None:
            return _("chưa báo cáo")
        figure = f"{'≈ ' if self.approximate else ''}{num(self.ha, 2)} {_('ha')}"
        return _("tối đa %(figure)s") % {"figure": figure} if self.upper_bound else figure


class AsOfPrecision(models.TextChoices):
    DAY = "day", gettext_lazy("ngày")
    MONTH = "month", gettext_lazy("tháng")
    YEAR = "year", gettext_lazy("năm")


def _as_of_part(day: date, precision: str) -> str:
    if precision == AsOfPrecision.YEAR:
        return str(day.year)
    if precision == AsOfPrecision.MONTH:
        return date_format(day, "YEAR_MONTH_FORMAT")
    return date_format(day, "DATE_FORMAT")


def as_of_label(as_of: date | None, precision: str, until: date | None = None) -> str:
    """A date as precise as the source gives it: 15/06/2024, 06/2024, 2021 or 2020–2021."""
    if as_of is None:
        return ""
    start = _as_of_part(as_of, precision)
    end = _as_of_part(until, precision) if until else start
    return start if end == start else f"{start}–{end}"


# A figure in prose: digits followed by a unit of area, share or money, or by what was counted.
# Descriptions speak of the zone; figures are fields, rendered beside them, so they never go
# stale in a sentence that nobody updates.
FIGURE_IN_PROSE = re.compile(
    r"\d[\d.,  ]*\s*(?:ha\b|hecta|héc-ta|hectare|公顷|%|％|phần trăm|per ?cent|"
    r"tỷ|tỉ|triệu|billion|million|亿|万|"
    r"dự án|doanh nghiệp|projects?\b|companies|enterprises|个项目|家企业|家公司)",
    re.IGNORECASE,
)


def figures_in_prose(text: str) -> list[str]:
    """The figures written into `text` ("400 ha", "60 %", "1.700 tỷ", "4 dự án")."""
    return [match.group(0).strip() for match in FIGURE_IN_PROSE.finditer(text or "")]
