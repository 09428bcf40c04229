"""The admin index tells staff what needs them this morning."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from investors.models import Inquiry, InquiryNote
from portal.dashboard import dashboard
from tests.factories import InquiryFactory, PlotFactory, ZoneFactory

pytestmark = pytest.mark.django_db


def test_the_dashboard_figures_match_the_database(admin_client, superuser):
    now = timezone.now()
    InquiryFactory.create_batch(2)  # this week
    InquiryFactory(created=now - timedelta(days=15))
    quiet = InquiryFactory(created=now - timedelta(days=20))
    noted = InquiryFactory(created=now - timedelta(days=20))
    closed = InquiryFactory(created=now - timedelta(days=20), status=Inquiry.Status.LOST)
    Inquiry.objects.filter(pk__in=[quiet.pk, noted.pk, closed.pk]).update(
        updated=now - timedelta(days=10)
    )
    InquiryNote.objects.create(inquiry=noted, author=superuser, text="Đã gọi")
    stale = ZoneFactory(
        figures_as_of=timezone.localdate() - timedelta(days=200),
        total_area_ha=Decimal("100"),
        fill_rate_pct=Decimal("40"),
    )
    ZoneFactory(figures_as_of=timezone.localdate())
    with_plots = ZoneFactory(figures_as_of=timezone.localdate(), plots_complete=True)
    PlotFactory(zone=with_plots, area_m2=Decimal("25000"))

    board = dashboard(superuser, now=now)

    week_start = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    expected_new = Inquiry.objects.filter(created__date__gte=week_start).count()
    assert board["new_this_week"] == expected_new
    assert [row["reference"] for row in board["quiet"]] == [quiet.reference]
    assert [row["pk"] for row in board["stale_zones"]] == [stale.pk]
    free = {row["pk"]: row["free_area_ha"] for row in board["free_land"]}
    assert free[stale.pk] == Decimal("60")
    assert free[with_plots.pk] == Decimal("2.5")

    response = admin_client.get("/admin/")
    html = response.content.decode()
    assert f'id="panel-new"><a href="/admin/investors/inquiry/">{expected_new}</a>' in html
    assert quiet.reference in html.split('id="panel-quiet"')[1].split("</div>")[0]


def test_each_panel_costs_one_query(superuser, zone_editor, django_assert_num_queries):
    ZoneFactory.create_batch(3)
    InquiryFactory.create_batch(3)
    with django_assert_num_queries(4):
        dashboard(superuser)
    ZoneFactory.create_batch(30)
    InquiryFactory.create_batch(30)
    with django_assert_num_queries(4 + 1):  # + whether a non-superuser manages zones
        dashboard(zone_editor)


def test_the_free_land_panel_lists_the_zones_with_most_free_land_up_to_the_limit(superuser):
    from portal.dashboard import LIST_LIMIT

    for hectares in range(LIST_LIMIT + 5):
        ZoneFactory(total_area_ha=Decimal(100 + hectares), fill_rate_pct=Decimal("0"))
    free = [row["free_area_ha"] for row in dashboard(superuser)["free_land"]]
    assert len(free) == LIST_LIMIT
    assert free == sorted(free, reverse=True)
    assert free[0] == Decimal(100 + LIST_LIMIT + 4)
