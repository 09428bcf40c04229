"""PDF fact sheets of a plot, in the visitor's language, made by WeasyPrint from an HTML
template: HTML and CSS the team already writes, Pango's text shaping for Vietnamese and
Chinese, and no browser to run. Kept in the cache until the catalogue changes."""

import math

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from portal.page_cache import catalogue_version

from .geo import polygon_geometry


def outline_svg(zone_boundary, plots, *, highlight=None, width=480, height=300, pad=12):
    """A static map as inline SVG: the zone's outline and its plots' (the highlighted one filled
    darker), projected flat around their middle; no tile server. Empty when nothing is drawn."""
    shapes = []  # (rings, css class)
    if zone := polygon_geometry(zone_boundary):
        shapes.append((_rings(zone), "zone"))
    for code, boundary in plots:
        if geometry := polygon_geometry(boundary):
            shapes.append((_rings(geometry), "plot chosen" if code == highlight else "plot"))
    points = [p for rings, _ in shapes for ring in rings for p in ring]
    if not points:
        return mark_safe("")
    lngs, lats = [p[0] for p in points], [p[1] for p in points]
    x_scale = math.cos(math.radians(sum(lats) / len(lats)))
    span_x = max((max(lngs) - min(lngs)) * x_scale, 1e-9)
    span_y = max(max(lats) - min(lats), 1e-9)
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)

    def xy(p):
        x = pad + (p[0] - min(lngs)) * x_scale * scale
        y = pad + (max(lats) - p[1]) * scale
        return f"{x:.1f},{y:.1f}"

    # Presentation attributes, not CSS classes: WeasyPrint styles inline SVG by its own.
    styles = {
        "zone": ("none", "#0b3d5c", "1.5"),
        "plot": ("#cfd8dc", "#607d8b", "0.6"),
        "plot chosen": ("#198754", "#0b3d5c", "1"),
    }
    paths = format_html_join(
        "",
        '<path fill="{}" stroke="{}" stroke-width="{}" fill-rule="evenodd" d="{}"/>',
        (
            (
                *styles[css],
                " ".join("M" + " L".join(xy(p) for p in ring) + " Z" for ring in rings),
            )
            for rings, css in shapes
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}"'
        ' class="outline-map">{}</svg>',
        width,
        height,
        width,
        height,
        paths,
    )


def _rings(geometry):
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [ring for polygon in polygons for ring in polygon]


def render_pdf(key: str, template: str, context: dict, *, base_url: str) -> bytes:
    """The PDF of `template`, from the cache when the catalogue has not changed since it was
    made (the version is in the key, so a change leaves old sheets unused to expire)."""
    from weasyprint import HTML  # imported on demand: it loads Pango, ~0.3 s

    cache_key = f"factsheet:{catalogue_version()}:{get_language()}:{key}"
    if (pdf := cache.get(cache_key)) is not None:
        return pdf
    html: SafeString = render_to_string(template, context)
    pdf = HTML(string=html, base_url=base_url).write_pdf()
    cache.set(cache_key, pdf, timeout=24 * 3600)
    return pdf
