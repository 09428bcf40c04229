"""Small server-rendered SVG charts: readable without JavaScript, with the data as a table."""

from dataclasses import dataclass


@dataclass
class Chart:
    width: int
    height: int
    points: list  # (x, y, label_date, value)
    polyline: str
    y_ticks: list  # (y, label)
    x_labels: list  # (x, label, text-anchor)
    left: int


def line_chart(series, *, width=560, height=220, y_max=100, pad=36, left=56):
    """Coordinates for a line chart of (date, value) pairs on a 0–y_max scale (percentages).

    Dates are placed by time, so uneven gaps between reports show as such."""
    if not series:
        return None
    first, last = series[0][0], series[-1][0]
    span = max((last - first).days, 1)
    plot_w, plot_h = width - left - pad, height - 2 * pad

    def x(day):
        return left + (plot_w * (day - first).days / span if len(series) > 1 else plot_w / 2)

    def y(value):
        return pad + plot_h * (1 - float(value) / y_max)

    points = [(round(x(day), 1), round(y(value), 1), day, value) for day, value in series]
    return Chart(
        width=width,
        height=height,
        points=points,
        polyline=" ".join(f"{px},{py}" for px, py, _, _ in points),
        y_ticks=[(round(y(v), 1), v) for v in range(0, y_max + 1, 25)],
        # The first date reads rightwards from its point, the last leftwards: both stay inside.
        x_labels=[(points[0][0], first, "start"), (points[-1][0], last, "end")]
        if len(points) > 1
        else [(points[0][0], first, "middle")],
        left=left,
    )
