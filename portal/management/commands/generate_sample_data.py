"""Fill the database with realistic synthetic data for load tests, all marked as sample.

    manage.py generate_sample_data --zones 500 --plots 50000 --inquiries 100000

Bulk inserts in batches; safe to run again (new rows get new slugs and references).
"""

import random
import uuid
from datetime import timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from investors.models import Inquiry, ReferenceSequence
from portal.page_cache import catalogue_changed
from zones.geo import BBOX
from zones.models import District, Plot, Sector, Zone

BATCH = 2000
YEARS_BACK = 5  # inquiries spread over the past five years: at most 99,999 a year


class Command(BaseCommand):
    help = "Generate synthetic zones, plots and inquiries (marked sample) with bulk inserts."

    def add_arguments(self, parser):
        parser.add_argument("--zones", type=int, default=500)
        parser.add_argument("--plots", type=int, default=50_000)
        parser.add_argument("--inquiries", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, zones, plots, inquiries, seed, **options):
        if min(zones, plots, inquiries) < 0 or (plots and not zones):
            raise CommandError("Counts must be positive, and plots need zones.")
        if inquiries > 99_999 * YEARS_BACK:
            raise CommandError(f"At most {99_999 * YEARS_BACK} inquiries.")
        rng = random.Random(seed)
        with transaction.atomic():
            made_zones = self._zones(rng, zones)
            self._plots(rng, made_zones, plots)
            self._inquiries(rng, made_zones, inquiries)
        catalogue_changed()
        self._analyze()
        self.stdout.write(f"Sample data: {zones} zones, {plots} plots, {inquiries} inquiries.")

    def _analyze(self):
        """Fresh planner statistics and visibility map, as after any bulk load: without the
        statistics PostgreSQL believes the tables nearly empty and picks nested loops over
        500 × 500 zones (138 ms instead of 2); until VACUUM has marked the new pages all-visible,
        an index-only scan still reads every row from the table (the plot search's count of
        17,000 available plots: 15 ms instead of 4). Autovacuum would get there, minutes later."""
        if connection.vendor != "postgresql":
            return
        # VACUUM cannot run inside a transaction (a test's, say): ANALYZE alone there.
        command = "ANALYZE " if connection.in_atomic_block else "VACUUM ANALYZE "
        tables = [model._meta.db_table for model in (Zone, Plot, Plot.sectors.through, Inquiry)]
        with connection.cursor() as cursor:
            cursor.execute(command + ", ".join(connection.ops.quote_name(t) for t in tables))

    def _zones(self, rng, count):
        start = Zone.objects.filter(slug__startswith="sample-").count()
        districts, statuses = list(District.values), list(Zone.Status.values)
        today = timezone.localdate()
        rows = []
        for n in range(start, start + count):
            total = Decimal(rng.randrange(5, 800))
            rows.append(
                Zone(
                    name=f"Khu công nghiệp mẫu {n + 1}",
                    name_vi=f"Khu công nghiệp mẫu {n + 1}",
                    name_en=f"Sample industrial park {n + 1}",
                    name_zh_hans=f"示例工业园{n + 1}",
                    slug=f"sample-{n + 1:05d}",
                    kind=rng.choice([Zone.Kind.INDUSTRIAL_PARK, Zone.Kind.INDUSTRIAL_CLUSTER]),
                    district=rng.choice(districts),
                    status=rng.choice(statuses),
                    total_area_ha=total,
                    fill_rate_pct=Decimal(rng.randrange(0, 100)),
                    latitude=Decimal(
                        str(round(rng.uniform(BBOX["min_lat"] + 0.1, BBOX["max_lat"] - 0.1), 6))
                    ),
                    longitude=Decimal(
                        str(round(rng.uniform(BBOX["min_lng"] + 0.1, BBOX["max_lng"] - 0.1), 6))
                    ),
                    coordinates_are_sample=True,
                    is_sample=True,
                    figures_as_of=today - timedelta(days=rng.randrange(0, 400)),
                    description="Dữ liệu mẫu cho thử tải.",
                    description_vi="Dữ liệu mẫu cho thử tải.",
                )
            )
        return Zone.objects.bulk_create(rows, batch_size=BATCH)

    def _plots(self, rng, zones, count):
        sectors = list(Sector.objects.all())
        statuses = list(Plot.Status.values)
        rows = [
            Plot(
                zone=zones[n % len(zones)],
                code=f"S{n // len(zones) + 1:04d}",
                area_m2=Decimal(rng.randrange(2_000, 300_000)),
                status=rng.choice(statuses),
                rent_amount=Decimal(rng.randrange(30, 90)) if rng.random() < 0.7 else None,
                is_sample=True,
            )
            for n in range(count)
        ]
        made = Plot.objects.bulk_create(rows, batch_size=BATCH)
        if sectors:
            through = Plot.sectors.through
            links = [through(plot_id=p.pk, sector_id=rng.choice(sectors).pk) for p in made]
            through.objects.bulk_create(links, batch_size=BATCH)
        # bulk_create sends no signal: recount the zones' stored plot totals once, here.
        Zone.objects.filter(pk__in={zone.pk for zone in zones}).refresh_plot_totals()

    def _inquiries(self, rng, zones, count):
        sectors = list(Sector.objects.all())
        if not count:
            return
        if not sectors:
            raise CommandError("Inquiries need sectors: run load_langson first.")
        now = timezone.now()
        this_year = timezone.localdate().year
        per_year = {}
        rows = []
        for n in range(count):
            year = this_year - 1 - n % YEARS_BACK
            sequence = (
                ReferenceSequence.objects.get_or_create(year=year)[0]
                if year not in per_year
                else None
            )
            if sequence is not None:
                per_year[year] = sequence.last_number
            per_year[year] += 1
            created = now - timedelta(days=365 * (this_year - year) - rng.randrange(0, 300))
            rows.append(
                Inquiry(
                    reference=f"EOI-{year}-{per_year[year]:05d}",
                    submission_token=uuid.uuid4(),
                    company_name=f"Sample Company {n + 1}",
                    contact_name="Sample Contact",
                    email=f"sample{n + 1}@example.invalid",
                    country=rng.choice(["CN", "VN", "KR", "JP"]),
                    sector=rng.choice(sectors),
                    language=rng.choice(["vi", "en", "zh-hans"]),
                    consent_at=created,
                    privacy_notice_version="sample",
                    created=created,
                    first_response_due=created + timedelta(days=2),
                    status=rng.choice(list(Inquiry.Status.values)),
                )
            )
        made = Inquiry.objects.bulk_create(rows, batch_size=BATCH)
        for year, last in per_year.items():
            ReferenceSequence.objects.filter(year=year).update(last_number=last)
        through = Inquiry.zones.through
        through.objects.bulk_create(
            (through(inquiry_id=i.pk, zone_id=rng.choice(zones).pk) for i in made if zones),
            batch_size=BATCH,
        )
