"""Load the Lạng Sơn data: create what is missing, never overwrite what staff have changed."""

import math
from collections import Counter
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction

from zones.data import langson
from zones.models import (
    M2_PER_HA,
    Building,
    ContactPoint,
    CostItem,
    ExchangeRate,
    Indicator,
    Plot,
    Project,
    Sector,
    Zone,
)

TRANSLATED = {"vi", "en", "zh_hans"}  # the keys of a translated value (langson.T)


def _is_empty(value):
    return value is None or value == ""


def _columns(values):
    """Spread translated values ({"vi": ..., "en": ...}) over their per-language columns."""
    columns = {}
    for field, value in values.items():
        if isinstance(value, dict) and set(value) == TRANSLATED:
            columns.update({f"{field}_{language}": text for language, text in value.items()})
        else:
            columns[field] = value
    return columns


def sample_layout(zone, plots, gap_m=30):
    """Sample plot outlines: squares of each plot's area, in rows of three around the zone's
    centre, and the zone's outline around them. Keyed by plot code; the zone's under None."""
    lat0, lng0 = float(zone["latitude"]), float(zone["longitude"])
    m_per_deg_lat = 111_320
    m_per_deg_lng = 111_320 * math.cos(math.radians(lat0))
    sides = [math.sqrt(area) for _, area, *_ in plots]
    row_width = max(sum(sides[i : i + 3]) + gap_m * 2 for i in range(0, len(sides), 3))
    outlines, x, y, row_height = {}, -row_width / 2, 0.0, 0.0
    for n, ((code, *_), side) in enumerate(zip(plots, sides, strict=True)):
        if n and n % 3 == 0:
            x, y, row_height = -row_width / 2, y - row_height - gap_m, 0.0
        outlines[code] = _square(lng0, lat0, x, y, side, m_per_deg_lng, m_per_deg_lat)
        x += side + gap_m
        row_height = max(row_height, side)
    bottom = y - row_height
    margin = 60
    west, east = -row_width / 2 - margin, row_width / 2 + margin
    north, south = margin, bottom - margin
    # Counter-clockwise, as RFC 7946 wants an exterior ring (the site turns any ring on output too).
    ring = [(west, north), (west, south), (east, south), (east, north), (west, north)]
    outlines[None] = {
        "type": "Polygon",
        "coordinates": [
            [
                [round(lng0 + dx / m_per_deg_lng, 6), round(lat0 + dy / m_per_deg_lat, 6)]
                for dx, dy in ring
            ]
        ],
    }
    return outlines


def _square(lng0, lat0, x, y, side, m_per_deg_lng, m_per_deg_lat):
    corners = [(x, y), (x, y - side), (x + side, y - side), (x + side, y), (x, y)]
    return {
        "type": "Polygon",
        "coordinates": [
            [
                [round(lng0 + dx / m_per_deg_lng, 6), round(lat0 + dy / m_per_deg_lat, 6)]
                for dx, dy in corners
            ]
        ],
    }


class Loader:
    def __init__(self):
        self.stats = Counter()

    def sync(self, model, lookup, values):
        """Create the row if missing; on an existing row fill only the fields that are empty.

        A value that staff have set (or cleared to another value) is never replaced.
        """
        lookup, values = _columns(lookup), _columns(values)
        obj = model.objects.filter(**lookup).first()
        label = model._meta.verbose_name_plural
        if obj is None:
            obj = model(**{**values, **lookup})
            obj.full_clean()
            obj.save()
            self.stats[(label, "created")] += 1
            return obj, True
        empty = [f for f, v in values.items() if _is_empty(getattr(obj, f)) and not _is_empty(v)]
        for field in empty:
            setattr(obj, field, values[field])
        if empty:
            obj.full_clean()
            obj.save(update_fields=empty)
            self.stats[(label, "completed")] += 1
        return obj, False

    def load(self):
        sectors = {
            s["slug"]: self.sync(Sector, {"slug": s["slug"]}, {"name": s["name"]})[0]
            for s in langson.SECTORS
        }
        zones = {}
        for record in langson.ZONES:
            values = {k: v for k, v in record.items() if k not in ("slug", "sectors")}
            if parent := values.pop("parent", None):
                values["parent"] = zones[parent]
            values.setdefault("source", langson.SOURCE)
            values.setdefault("figures_as_of", langson.AS_OF)
            values.setdefault("figures_as_of_precision", langson.AS_OF_PRECISION)
            values.setdefault("figures_as_of_until", langson.AS_OF_UNTIL)
            if record["slug"] in langson.PLOTS:
                values["boundary"] = sample_layout(record, langson.PLOTS[record["slug"]])[None]
            zone = zones[record["slug"]] = self.sync(Zone, {"slug": record["slug"]}, values)[0]
            if record.get("sectors") and not zone.sectors.exists():
                zone.sectors.set(sectors[s] for s in record["sectors"])

        for slug, plots in langson.PLOTS.items():
            zone = zones[slug]
            outlines = sample_layout(langson.ZONES_BY_SLUG[slug], plots)
            if zone.plots.exists():
                # Sample plots seed only a zone whose plots nobody has recorded yet; sample
                # plots already there may still gain a sample outline.
                for plot in zone.plots.filter(is_sample=True, code__in=outlines):
                    self.sync(Plot, {"pk": plot.pk}, {"boundary": outlines[plot.code]})
                continue
            for code, area_m2, status, rent, sector_slugs in plots:
                plot, created = self.sync(
                    Plot,
                    {"zone": zone, "code": code},
                    {
                        "area_m2": Decimal(area_m2),
                        "status": status,
                        "rent_amount": rent,
                        "rent_quoted_on": langson.RENTS_QUOTED_ON if rent else None,
                        "boundary": outlines[code],
                        "is_sample": True,
                    },
                )
                if created:
                    plot.sectors.set(sectors[s] for s in sector_slugs)

        for slug in langson.PLOTS:
            zone = zones[slug]
            if zone.costs.exists():
                continue  # staff have recorded this zone's prices: no sample beside them
            for kind, time_of_day, amount, currency, basis, note in langson.COSTS:
                self.sync(
                    CostItem,
                    {"zone": zone, "plot": None, "kind": kind, "time_of_day": time_of_day},
                    {
                        "amount": amount,
                        "currency": currency,
                        "basis": basis,
                        "note": note,
                        "as_of": langson.COSTS_AS_OF,
                        "source": langson.SAMPLE_SOURCE,
                        "is_sample": True,
                    },
                )
        for (
            zone_slug,
            code,
            kind,
            area,
            height,
            load,
            crane,
            kva,
            docks,
            year,
            rent,
            ready,
        ) in langson.BUILDINGS:
            self.sync(
                Building,
                {"zone": zones[zone_slug], "code": code},
                {
                    "kind": kind,
                    "floor_area_m2": Decimal(area),
                    "clear_height_m": height,
                    "floor_load_t_m2": load,
                    "crane_t": crane,
                    "power_kva": kva,
                    "dock_doors": docks,
                    "year_built": year,
                    "rent_usd_m2_month": rent,
                    "rent_quoted_on": langson.COSTS_AS_OF,
                    "available_from": ready,
                    "is_sample": True,
                },
            )
        for currency, vnd in langson.EXCHANGE_RATES:
            self.sync(
                ExchangeRate,
                {"currency": currency},
                {"vnd_per_unit": vnd, "as_of": langson.COSTS_AS_OF, "is_sample": True},
            )
        for (slug, code), min_part_m2 in langson.DIVISIBLE_SAMPLE_PLOTS.items():
            # Sample plots only: a plot staff have taken over keeps what they set.
            for plot in zones[slug].plots.filter(code=code, is_sample=True):
                self.sync(Plot, {"pk": plot.pk}, {"min_part_m2": Decimal(min_part_m2)})

        for slug, projects in langson.PROJECTS.items():
            zone = zones[slug]
            if zone.projects.exists():
                continue
            for investor, sector, capital, status, plot_code in projects:
                plot = zone.plots.filter(code=plot_code).first()
                self.sync(
                    Project,
                    {"zone": zone, "investor_name_vi": investor["vi"]},
                    {
                        "investor_name": investor,
                        "sector": sectors[sector],
                        "registered_capital_vnd": Decimal(capital),
                        "status": status,
                        "plot": plot,
                        "area_ha": plot.area_m2 / M2_PER_HA if plot else None,
                        "is_sample": True,
                    },
                )

        for position, record in enumerate(langson.INDICATORS):
            values = {k: v for k, v in record.items() if k != "slug"}
            values.update(position=position, source=langson.SOURCE)
            self.sync(Indicator, {"slug": record["slug"]}, values)

        for record in langson.PROVINCIAL_CONTACTS:
            values = {**langson.SAMPLE_CONTACT, **record}
            self.sync(ContactPoint, {"kind": values.pop("kind"), "zone": None}, values)
        for record in langson.ZONES:
            if record.get("managing_body"):
                self.sync(
                    ContactPoint,
                    {"kind": ContactPoint.Kind.MANAGING_BODY, "zone": zones[record["slug"]]},
                    {**langson.SAMPLE_CONTACT, "name": record["managing_body"]},
                )
        return self.stats


class Command(BaseCommand):
    help = "Load Lạng Sơn's zones, sample plots and projects, and the province's indicators."

    def handle(self, *args, **options):
        with transaction.atomic():
            stats = Loader().load()
        if not stats:
            self.stdout.write("Lạng Sơn data: already loaded, nothing to add.")
        for (label, what), count in sorted(stats.items()):
            self.stdout.write(f"Lạng Sơn data: {label}: {count} {what}.")
