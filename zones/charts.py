"""Small server-rendered SVG charts: readable without JavaScript, with the data as a table.

Coordinates are handed to templates as strings: a number would be localised (57,7 in
Vietnamese) and break the SVG."""

from dataclasses import dataclass


def c(number):
    """An SVG coordinate: one decimal, a dot, never localised."""
    return f"{number:.1f}"


@dataclass
class Chart:
    width: int
    height: int
    points: list  # (x, y, date, value, date label, value as text: "~60 %")
    polyline: str
    y_ticks: list  # (y, label)
    x_labels: list  # (x, date label, text-anchor)
    left: int


def line_chart(series, *, width=560, height=220, y_max=100, pad=36, left=56):
    """Coordinates for a line chart of (date, value, date label, value text) on a 0–y_max scale
    (percentages). Dates are placed by time, so uneven gaps between reports show as such; they
    are labelled as precisely as the source dates them ("2020–2021")."""
    if not series:
        return None
    first, last = series[0][0], series[-1][0]
    span = max((last - first).days, 1)
    plot_w, plot_h = width - left - pad, height - 2 * pad

    def x(day):
        return left + (plot_w * (day - first).days / span if len(series) > 1 else plot_w / 2)

    def y(value):
        return pad + plot_h * (1 - float(value) / y_max)

    points = [(c(x(point[0])), c(y(point[1])), *point) for point in series]
    return Chart(
        width=width,
        height=height,
        points=points,
        polyline=" ".join(f"{px},{py}" for px, py, *_ in points),
        y_ticks=[(c(y(v)), v) for v in range(0, y_max + 1, 25)],
        # The first date reads rightwards from its point, the last leftwards: both stay inside.
        x_labels=[(points[0][0], points[0][4], "start"), (points[-1][0], points[-1][4], "end")]
        if len(points) > 1
        else [(points[0][0], points[0][4], "middle")],
        left=left,
    )


@dataclass
class BarChart:
    width: int
    height: int
    bars: list  # (x, y, bar width, bar height, label y, period, indicator)
    baseline: int
    unit: str


def bar_chart(indicators, *, width=320, height=200, pad=28, unit=""):
    """Bars for a few indicators of one unit (growth in %, output in billion VND)."""
    if not indicators:
        return None
    top = max(float(i.value) for i in indicators) * 1.15
    slot = (width - 2 * pad) / len(indicators)
    bar_w = slot * 0.55
    plot_h = height - 2 * pad
    bars = []
    for n, indicator in enumerate(indicators):
        bar_h = plot_h * float(indicator.value) / top
        x = pad + n * slot + (slot - bar_w) / 2
        top_y = height - pad - bar_h
        bars.append((c(x), c(top_y), c(bar_w), c(bar_h), c(top_y - 6), indicator.period, indicator))
    return BarChart(width=width, height=height, bars=bars, baseline=height - pad, unit=unit)
