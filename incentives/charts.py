"""The CIT illustration as a server-rendered SVG: the tax of each year under the project's regime
as bars, the standard 20 % as a dashed line. No JavaScript; the same figures are in a table."""

from dataclasses import dataclass
from decimal import Decimal

from zones.charts import c


@dataclass
class CitChart:
    width: int
    height: int
    bars: list  # (x, y, width, height, year, tax)
    standard_y: str
    baseline: int
    left: int
    right: int
    top_label: Decimal


def cit_chart(rows, *, width=560, height=220, pad=28, left=16) -> CitChart | None:
    """rows: (year, rate, tax, standard tax) from Answer.illustration."""
    if not rows:
        return None
    top = max(max(r[2] for r in rows), rows[0][3]) or Decimal(1)
    scale = Decimal("1.15") * top
    plot_h = height - 2 * pad
    slot = (width - left - pad) / len(rows)
    bar_w = slot * 0.6

    def y(value):
        return height - pad - plot_h * float(value / scale)

    bars = []
    for n, (year, _rate, tax, _standard) in enumerate(rows):
        top_y = y(tax)
        bars.append(
            (
                c(left + n * slot + (slot - bar_w) / 2),
                c(top_y),
                c(bar_w),
                c(height - pad - top_y),
                year,
                tax,
            )
        )
    return CitChart(
        width=width,
        height=height,
        bars=bars,
        standard_y=c(y(rows[0][3])),
        baseline=height - pad,
        left=left,
        right=width - pad,
        top_label=rows[0][3],
    )
