"""What occupying a plot costs: the prices that apply to it, and its rent and fees year by year.

Everything here is arithmetic on what staff recorded; what they did not record is said to be
missing, never guessed."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .charts import c
from .models import CostItem, ExchangeRate, Plot

MAX_YEARS = 70  # the longest land lease Vietnamese law grants in an economic zone
DEFAULT_YEARS = 10


def plot_costs(plot: Plot) -> list[CostItem]:
    """The prices that apply to `plot`: its own where it has one of a kind (and time of day),
    else its zone's. One query."""
    items = CostItem.objects.filter(Q(plot=None) | Q(plot_id=plot.pk), zone_id=plot.zone_id)
    chosen: dict[tuple[str, str], CostItem] = {}
    for item in items:
        key = (item.kind, item.time_of_day)
        if key not in chosen or item.plot_id:
            chosen[key] = item
    kinds = {str(kind): i for i, kind in enumerate(CostItem.Kind)}
    hours = {str(hour): i for i, hour in enumerate(CostItem.TimeOfDay)}
    return sorted(chosen.values(), key=lambda i: (kinds[i.kind], hours[i.time_of_day], i.pk))


@dataclass
class Rent:
    """A rent as the calculator uses it, whoever recorded it (the plot, or its zone)."""

    amount: Decimal
    currency: str
    basis: str
    is_sample: bool


def plot_rent(plot: Plot, costs: list[CostItem]) -> Rent | None:
    """The plot's own rent, else its zone's land rent; None when neither has an amount."""
    if plot.rent_amount:
        return Rent(plot.rent_amount, plot.rent_currency, plot.rent_basis, plot.is_sample)
    for item in costs:
        if item.kind == CostItem.Kind.LAND_RENT and item.amount and item.basis in _AREA_BASES:
            return Rent(item.amount, item.currency, item.basis, item.is_sample)
    return None


_AREA_BASES = (CostItem.Basis.PER_M2_YEAR, CostItem.Basis.PER_M2_TERM)


@dataclass
class Year:
    number: int
    rent_vnd: Decimal
    fees_vnd: Decimal
    total_vnd: Decimal
    cumulative_vnd: Decimal
    cumulative_usd: Decimal | None
    cumulative_cny: Decimal | None
    bar: tuple = ()  # (x, y, width, height) of its bar in the chart, as SVG coordinates


@dataclass
class Occupancy:
    area_m2: Decimal
    years: list[Year]
    rates: dict[str, ExchangeRate]
    missing: list[str] = field(default_factory=list)  # what could not be counted, and why
    is_sample: bool = False
    chart_width: int = 560
    chart_height: int = 140


def _vnd(amount: Decimal, currency: str, rates: dict[str, ExchangeRate]) -> Decimal | None:
    if currency == "VND":
        return amount
    rate = rates.get(currency)
    return amount * rate.vnd_per_unit if rate else None


def _round(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _round_or_none(value: Decimal | None) -> Decimal | None:
    return None if value is None else _round(value)


def occupancy(plot, costs, rates, *, area_m2: Decimal, years: int) -> Occupancy:
    """Rent and fees for `area_m2` of `plot` over `years`, year by year, in đồng, with the
    running total in USD and CNY at the staff's rates. A rent for the whole term is counted
    in the first year, as it is paid at signing unless the payment schedule says otherwise."""
    result = Occupancy(area_m2=area_m2, years=[], rates=rates)
    rent, rent_vnd_year, rent_vnd_first = plot_rent(plot, costs), Decimal(0), Decimal(0)
    if rent is None:
        result.missing.append(_("Tiền thuê đất: theo thoả thuận, chưa tính."))
    elif (per_m2 := _vnd(rent.amount, rent.currency, rates)) is None:
        result.missing.append(_("Tiền thuê đất: chưa có tỷ giá %(currency)s.") % rent.__dict__)
    elif rent.basis == Plot.RentBasis.PER_M2_YEAR:
        rent_vnd_year = per_m2 * area_m2
    else:
        rent_vnd_first = per_m2 * area_m2
    fees_vnd = Decimal(0)
    fee = next((i for i in costs if i.kind == CostItem.Kind.MANAGEMENT_FEE), None)
    if fee is None or fee.amount is None or fee.basis != CostItem.Basis.PER_M2_YEAR:
        result.missing.append(_("Phí hạ tầng, phí quản lý: theo thoả thuận, chưa tính."))
    elif (fee_per_m2 := _vnd(fee.amount, fee.currency, rates)) is None:
        result.missing.append(_("Phí quản lý: chưa có tỷ giá %(currency)s.") % fee.__dict__)
    else:
        fees_vnd = fee_per_m2 * area_m2
    result.is_sample = bool(rent and rent.is_sample) or bool(fee and fee.is_sample)
    cumulative = Decimal(0)
    for number in range(1, years + 1):
        rent_vnd = rent_vnd_year + (rent_vnd_first if number == 1 else 0)
        cumulative += rent_vnd + fees_vnd
        result.years.append(
            Year(
                number=number,
                rent_vnd=_round(rent_vnd),
                fees_vnd=_round(fees_vnd),
                total_vnd=_round(rent_vnd + fees_vnd),
                cumulative_vnd=_round(cumulative),
                cumulative_usd=_round_or_none(_in(cumulative, rates.get("USD"))),
                cumulative_cny=_round_or_none(_in(cumulative, rates.get("CNY"))),
            )
        )
    _place_bars(result)
    return result


def _in(vnd: Decimal, rate: ExchangeRate | None) -> Decimal | None:
    return vnd / rate.vnd_per_unit if rate else None


def _place_bars(result: Occupancy, pad: int = 8) -> None:
    """Bars of the running total, one per year, scaled to the last (the highest)."""
    top = result.years[-1].cumulative_vnd if result.years else 0
    if not top:
        return
    slot = (result.chart_width - 2 * pad) / len(result.years)
    plot_h = result.chart_height - 2 * pad
    for n, year in enumerate(result.years):
        height = plot_h * float(year.cumulative_vnd / top)
        x = pad + n * slot + slot * 0.1
        y = result.chart_height - pad - height
        year.bar = (c(x), c(y), c(slot * 0.8), c(height))


def default_years(plot: Plot, costs: list[CostItem]) -> int:
    """The years left of the lease term where it is known, else ten."""
    end = plot.lease_term_ends.year if plot.lease_term_ends else None
    if end is None:
        end = next((i.term_ends_year for i in costs if i.kind == CostItem.Kind.LAND_RENT), None)
    if end is None:
        return DEFAULT_YEARS
    return max(1, min(MAX_YEARS, end - timezone.localdate().year))


def cost_table(costs: list[CostItem]) -> list[tuple[str, str, list[CostItem]]]:
    """(kind, its label, its prices) for every kind of cost, recorded or not: a kind without a
    price still shows, as "on request"."""
    by_kind: dict[str, list[CostItem]] = {kind.value: [] for kind in CostItem.Kind}
    for item in costs:
        by_kind[item.kind].append(item)
    return [(kind.value, str(kind.label), by_kind[kind.value]) for kind in CostItem.Kind]
