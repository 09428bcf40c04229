"""Two staff editing the same figures: the second save is refused, nothing is overwritten."""

from decimal import Decimal

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.factories import PlotFactory, ZoneFactory
from tests.zones.test_history import zone_form
from zones.models import StaleEdit, Zone

pytestmark = pytest.mark.django_db


def test_the_second_of_two_concurrent_admin_saves_is_refused(client, zone_editor, superuser):
    zone = ZoneFactory(fill_rate_pct=Decimal("60"))
    url = reverse("admin:zones_zone_change", args=[zone.pk])
    client.force_login(zone_editor)
    first_form = client.get(url).context["adminform"].form
    second_form_version = first_form["loaded_version"].value()  # both opened the same version

    assert client.post(url, zone_form(zone, fill_rate_pct="65")).status_code == 302

    client.force_login(superuser)
    response = client.post(
        url, zone_form(zone, fill_rate_pct="70", loaded_version=str(second_form_version))
    )
    assert response.status_code == 200
    assertContains(response, "editor")  # who changed it
    assertContains(response, "65")  # their value
    assertContains(response, "chưa được lưu")
    zone.refresh_from_db()
    assert zone.fill_rate_pct == Decimal("65")


def test_the_database_refuses_a_stale_copy_whoever_saves_it():
    zone = ZoneFactory()
    mine, theirs = Zone.objects.get(pk=zone.pk), Zone.objects.get(pk=zone.pk)
    theirs.fill_rate_pct = Decimal("10")
    theirs.save()
    mine.fill_rate_pct = Decimal("20")
    with pytest.raises(StaleEdit):
        mine.save()
    zone.refresh_from_db()
    assert zone.fill_rate_pct == Decimal("10")


def test_a_stale_plot_inline_is_refused_too(admin_client):
    plot = PlotFactory()
    zone = plot.zone
    data = zone_form(zone)
    data.update(
        {
            "plots-TOTAL_FORMS": "1",
            "plots-INITIAL_FORMS": "1",
            "plots-0-id": str(plot.pk),
            "plots-0-zone": str(zone.pk),
            "plots-0-code": plot.code,
            "plots-0-area_m2": "10000",
            "plots-0-status": "leased",
            "plots-0-rent_currency": "USD",
            "plots-0-rent_basis": "m2_term",
            "plots-0-loaded_version": str(plot.version),
        }
    )
    plot.status = "reserved"
    plot.save()  # someone else, meanwhile
    response = admin_client.post(reverse("admin:zones_zone_change", args=[zone.pk]), data)
    assert response.status_code == 200
    plot.refresh_from_db()
    assert plot.status == "reserved"
