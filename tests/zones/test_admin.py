"""Staff keep the figures true in the admin."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from tests.factories import PlotFactory, ProjectFactory, ZoneFactory
from zones.models import Zone

pytestmark = pytest.mark.django_db


def changelist_post(zone, **changes):
    """The form data of the zone changelist with list_editable fields for one row."""
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(zone.pk),
        "form-0-fill_rate_pct": str(zone.fill_rate_pct),
        "form-0-status": zone.status,
        "_save": "Lưu",
    }
    data.update({f"form-0-{k}": v for k, v in changes.items()})
    return data


@pytest.mark.parametrize(
    "url",
    [
        "admin:zones_zone_changelist",
        "admin:zones_plot_changelist",
        "admin:zones_project_changelist",
        "admin:zones_indicator_changelist",
        "admin:zones_sector_changelist",
        "admin:zones_zone_add",
    ],
)
def test_admin_pages_open_for_staff(admin_client, langson, url):
    assert admin_client.get(reverse(url)).status_code == 200


def test_zone_change_page_shows_its_plots_and_projects_inline(admin_client, langson):
    zone = Zone.objects.get(slug="dong-banh")
    response = admin_client.get(reverse("admin:zones_zone_change", args=[zone.pk]))
    assertContains(response, 'value="B1"')
    assertContains(response, 'value="Nhà đầu tư A (tên mẫu)"')


def test_fill_rate_edited_in_the_list_is_saved_and_dated_today(admin_client):
    zone = ZoneFactory(
        fill_rate_pct=Decimal("60"), figures_as_of=timezone.localdate().replace(year=2021)
    )
    response = admin_client.post(
        reverse("admin:zones_zone_changelist"), changelist_post(zone, fill_rate_pct="65.5")
    )
    assert response.status_code == 302
    zone.refresh_from_db()
    assert zone.fill_rate_pct == Decimal("65.5")
    assert zone.figures_as_of == timezone.localdate()


def test_fill_rate_above_100_in_the_list_is_refused_with_a_message(admin_client):
    zone = ZoneFactory(fill_rate_pct=Decimal("60"))
    response = admin_client.post(
        reverse("admin:zones_zone_changelist"), changelist_post(zone, fill_rate_pct="160")
    )
    assert response.status_code == 200
    assertContains(response, "100")
    assert response.context["cl"].formset.errors[0]["fill_rate_pct"]
    zone.refresh_from_db()
    assert zone.fill_rate_pct == Decimal("60")


def test_leasable_area_above_total_is_refused_next_to_the_field(admin_client):
    zone = ZoneFactory(total_area_ha=Decimal("10"))
    url = reverse("admin:zones_zone_change", args=[zone.pk])
    data = {
        "name": zone.name,
        "slug": zone.slug,
        "kind": zone.kind,
        "district": zone.district,
        "status": zone.status,
        "total_area_ha": "10",
        "leasable_area_ha": "12",
        "fill_rate_pct": "50",
        "is_published": "on",
        "plots-TOTAL_FORMS": "0",
        "plots-INITIAL_FORMS": "0",
        "projects-TOTAL_FORMS": "0",
        "projects-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "leasable_area_ha" in response.context["adminform"].form.errors
    zone.refresh_from_db()
    assert zone.leasable_area_ha is None


def test_a_project_inline_leaves_its_plot_to_the_projects_own_page(admin_client):
    """The zone's page lists its projects compactly; the plot is chosen on the project's page
    (where the model's own check keeps it in the project's zone)."""
    zone = ZoneFactory()
    PlotFactory(zone=zone, code="OWN-1")
    project = ProjectFactory(zone=zone)
    response = admin_client.get(reverse("admin:zones_zone_change", args=[zone.pk]))
    assert "plot" not in response.context["inline_admin_formsets"][1].formset.forms[0].fields
    assert reverse("admin:zones_project_change", args=[project.pk]) in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(reverse("admin:zones_zone_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
