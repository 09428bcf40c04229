"""The staff's morning view on the admin index: one query per panel."""

from datetime import datetime, time, timedelta
from types import SimpleNamespace

from django.conf import settings
from django.db.models import F, Max, Q
from django.utils import timezone

from investors.models import Inquiry
from zones.figures import FreeLand
from zones.models import Zone

LIST_LIMIT = 20


def dashboard(user, now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    week_start = timezone.make_aware(
        datetime.combine(today - timedelta(days=today.weekday()), time.min)
    )
    quiet_since = now - timedelta(days=7)
    stale_before = today - timedelta(days=settings.STALE_FIGURES_DAYS)
    # A zone manager sees their zones and the inquiries about them.
    zones, inquiries = Zone.objects.managed_by(user), Inquiry.objects.visible_to(user)
    return {
        "new_this_week": inquiries.filter(created__gte=week_start).count(),
        "quiet": list(
            inquiries.exclude(status__in=Inquiry.CLOSED)
            .annotate(last_note=Max("notes__created"))
            .filter(updated__lt=quiet_since)
            .filter(Q(last_note__isnull=True) | Q(last_note__lt=quiet_since))
            .order_by("updated")
            .values("pk", "reference", "company_name", "updated")[:LIST_LIMIT]
        ),
        "stale_zones": list(
            zones.filter(Q(figures_as_of__lt=stale_before) | Q(figures_as_of__isnull=True))
            .order_by("figures_as_of")
            .values("pk", "name", "figures_as_of")[:LIST_LIMIT]
        ),
        "free_land": [
            # The same figure, rounding and marker as the public pages (Zone.free_land).
            {**row, "free_land": FreeLand.of(SimpleNamespace(**row))}
            for row in zones.order_by(F("free_area_ha").desc(nulls_last=True), "name").values(
                *("pk", "name", "free_area_ha", "free_area_basis", "is_sample"),
                *("fill_rate_pct", "fill_rate_approximate"),
            )[:LIST_LIMIT]
        ],
        "stale_days": settings.STALE_FIGURES_DAYS,
    }
