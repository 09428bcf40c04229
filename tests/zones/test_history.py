"""Every change of a figure is kept: who, when, old and new value, and the source note."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from tests.factories import PlotFactory, ProjectFactory, ZoneFactory
from zones.models import Plot, Project, Zone

pytestmark = pytest.mark.django_db


def zone_form(zone, **changes):
    data = {
        "name_vi": zone.name_vi or zone.name,
        "slug": zone.slug,
        "kind": zone.kind,
        "district": zone.district,
        "status": zone.status,
        "total_area_ha": str(zone.total_area_ha or ""),
        "fill_rate_pct": str(zone.fill_rate_pct or ""),
        "is_published": "on",
        "loaded_version": str(zone.version),
        "figures_as_of": zone.figures_as_of.isoformat() if zone.figures_as_of else "",
        "plots-TOTAL_FORMS": "0",
        "plots-INITIAL_FORMS": "0",
        "projects-TOTAL_FORMS": "0",
        "projects-INITIAL_FORMS": "0",
        # Editors manage the zone's photos too, inline.
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_a_fill_rate_change_is_kept_with_who_when_old_new_and_the_note(client, zone_editor):
    zone = ZoneFactory(fill_rate_pct=Decimal("60"))
    client.force_login(zone_editor)
    response = client.post(
        reverse("admin:zones_zone_change", args=[zone.pk]),
        zone_form(zone, fill_rate_pct="65", change_note="Báo cáo quý 3/2026"),
    )
    assert response.status_code == 302

    new, old = zone.history.all()[:2]
    assert (old.fill_rate_pct, new.fill_rate_pct) == (Decimal("60"), Decimal("65"))
    assert new.history_user == zone_editor
    assert new.history_change_reason == "Báo cáo quý 3/2026"
    assert timezone.now() - new.history_date < timedelta(minutes=1)
    changed = {c.field: (c.old, c.new) for c in new.diff_against(old).changes}
    assert changed["fill_rate_pct"] == (Decimal("60"), Decimal("65"))


def test_plot_and_project_status_changes_from_the_lists_are_kept(client, zone_editor):
    plot = PlotFactory(status=Plot.Status.AVAILABLE)
    project = ProjectFactory(status=Project.Status.INVESTMENT_PROCEDURES)
    client.force_login(zone_editor)
    for url, obj, status in [
        ("admin:zones_plot_changelist", plot, "leased"),
        ("admin:zones_project_changelist", project, "operating"),
    ]:
        response = client.post(
            reverse(url),
            {
                "form-TOTAL_FORMS": "1",
                "form-INITIAL_FORMS": "1",
                "form-0-id": str(obj.pk),
                "form-0-status": status,
                "_save": "Lưu",
            },
        )
        assert response.status_code == 302
        latest = obj.history.first()
        assert latest.status == status
        assert latest.history_user == zone_editor
        assert obj.history.count() == 2


def test_the_admin_shows_each_objects_history(admin_client):
    zone = ZoneFactory()
    zone.fill_rate_pct = Decimal("70")
    zone.save()
    response = admin_client.get(reverse("admin:zones_zone_history", args=[zone.pk]))
    assert response.status_code == 200
    assertContains(response, "70")


def test_the_fill_rate_history_is_dated_by_the_figures_not_the_typing():
    zone = ZoneFactory(fill_rate_pct=Decimal("60"), figures_as_of=date(2021, 1, 1))
    zone = Zone.objects.get(pk=zone.pk)
    zone.fill_rate_pct = Decimal("72")
    zone.save()  # dated today automatically
    zone.description = "Only words changed"
    zone.save()
    assert zone.fill_rate_history() == [
        (date(2021, 1, 1), Decimal("60")),
        (timezone.localdate(), Decimal("72")),
    ]


def test_the_zone_page_charts_the_fill_rate_with_a_text_table(client):
    zone = ZoneFactory(fill_rate_pct=Decimal("60"), figures_as_of=date(2021, 1, 1))
    zone = Zone.objects.get(pk=zone.pk)
    zone.fill_rate_pct = Decimal("72")
    zone.save()
    response = client.get(zone.get_absolute_url())
    html = response.content.decode()
    chart = html.split('id="fill-rate-history"')[1].split("</section>")[0]
    assert chart.count("<circle") == 2
    assert '<svg viewBox="0 0 560 220"' in chart and 'role="img"' in chart
    assert "01/01/2021" in chart and "72 %" in chart and "60 %" in chart
    assert timezone.localdate().strftime("%d/%m/%Y") in chart
    assertContains(response, f'id="zone-as-of">{timezone.localdate():%d/%m/%Y}<')


def test_computed_fill_rate_is_shown_and_warns_when_far_from_the_reported(admin_client):
    zone = ZoneFactory(
        total_area_ha=Decimal("10"), fill_rate_pct=Decimal("90"), plots_complete=True
    )
    PlotFactory(zone=zone, area_m2=Decimal("50000"), status=Plot.Status.LEASED)
    PlotFactory(zone=zone, area_m2=Decimal("50000"), status=Plot.Status.AVAILABLE)
    response = admin_client.get(reverse("admin:zones_zone_change", args=[zone.pk]))
    assertContains(response, "50.0 %")
    assertContains(response, "lệch hơn 5 điểm")

    Zone.objects.filter(pk=zone.pk).update(fill_rate_pct=Decimal("52"))
    response = admin_client.get(reverse("admin:zones_zone_change", args=[zone.pk]))
    assertContains(response, "50.0 %")
    assert "lệch hơn 5 điểm" not in response.content.decode()
