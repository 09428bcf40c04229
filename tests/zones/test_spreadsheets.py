"""Bulk update by spreadsheet: preview first, row errors named, all or nothing."""

import io
from decimal import Decimal

import pytest
import tablib
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.factories import PlotFactory, ZoneFactory
from zones.models import Plot, Zone
from zones.resources import PlotResource, ZoneResource

pytestmark = pytest.mark.django_db


def exported(resource, queryset=None):
    return resource.export(queryset)


def test_export_then_import_of_a_good_file_applies_every_row():
    dong_banh = ZoneFactory(slug="dong-banh", fill_rate_pct=Decimal("60"))
    hong_phong = ZoneFactory(slug="hong-phong", fill_rate_pct=Decimal("30"))
    data = exported(ZoneResource())
    data = tablib.Dataset().load(data.csv, format="csv")
    rows = {row["slug"]: i for i, row in enumerate(data.dict)}
    data_dict = data.dict
    data_dict[rows["dong-banh"]]["fill_rate_pct"] = "62.5"
    data_dict[rows["hong-phong"]]["status"] = "under_construction"
    data = tablib.Dataset(headers=data.headers)
    for row in data_dict:
        data.append([row[h] for h in data.headers])

    preview = ZoneResource().import_data(data, dry_run=True)
    assert not preview.has_errors() and not preview.has_validation_errors()
    assert sorted(r.import_type for r in preview.rows) == ["update", "update"]
    assert Zone.objects.get(pk=dong_banh.pk).fill_rate_pct == Decimal("60")  # preview only

    result = ZoneResource().import_data(data, dry_run=False)
    assert not result.has_validation_errors()
    assert Zone.objects.get(pk=dong_banh.pk).fill_rate_pct == Decimal("62.5")
    assert Zone.objects.get(pk=hong_phong.pk).status == "under_construction"


def test_one_bad_row_is_named_with_its_row_and_column_and_nothing_is_applied():
    ZoneFactory(slug="dong-banh", fill_rate_pct=Decimal("60"))
    ZoneFactory(slug="hong-phong", fill_rate_pct=Decimal("30"))
    data = tablib.Dataset().load(
        exported(ZoneResource(), Zone.objects.order_by("slug")).csv, format="csv"
    )
    rows = data.dict
    rows[0]["fill_rate_pct"] = "61"  # dong-banh: fine
    rows[1]["fill_rate_pct"] = "150"  # hong-phong: impossible
    data = tablib.Dataset(*[[r[h] for h in data.headers] for r in rows], headers=data.headers)

    result = ZoneResource().import_data(data, dry_run=False)

    assert result.has_validation_errors()
    [invalid] = result.invalid_rows
    assert invalid.number == 2
    assert "fill_rate_pct" in invalid.field_specific_errors
    assert Zone.objects.get(slug="dong-banh").fill_rate_pct == Decimal("60")  # all or nothing


def test_a_row_edited_by_someone_since_the_export_is_refused():
    zone = ZoneFactory(slug="dong-banh", fill_rate_pct=Decimal("60"))
    data = tablib.Dataset().load(exported(ZoneResource()).csv, format="csv")
    zone = Zone.objects.get(pk=zone.pk)
    zone.fill_rate_pct = Decimal("64")
    zone.save()  # meanwhile, in the admin

    rows = data.dict
    rows[0]["fill_rate_pct"] = "61"
    data = tablib.Dataset(*[[r[h] for h in data.headers] for r in rows], headers=data.headers)
    result = ZoneResource().import_data(data, dry_run=False)

    assert result.has_validation_errors()
    assert "version" in result.invalid_rows[0].field_specific_errors
    assert Zone.objects.get(pk=zone.pk).fill_rate_pct == Decimal("64")


def test_plots_are_imported_by_zone_and_code():
    zone = ZoneFactory(slug="hop-thanh-2")
    plot = PlotFactory(zone=zone, code="CN2-04", status=Plot.Status.AVAILABLE)
    data = tablib.Dataset().load(exported(PlotResource()).csv, format="csv")
    rows = data.dict
    rows[0]["status"] = "leased"
    data = tablib.Dataset(*[[r[h] for h in data.headers] for r in rows], headers=data.headers)
    result = PlotResource().import_data(data, dry_run=False)
    assert not result.has_validation_errors(), result.invalid_rows
    plot.refresh_from_db()
    assert plot.status == "leased"


@pytest.mark.parametrize("model", ["zone", "plot", "project"])
def test_staff_find_import_and_export_in_the_admin(admin_client, model):
    assert admin_client.get(reverse(f"admin:zones_{model}_import")).status_code == 200
    assert admin_client.get(reverse(f"admin:zones_{model}_export")).status_code == 200


def test_the_admin_previews_an_uploaded_csv_before_applying_it(admin_client):
    zone = ZoneFactory(slug="dong-banh", fill_rate_pct=Decimal("60"))
    data = tablib.Dataset().load(exported(ZoneResource()).csv, format="csv")
    rows = data.dict
    rows[0]["fill_rate_pct"] = "66"
    data = tablib.Dataset(*[[r[h] for h in data.headers] for r in rows], headers=data.headers)
    upload = io.BytesIO(data.csv.encode())
    upload.name = "zones.csv"
    form = admin_client.get(reverse("admin:zones_zone_import")).context["form"]
    csv_choice = next(
        value for value, label in form.fields["format"].choices if "csv" in str(label).lower()
    )

    response = admin_client.post(
        reverse("admin:zones_zone_import"), {"import_file": upload, "format": csv_choice}
    )

    assert response.status_code == 200
    [row] = response.context["result"].rows
    assert row.import_type == "update"
    assertContains(response, "<ins")  # the change is shown before it is applied
    assert "confirm_form" in response.context
    assert Zone.objects.get(pk=zone.pk).fill_rate_pct == Decimal("60")
